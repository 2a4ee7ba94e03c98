import type { TencentCredentials } from "./config/config";
import {
  createFaceIdEmulator,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
  type FaceIdEmulator,
  SAMPLE_TOKENS,
} from "./emulator";
import type { Logger } from "./logging/logger";

/** The in-process emulator and how to reach it. */
export interface DevEmulator {
  emulator: FaceIdEmulator;
  endpoint: URL;
  credentials: TencentCredentials;
}

/**
 * Starts the FaceID emulator on loopback for a developer who has set no
 * Tencent credentials, and says so plainly in one log entry, with the
 * sample tokens to try. Never used in production.
 */
export async function startDevEmulator(logger: Logger): Promise<DevEmulator> {
  const emulator = createFaceIdEmulator();
  const { url } = await emulator.listen(0, "127.0.0.1");

  const tokens = SAMPLE_TOKENS.map(({ token, description }) => ({
    token,
    description,
  }));
  logger.warn(
    { emulatorUrl: url, sampleTokens: tokens },
    "No TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY set: serving " +
      "SYNTHETIC documents from the built-in FaceID emulator. Open " +
      "/graphql in a browser and try a sample token, e.g. " +
      `${tokens[0]?.token ?? "sample-id-card"}; the full list is in ` +
      "sampleTokens.",
  );

  return {
    emulator,
    endpoint: new URL(url),
    credentials: {
      secretId: EMULATOR_SECRET_ID,
      secretKey: EMULATOR_SECRET_KEY,
    },
  };
}
