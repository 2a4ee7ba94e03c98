/**
 * Every `extensions.code` this server puts on a GraphQL error. Clients switch
 * on these values, so a code is never renamed or reused; `docs/errors.md`
 * has a row for each, and a test keeps the two in step.
 */
export enum ErrorCode {
  /** The request itself is wrong: a malformed token, too many tokens. */
  BAD_USER_INPUT = "BAD_USER_INPUT",
  /** No credential, or one the server does not accept. */
  UNAUTHENTICATED = "UNAUTHENTICATED",
  /** The HTTP request could not be read: malformed JSON, an empty body. */
  BAD_REQUEST = "BAD_REQUEST",
  /** No route at this method and path. */
  NOT_FOUND = "NOT_FOUND",
  /** The request body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE",
  /** The request body's content type is not one the server reads. */
  UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE",
  /** The upstream does not know the token, or it has expired. */
  NFC_TOKEN_NOT_FOUND = "NFC_TOKEN_NOT_FOUND",
  /** The upstream's request budget is spent; try again shortly. */
  UPSTREAM_RATE_LIMITED = "UPSTREAM_RATE_LIMITED",
  /** The upstream could not be reached or answered with garbage. */
  UPSTREAM_UNAVAILABLE = "UPSTREAM_UNAVAILABLE",
  /** The upstream refused our credentials: this server is misconfigured. */
  UPSTREAM_AUTH_FAILED = "UPSTREAM_AUTH_FAILED",
  /** The upstream refused the request for a reason retrying cannot fix. */
  UPSTREAM_REJECTED = "UPSTREAM_REJECTED",
  /** Anything unexpected; the details are in the server's log only. */
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}
