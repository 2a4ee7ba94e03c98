import { randomUUID } from "node:crypto";

import {
  FACEID_API_VERSION,
  GET_WX_NFC_RESULT,
} from "../services/tencent/WxNfcResult";
import type { ApiError } from "./apiErrors";
import { API_ERRORS, errorEnvelope, successEnvelope } from "./apiErrors";
import type { ParsedBody } from "./actionParameters";
import { readNfcTokenParameter } from "./actionParameters";
import type { ImageLibrary } from "./fixtures";
import { renderFixture } from "./fixtures";
import type { SlidingWindowRateLimiter } from "./rateLimiter";
import type { StatsRecorder } from "./emulatorStats";
import type { TokenStore } from "./tokenStore";
import type { SignedRequest } from "./verifyRequestSignature";
import { headerValue, verifyRequestSignature } from "./verifyRequestSignature";

/** A request to the action endpoint, read in full and parsed once. */
export interface ActionRequest extends SignedRequest {
  readonly parsedBody: ParsedBody;
}

/** The emulator's state that answering a request reads or updates. */
export interface ActionContext {
  readonly secretKeys: ReadonlyMap<string, string>;
  readonly now: () => number;
  readonly limiter: SlidingWindowRateLimiter;
  readonly maxRequestsPerSecond: number;
  readonly tokens: TokenStore;
  readonly images: ImageLibrary;
  readonly stats: StatsRecorder;
}

/** The JSON answer to send, and whether it carries the action's output. */
export interface ActionAnswer {
  readonly body: object;
  readonly succeeded: boolean;
}

/**
 * Answers one `GetWxNFCResult` call as the API would: authenticate, check
 * the action and version, apply the rate limit, validate the parameters,
 * then look the token up. Every answer gets a fresh RequestId.
 */
export function answerGetWxNfcResult(
  request: ActionRequest,
  context: ActionContext,
): ActionAnswer {
  const requestId = randomUUID();
  const outcome = resolveFields(request, context);
  if ("error" in outcome) {
    return { body: errorEnvelope(outcome.error, requestId), succeeded: false };
  }
  return { body: successEnvelope(outcome.fields, requestId), succeeded: true };
}

function resolveFields(
  request: ActionRequest,
  context: ActionContext,
): { readonly fields: object } | { readonly error: ApiError } {
  const authError = verifyRequestSignature(
    request,
    context.secretKeys,
    context.now(),
  );
  if (authError !== undefined) {
    return { error: authError };
  }
  const routingError = checkActionAndVersion(request);
  if (routingError !== undefined) {
    return { error: routingError };
  }

  // Only authenticated calls to this action spend the per-second budget,
  // as the limit is the action's, per account.
  if (!context.limiter.tryAdmit(context.now())) {
    context.stats.rateLimitRejections += 1;
    return {
      error: API_ERRORS.requestLimitExceeded(context.maxRequestsPerSecond),
    };
  }

  const parameter = readNfcTokenParameter(request.parsedBody);
  if ("error" in parameter) {
    return parameter;
  }
  const grant = context.tokens.resolve(parameter.token);
  if (grant === undefined) {
    return { error: API_ERRORS.invalidToken() };
  }
  return {
    fields: renderFixture(grant.fixture, context.images, grant.overrides),
  };
}

function checkActionAndVersion(request: SignedRequest): ApiError | undefined {
  const action = headerValue(request.headers, "x-tc-action");
  if (action === "") {
    return API_ERRORS.missingParameter("X-TC-Action");
  }
  if (action !== GET_WX_NFC_RESULT) {
    return API_ERRORS.invalidAction(action);
  }
  const version = headerValue(request.headers, "x-tc-version");
  if (version === "") {
    return API_ERRORS.missingParameter("X-TC-Version");
  }
  if (version !== FACEID_API_VERSION) {
    return API_ERRORS.noSuchVersion(version);
  }
  return undefined;
}
