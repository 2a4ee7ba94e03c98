import { loadConfig } from "../../src/config/config";
import {
  createFaceIdEmulator,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
  type FaceIdEmulator,
  type FaceIdEmulatorOptions,
} from "../../src/emulator";
import { createLogger } from "../../src/logging/logger";
import { type RunningServer, startServer } from "../../src/server";

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{
      message: string;
      path?: Array<string | number>;
      extensions?: Record<string, unknown>;
    }>;
  };
}

/** The server and an emulator behind it, both on loopback. */
export interface TestStack {
  emulator: FaceIdEmulator;
  server: RunningServer;
  /** Everything the server has logged so far, as JSON lines. */
  logs(): string;
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** Environment variables for the server's configuration. */
  env?: Record<string, string>;
  emulator?: FaceIdEmulatorOptions;
  /** Credentials the server signs with; the emulator's own by default. */
  credentials?: { secretId: string; secretKey: string };
  /**
   * An API key the server accepts (added to API_KEYS) and that `graphql()`
   * sends as a bearer token unless the call's headers say otherwise.
   */
  apiKey?: string;
  /** The server's clock, in epoch milliseconds; the real one if unset. */
  now?: () => number;
}

/** Starts an emulator and a server pointed at it, logging at debug. */
export async function startTestStack(
  options: TestStackOptions = {},
): Promise<TestStack> {
  const emulator = createFaceIdEmulator(options.emulator);
  const { url } = await emulator.listen(0, "127.0.0.1");

  const lines: string[] = [];
  const logger = createLogger(
    { level: "debug", pretty: false },
    { write: (line: string) => void lines.push(line) },
  );
  let server: RunningServer;
  try {
    const config = loadConfig({
      HOST: "127.0.0.1",
      PORT: "0",
      FACEID_ENDPOINT: url,
      ...options.env,
      ...apiKeysEnv(options),
    });
    server = await startServer({
      config,
      credentials: options.credentials ?? {
        secretId: EMULATOR_SECRET_ID,
        secretKey: EMULATOR_SECRET_KEY,
      },
      logger,
      now: options.now,
    });
  } catch (error) {
    // A listening emulator would keep jest from exiting.
    await emulator.close();
    throw error;
  }

  return {
    emulator,
    server,
    logs: () => lines.join(""),
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.apiKey && { authorization: `Bearer ${options.apiKey}` }),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLResponse["body"],
      };
    },
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}

/** API_KEYS with the stack's own key added to any the test configured. */
function apiKeysEnv(options: TestStackOptions): Record<string, string> {
  if (options.apiKey === undefined) {
    return {};
  }
  const configured = options.env?.API_KEYS;
  return {
    API_KEYS: configured ? `${configured},${options.apiKey}` : options.apiKey,
  };
}
