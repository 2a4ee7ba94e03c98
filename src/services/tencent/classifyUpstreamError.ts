import type { UpstreamDetails } from "../../errors/AppError";
import {
  nfcTokenNotFound,
  upstreamAuthFailed,
  upstreamRateLimited,
  upstreamRejected,
  upstreamUnavailable,
} from "../../errors/catalog";
import type { UpstreamError } from "../../errors/UpstreamError";

/**
 * The fields of the SDK's `TencentCloudSDKHttpException` we rely on. An API
 * error has `code`; a non-200 answer has `httpCode`; a network failure,
 * timeout or abort has neither (the SDK keeps only the message).
 */
interface SdkException {
  code?: unknown;
  httpCode?: unknown;
  requestId?: unknown;
}

/**
 * Maps whatever an SDK call threw to an UpstreamError. This is the one place
 * where Tencent's error codes are interpreted. The thrown error's message is
 * dropped on purpose: for a malformed body it quotes the upstream's bytes,
 * which may hold personal data.
 */
export function classifyUpstreamError(error: unknown): UpstreamError {
  const sdk = (
    typeof error === "object" && error !== null ? error : {}
  ) as SdkException;
  const details: UpstreamDetails = {};
  if (typeof sdk.requestId === "string" && sdk.requestId !== "") {
    details.upstreamRequestId = sdk.requestId;
  }

  if (typeof sdk.code === "string" && sdk.code !== "") {
    return fromUpstreamCode(sdk.code, { ...details, upstreamCode: sdk.code });
  }
  if (typeof sdk.httpCode === "number") {
    // 5xx is the gateway's passing trouble; a 4xx will not mend on retry.
    const serverSide = sdk.httpCode >= 500;
    const outcome = serverSide ? "http_5xx" : "http_4xx";
    return upstreamUnavailable(outcome, details, serverSide);
  }
  return upstreamUnavailable(failureKind(error), details);
}

/** The documented codes, from the action's and the common error tables. */
function fromUpstreamCode(
  code: string,
  details: UpstreamDetails,
): UpstreamError {
  if (code === "FailedOperation.InvalidTokenParameter") {
    return nfcTokenNotFound(details);
  }
  if (code.startsWith("RequestLimitExceeded")) {
    return upstreamRateLimited(code, details);
  }
  if (code.startsWith("InternalError") || code === "ServiceUnavailable") {
    return upstreamUnavailable(code, details);
  }
  if (code.startsWith("AuthFailure")) {
    return upstreamAuthFailed(details);
  }
  return upstreamRejected(details);
}

/**
 * What kind of failure left no upstream code: the SDK wraps network errors,
 * timeouts and aborts in its exception, while a body that is not JSON (or is
 * cut off) escapes as the HTTP client's own parse error.
 */
function failureKind(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  const type = (error as { type?: unknown } | null)?.type;
  if (name === "SyntaxError" || type === "invalid-json") {
    return "malformed_body";
  }
  if (name === "TypeError") {
    // The SDK reads `data.Response.Error` unguarded on a body without one.
    return "malformed_body";
  }
  if (type === "body-timeout" || type === "request-timeout") {
    return "timeout";
  }
  return "network";
}
