import { AppError, type UpstreamDetails } from "./AppError";
import type { ErrorCode } from "./ErrorCode";

/** How an upstream failure should be treated by the retry policy. */
export interface UpstreamFailureTraits {
  /** A passing fault: the same request may succeed if sent again. */
  transient: boolean;
  /** The upstream asked us to slow down: wait at least this long. */
  minRetryDelayMs?: number;
  /**
   * A short label for metrics and logs (`network`, `http_5xx`, or the
   * upstream code). Never holds anything the upstream sent besides its code.
   */
  outcome: string;
}

/**
 * A failed upstream call, classified. The traits steer retries and the
 * circuit breaker; the code and details are what the client sees.
 */
export class UpstreamError extends AppError {
  readonly transient: boolean;
  readonly minRetryDelayMs: number;
  readonly outcome: string;
  readonly upstreamCode: string | undefined;
  readonly upstreamRequestId: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    traits: UpstreamFailureTraits,
    details: UpstreamDetails = {},
  ) {
    super(code, message, details);
    this.name = "UpstreamError";
    this.transient = traits.transient;
    this.minRetryDelayMs = traits.minRetryDelayMs ?? 0;
    this.outcome = traits.outcome;
    this.upstreamCode = details.upstreamCode;
    this.upstreamRequestId = details.upstreamRequestId;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
