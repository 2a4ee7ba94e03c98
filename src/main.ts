import "reflect-metadata";

import { type Config, loadConfig } from "./config/config";
import { ConfigProblem } from "./config/parsers";
import {
  isAuthenticationConfigured,
  productionRefusal,
} from "./config/productionRequirements";
import { createLogger, type Logger } from "./logging/logger";
import { type RunningServer, startServer } from "./server";
import { type DevEmulator, startDevEmulator } from "./startDevEmulator";

/** Process entry point: configure, start, and stop cleanly on signals. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();

  // Production starts fully configured or not at all, before anything runs.
  const refusal = productionRefusal(config);
  if (refusal !== null) {
    exitWith(refusal);
  }
  const logger = createLogger({
    level: config.logLevel,
    pretty: config.logPretty,
  });

  // Without credentials a developer gets the emulator (never production,
  // which the refusal above has already stopped).
  let devEmulator: DevEmulator | null = null;
  let { credentials, faceIdEndpoint } = config;
  if (credentials === null) {
    devEmulator = await startDevEmulator(logger);
    credentials = devEmulator.credentials;
    faceIdEndpoint = devEmulator.endpoint;
  }

  if (!isAuthenticationConfigured(config)) {
    logger.warn(
      "No API_KEYS or AUTH_JWKS_URL set: every request is served without " +
        "authentication. Production refuses to start like this.",
    );
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
    try {
      await server.close();
      await devEmulator?.emulator.close();
    } catch (error) {
      // The stop still ends the process; a supervisor sees it failed.
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
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
