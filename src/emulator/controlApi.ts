import type { IncomingMessage, ServerResponse } from "node:http";

import { ControlInputError } from "./controlInput";
import { CONTROL_PATH_PREFIX } from "./defaults";
import type { EmulatorStats } from "./emulatorStats";
import type { SampleToken } from "./fixtures";
import { sendJson, sendNoContent } from "./httpReplies";
import { isLoopbackAddress } from "./loopback";
import { readRequestBody } from "./readRequestBody";
import { splitRequestTarget } from "./requestTarget";
import type { MintedToken } from "./tokenStore";

/**
 * The emulator's control operations as the control API calls them: inputs
 * arrive as unchecked JSON, and the operations validate them.
 */
export interface ControlOperations {
  /** Mints a token for a fixture, optionally with fields overridden. */
  mintToken(input: unknown): MintedToken;
  /** How many action requests have named `token` in their body. */
  callsFor(token: string): number;
  /** A snapshot of the traffic counters. */
  stats(): EmulatorStats;
  /** Adds a fault rule after the existing ones. */
  injectFault(input: unknown): void;
  /** Removes every fault rule. */
  clearFaults(): void;
  /** Forgets minted tokens, counters, faults and the rate window. */
  reset(): void;
  /** The never-expiring token of each fixture. */
  readonly sampleTokens: readonly SampleToken[];
}

// Control bodies are small JSON objects; anything larger is a mistake.
const MAX_CONTROL_BODY_BYTES = 64 * 1024;

/**
 * Serves the control API under `/__emulator/`, to loopback peers only:
 *
 * - `GET samples`: the sample tokens
 * - `POST tokens` `{fixture, overrides?, ttlMs?}`: mint a token (201)
 * - `GET tokens/<token>/calls`: `{token, calls}`
 * - `GET stats`: the traffic counters
 * - `POST faults` with a fault rule (201); `DELETE faults`: clear them
 * - `POST reset`: back to the state at start-up
 */
export async function serveControl(
  request: IncomingMessage,
  response: ServerResponse,
  controls: ControlOperations,
): Promise<void> {
  // Anyone who can reach the control API can mint tokens and break the
  // emulator on purpose, so it is kept to this machine.
  if (!isLoopbackAddress(request.socket.remoteAddress)) {
    request.resume();
    return sendJson(response, 403, {
      error: "The control API answers loopback clients only.",
    });
  }
  const route = `${request.method} ${controlPath(request.url)}`;
  try {
    await dispatchControlRoute(route, request, response, controls);
  } catch (error) {
    if (!(error instanceof ControlInputError)) {
      throw error;
    }
    sendJson(response, 400, { error: error.message });
  }
}

async function dispatchControlRoute(
  route: string,
  request: IncomingMessage,
  response: ServerResponse,
  controls: ControlOperations,
): Promise<void> {
  const calls = /^GET tokens\/([^/]+)\/calls$/.exec(route);
  if (calls !== null) {
    const token = decodeURIComponent(calls[1]);
    return sendJson(response, 200, { token, calls: controls.callsFor(token) });
  }
  switch (route) {
    case "GET samples":
      return sendJson(response, 200, { samples: controls.sampleTokens });
    case "GET stats":
      return sendJson(response, 200, controls.stats());
    case "POST tokens":
      return sendJson(
        response,
        201,
        controls.mintToken(await readJson(request)),
      );
    case "POST faults":
      controls.injectFault(await readJson(request));
      return sendNoContent(response);
    case "DELETE faults":
      controls.clearFaults();
      return sendNoContent(response);
    case "POST reset":
      controls.reset();
      return sendNoContent(response);
    default:
      request.resume();
      return sendJson(response, 404, { error: `No control route ${route}.` });
  }
}

function controlPath(url: string | undefined): string {
  return splitRequestTarget(url).path.slice(CONTROL_PATH_PREFIX.length);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readRequestBody(request, MAX_CONTROL_BODY_BYTES);
  if (body === "tooLarge") {
    throw new ControlInputError("The control request body is too large.");
  }
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new ControlInputError("The control request body is not JSON.");
  }
}
