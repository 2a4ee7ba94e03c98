import { AppError, type UpstreamDetails } from "./AppError";
import { ErrorCode } from "./ErrorCode";
import { UpstreamError } from "./UpstreamError";

/*
 * The one place where client-facing errors are made. Messages are fixed
 * sentences: none of them quotes a token, an upstream body or anything
 * personal, because error messages reach clients and logs alike.
 */

/** A value the client sent breaks the documented contract. */
export function badUserInput(message: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message);
}

/** The request carries no credential, or one the server does not accept. */
export function unauthenticated(): AppError {
  return new AppError(
    ErrorCode.UNAUTHENTICATED,
    "Authentication required: send a valid API key or bearer token.",
  );
}

/** The HTTP request could not be read, whatever the reason. */
export function badRequest(): AppError {
  return new AppError(
    ErrorCode.BAD_REQUEST,
    "The request could not be read: send a JSON body with a GraphQL query.",
  );
}

/**
 * The operation is a mutation or subscription, which this read-only schema
 * does not define. Refused before execution, with HTTP 400.
 */
export function onlyQueriesSupported(): AppError {
  const error = new AppError(
    ErrorCode.BAD_REQUEST,
    "Only query operations are supported.",
  );
  error.extensions.http = { status: 400 };
  return error;
}

/** The request line or headers are over the server's size limit. */
export function headersTooLarge(): AppError {
  return new AppError(
    ErrorCode.BAD_REQUEST,
    "The request line or headers are too large; send the query in a " +
      "POST body.",
  );
}

/** No route matches; the path is not echoed, it may hold anything. */
export function routeNotFound(): AppError {
  return new AppError(ErrorCode.NOT_FOUND, "No such route.");
}

/** The body is over the configured size limit. */
export function payloadTooLarge(limitBytes: number): AppError {
  return new AppError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `The request body is larger than ${limitBytes} bytes.`,
  );
}

/** The body's content type is not JSON (nor GraphQL over GET). */
export function unsupportedMediaType(): AppError {
  return new AppError(
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    "Send the request body as application/json.",
  );
}

/**
 * An operation names more distinct tokens than one request may pull. It
 * is refused before execution, where Apollo answers 500 unless the error
 * carries its HTTP status.
 */
export function tooManyTokens(limit: number): AppError {
  const error = badUserInput(
    `An operation may name at most ${limit} distinct NFC tokens, ` +
      "aliases and lists together.",
  );
  error.extensions.http = { status: 400 };
  return error;
}

/** The upstream does not know the token (never issued, or expired). */
export function nfcTokenNotFound(details: UpstreamDetails): UpstreamError {
  return new UpstreamError(
    ErrorCode.NFC_TOKEN_NOT_FOUND,
    "The NFC token is unknown or has expired; scan the document again.",
    { transient: false, outcome: details.upstreamCode ?? "token_not_found" },
    details,
  );
}

/** The upstream's request budget is spent, here or at Tencent. */
export function upstreamRateLimited(
  outcome: string,
  details: UpstreamDetails = {},
): UpstreamError {
  return new UpstreamError(
    ErrorCode.UPSTREAM_RATE_LIMITED,
    "The FaceID service is at its request limit; try again in a moment.",
    { transient: true, minRetryDelayMs: 1000, outcome },
    details,
  );
}

/** The upstream is unreachable, slow or answered with garbage. */
export function upstreamUnavailable(
  outcome: string,
  details: UpstreamDetails = {},
  transient = true,
): UpstreamError {
  return new UpstreamError(
    ErrorCode.UPSTREAM_UNAVAILABLE,
    "The FaceID service is unavailable; try again later.",
    { transient, outcome },
    details,
  );
}

/** The upstream refused our credentials: the operator must fix them. */
export function upstreamAuthFailed(details: UpstreamDetails): UpstreamError {
  return new UpstreamError(
    ErrorCode.UPSTREAM_AUTH_FAILED,
    "The FaceID service rejected this server's credentials; " +
      "the operator must check its configuration.",
    { transient: false, outcome: details.upstreamCode ?? "auth_failed" },
    details,
  );
}

/** The upstream refused the request for a reason retrying cannot fix. */
export function upstreamRejected(details: UpstreamDetails): UpstreamError {
  return new UpstreamError(
    ErrorCode.UPSTREAM_REJECTED,
    "The FaceID service rejected the request.",
    { transient: false, outcome: details.upstreamCode ?? "rejected" },
    details,
  );
}

/** What a client sees in place of any error we did not expect. */
export function internalServerError(): AppError {
  return new AppError(
    ErrorCode.INTERNAL_SERVER_ERROR,
    "Internal server error.",
  );
}
