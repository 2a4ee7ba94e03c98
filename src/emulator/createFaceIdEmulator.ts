import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import type { ActionEndpointContext } from "./actionEndpoint";
import { serveAction } from "./actionEndpoint";
import type { ControlOperations } from "./controlApi";
import { serveControl } from "./controlApi";
import { parseFaultRule, parseMintTokenRequest } from "./controlInput";
import {
  CONTROL_PATH_PREFIX,
  DEFAULT_MAX_REQUESTS_PER_SECOND,
  DEFAULT_TOKEN_TTL_MS,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
  MAX_REQUEST_BODY_BYTES,
} from "./defaults";
import { StatsRecorder } from "./emulatorStats";
import type { FaultRule } from "./faultPlan";
import { FaultPlan } from "./faultPlan";
import { loadImageLibrary, SAMPLE_TOKENS } from "./fixtures";
import { sendJson } from "./httpReplies";
import { PendingDelays } from "./pendingDelays";
import { SlidingWindowRateLimiter } from "./rateLimiter";
import { splitRequestTarget } from "./requestTarget";
import type { MintedToken, MintTokenRequest } from "./tokenStore";
import { TokenStore } from "./tokenStore";

/** A SecretId and SecretKey pair the emulator accepts. */
export interface EmulatorCredential {
  readonly secretId: string;
  readonly secretKey: string;
}

/** How to set up an emulator; every option has a default. */
export interface FaceIdEmulatorOptions {
  /** Accepted pairs; the synthetic EMULATOR_SECRET_ID pair if unset. */
  readonly credentials?: readonly EmulatorCredential[];
  /** The clock, in milliseconds, for signatures, token expiry and the
   * rate window; `Date.now` if unset. Latency faults use real time. */
  readonly now?: () => number;
  /** Requests admitted in any one second; 20 as documented if unset. */
  readonly maxRequestsPerSecond?: number;
  /** Lifetime of minted tokens; 10 minutes as documented if unset. */
  readonly tokenTtlMs?: number;
  /** Seed of the random draws of probabilistic faults; 1 if unset. */
  readonly seed?: number;
}

/**
 * A running or runnable GetWxNFCResult emulator and its controls. The
 * controls are those of the control API, typed for callers in code; they
 * validate their input all the same, for callers in plain JavaScript.
 */
export interface FaceIdEmulator extends Omit<
  ControlOperations,
  "mintToken" | "injectFault"
> {
  /** Starts listening; port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops listening and drops every connection, idle or not. */
  close(): Promise<void>;
  /**
   * Mints a token for a fixture, optionally with fields overridden.
   *
   * @throws ControlInputError when the fixture or an override is unknown
   */
  mintToken(request: MintTokenRequest): MintedToken;
  /**
   * Adds a fault rule after the existing ones.
   *
   * @throws ControlInputError when the rule is malformed
   */
  injectFault(rule: FaultRule): void;
}

/**
 * Creates a local emulator of FaceID's `GetWxNFCResult` that the real
 * Tencent Cloud SDK can call: it checks TC3 signatures, enforces the rate
 * limit, answers from synthetic fixtures and can fail on request.
 *
 * @example
 * const emulator = createFaceIdEmulator();
 * const { port } = await emulator.listen();
 * // SDK endpoint: `127.0.0.1:${port}`, protocol "http://"
 * await emulator.close();
 */
export function createFaceIdEmulator(
  options: FaceIdEmulatorOptions = {},
): FaceIdEmulator {
  const now = options.now ?? Date.now;
  const maxRequestsPerSecond =
    options.maxRequestsPerSecond ?? DEFAULT_MAX_REQUESTS_PER_SECOND;
  const credentials = options.credentials ?? [
    { secretId: EMULATOR_SECRET_ID, secretKey: EMULATOR_SECRET_KEY },
  ];
  const context: ActionEndpointContext = {
    secretKeys: new Map(credentials.map((c) => [c.secretId, c.secretKey])),
    now,
    limiter: new SlidingWindowRateLimiter(maxRequestsPerSecond),
    maxRequestsPerSecond,
    tokens: new TokenStore(now, options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS),
    images: loadImageLibrary(),
    stats: new StatsRecorder(),
    faults: new FaultPlan(options.seed ?? 1),
    delays: new PendingDelays(),
    maxBodyBytes: MAX_REQUEST_BODY_BYTES,
  };
  const controls = controlOperations(context);
  const server = createServer((request, response) => {
    route(request, response, context, controls).catch(() => {
      // Nothing here is expected to throw; if it does, the client must
      // still get an answer rather than a hung request.
      if (!response.headersSent) {
        sendJson(response, 500, { error: "The emulator failed unexpectedly." });
      } else {
        response.destroy();
      }
    });
  });
  return {
    ...controls,
    listen: (port = 0, host = "127.0.0.1") => listen(server, port, host),
    close: () => close(server, context.delays),
  };
}

function controlOperations(context: ActionEndpointContext): ControlOperations {
  return {
    mintToken: (input) => context.tokens.mint(parseMintTokenRequest(input)),
    callsFor: (token) => context.stats.callsFor(token),
    stats: () => context.stats.snapshot(context.limiter.busiestWindow),
    injectFault: (input) => context.faults.add(parseFaultRule(input)),
    clearFaults: () => context.faults.clear(),
    reset: () => {
      context.tokens.reset();
      context.stats.reset();
      context.faults.clear();
      context.limiter.reset();
    },
    sampleTokens: SAMPLE_TOKENS,
  };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  context: ActionEndpointContext,
  controls: ControlOperations,
): Promise<void> {
  const { path } = splitRequestTarget(request.url);
  if (path.startsWith(CONTROL_PATH_PREFIX)) {
    return serveControl(request, response, controls);
  }
  if (path === "/") {
    return serveAction(request, response, context);
  }
  request.resume();
  sendJson(response, 404, { error: `Nothing is served at ${path}.` });
}

function listen(
  server: Server,
  port: number,
  host: string,
): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const bound = (server.address() as AddressInfo).port;
      const urlHost = host.includes(":") ? `[${host}]` : host;
      resolve({ url: `http://${urlHost}:${bound}`, port: bound });
    });
  });
}

function close(server: Server, delays: PendingDelays): Promise<void> {
  if (!server.listening) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // close() only stops accepting; keep-alive and delayed requests would
    // hold it open, so end them too.
    delays.releaseAll();
    server.closeAllConnections();
  });
}
