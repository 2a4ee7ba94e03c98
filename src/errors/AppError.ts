import { GraphQLError } from "graphql";

import type { ErrorCode } from "./ErrorCode";

/** Facts about an upstream failure that are safe to show a client. */
export interface UpstreamDetails {
  /** The upstream's error code, such as `InternalError`. */
  upstreamCode?: string;
  /** The upstream's RequestId, which Tencent support asks for. */
  upstreamRequestId?: string;
}

/**
 * The one base of every error this server means to show a client. Its
 * message is written for the client and never holds personal data, so the
 * error formatter lets it through; anything else is masked.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: UpstreamDetails = {}) {
    super(message, {
      extensions: { code, ...withoutUndefined(details) },
    });
    this.code = code;
    this.name = "AppError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

function withoutUndefined(details: UpstreamDetails): UpstreamDetails {
  const defined: UpstreamDetails = {};
  if (details.upstreamCode !== undefined) {
    defined.upstreamCode = details.upstreamCode;
  }
  if (details.upstreamRequestId !== undefined) {
    defined.upstreamRequestId = details.upstreamRequestId;
  }
  return defined;
}
