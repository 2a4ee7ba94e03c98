import {
  createFaceIdEmulator,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
  type FaceIdEmulator,
} from "../../src/emulator";
import { LOOPBACK } from "./network";

/** A FaceID emulator listening on loopback, in the harness's process. */
export interface RunningEmulator {
  emulator: FaceIdEmulator;
  /** Its base URL, for FACEID_ENDPOINT. */
  url: string;
}

/** The credentials the emulator accepts, for a server's environment. */
export const EMULATOR_CREDENTIALS = {
  secretId: EMULATOR_SECRET_ID,
  secretKey: EMULATOR_SECRET_KEY,
} as const;

/**
 * Starts an emulator. It runs in the harness rather than in a child: the
 * harness is idle while the load process works, and this way the counters
 * (`callsFor`, `stats`) are read directly.
 */
export async function startEmulator(
  maxRequestsPerSecond?: number,
): Promise<RunningEmulator> {
  const emulator = createFaceIdEmulator({ maxRequestsPerSecond });
  const { url } = await emulator.listen(0, LOOPBACK);
  return { emulator, url };
}

/** Mints `count` fresh tokens of `fixture`. */
export function mintTokens(
  emulator: FaceIdEmulator,
  fixture: string,
  count: number,
): string[] {
  return Array.from(
    { length: count },
    () => emulator.mintToken({ fixture }).token,
  );
}

/** Starts an emulator, runs `use`, and closes the emulator whatever happens. */
export async function withEmulator<T>(
  maxRequestsPerSecond: number | undefined,
  use: (running: RunningEmulator) => Promise<T>,
): Promise<T> {
  const running = await startEmulator(maxRequestsPerSecond);
  try {
    return await use(running);
  } finally {
    await running.emulator.close();
  }
}
