import "reflect-metadata";

import { type Config, loadConfig } from "./config/config";
import { ConfigProblem } from "./config/parsers";
import { createLogger, type Logger } from "./logging/logger";
import { type RunningServer, startServer } from "./server";
import { type DevEmulator, startDevEmulator } from "./startDevEmulator";

/** Process entry point: configure, start, and stop cleanly on signals. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({
    level: config.logLevel,
    pretty: config.logPretty,
  });

  // Without credentials a developer gets the emulator; production refuses.
  let devEmulator: DevEmulator | null = null;
  let { credentials, faceIdEndpoint } = config;
  if (credentials === null) {
    if (config.production) {
      exitWith(
        "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are required " +
          "in production.",
      );
    }
    devEmulator = await startDevEmulator(logger);
    credentials = devEmulator.credentials;
    faceIdEndpoint = devEmulator.endpoint;
  }

  const server = await startServer({
    config: { ...config, faceIdEndpoint },
    credentials,
    logger,
  });
  logger.info({ url: `${server.url}/graphql` }, "server ready");
  stopOnSignals(server, devEmulator, logger);
}

function loadConfigOrExit(): Readonly<Config> {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigProblem) {
      exitWith(error.message);
    }
    throw error;
  }
}

/** Stops accepting, lets in-flight requests finish, then exits 0. */
function stopOnSignals(
  server: RunningServer,
  devEmulator: DevEmulator | null,
  logger: Logger,
): void {
  const stop = async (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    await server.close();
    await devEmulator?.emulator.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", (signal) => void stop(signal));
  process.once("SIGINT", (signal) => void stop(signal));
}

/** One clear line on stderr and a non-zero exit. */
function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// Start-up handles no request data yet, so its errors are safe to print.
main().catch((error: unknown) => {
  exitWith(`Start-up failed: ${String(error)}`);
});
