/**
 * A local emulator of Tencent Cloud FaceID's `GetWxNFCResult`, for tests,
 * benchmarks and development without the real API. See
 * `createFaceIdEmulator` for the entry point and `main.ts` for the CLI.
 */
export { createFaceIdEmulator } from "./createFaceIdEmulator";
export type {
  EmulatorCredential,
  FaceIdEmulator,
  FaceIdEmulatorOptions,
} from "./createFaceIdEmulator";
export {
  CONTROL_PATH_PREFIX,
  DEFAULT_MAX_REQUESTS_PER_SECOND,
  DEFAULT_TOKEN_TTL_MS,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
} from "./defaults";
export type { EmulatorStats } from "./emulatorStats";
export { FAULT_KINDS } from "./faultPlan";
export type { FaultKind, FaultRule } from "./faultPlan";
export {
  FIXTURES,
  listFixturePersonalValues,
  PERSONAL_FIELDS,
  SAMPLE_TOKENS,
} from "./fixtures";
export type { FaceIdFixture, FieldOverrides, SampleToken } from "./fixtures";
export { ControlInputError } from "./controlInput";
export { isLoopbackAddress } from "./loopback";
export type { MintedToken, MintTokenRequest } from "./tokenStore";
