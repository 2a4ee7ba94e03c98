import { createFaceIdEmulator } from "./createFaceIdEmulator";
import type { EmulatorCredential } from "./createFaceIdEmulator";
import { EMULATOR_SECRET_ID, EMULATOR_SECRET_KEY } from "./defaults";
import { SAMPLE_TOKENS } from "./fixtures";

// The standalone emulator: `npm run emulator`. Configuration comes only from
// the environment, and the only output is one JSON line per lifecycle event,
// never anything about a request.

const DEFAULT_PORT = 9000;
const DEFAULT_HOST = "127.0.0.1";

function writeLogLine(fields: Record<string, unknown>): void {
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`,
  );
}

/** The port from EMULATOR_PORT, refusing anything that is not a port. */
function portFromEnvironment(value: string | undefined): number {
  if (value === undefined || value === "") {
    return DEFAULT_PORT;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`EMULATOR_PORT must be a port number, but got: ${value}.`);
  }
  return port;
}

/**
 * The credentials to accept: the pair from TENCENTCLOUD_SECRET_ID and
 * TENCENTCLOUD_SECRET_KEY when both are set, so a server configured for the
 * emulator needs no other change; the synthetic pair otherwise.
 */
function credentialFromEnvironment(): EmulatorCredential {
  const secretId = process.env.TENCENTCLOUD_SECRET_ID;
  const secretKey = process.env.TENCENTCLOUD_SECRET_KEY;
  if (secretId && secretKey) {
    return { secretId, secretKey };
  }
  return { secretId: EMULATOR_SECRET_ID, secretKey: EMULATOR_SECRET_KEY };
}

async function main(): Promise<void> {
  const credential = credentialFromEnvironment();
  const emulator = createFaceIdEmulator({ credentials: [credential] });
  const { url } = await emulator.listen(
    portFromEnvironment(process.env.EMULATOR_PORT),
    process.env.EMULATOR_HOST || DEFAULT_HOST,
  );

  // The SecretId is an identifier, not a secret, and the operator needs it
  // to point a client here; the key is never printed.
  writeLogLine({
    msg: "faceid emulator listening",
    url,
    secretId: credential.secretId,
    sampleTokens: SAMPLE_TOKENS,
  });

  const shutDown = (signal: NodeJS.Signals): void => {
    emulator.close().then(
      () => writeLogLine({ msg: "faceid emulator stopped", signal }),
      (error: unknown) => {
        writeLogLine({
          msg: "faceid emulator failed to stop",
          error: String(error),
        });
        process.exitCode = 1;
      },
    );
  };
  process.once("SIGTERM", shutDown);
  process.once("SIGINT", shutDown);
}

main().catch((error: unknown) => {
  writeLogLine({
    msg: "faceid emulator failed to start",
    error: String(error),
  });
  process.exitCode = 1;
});
