import { upstreamUnavailable } from "../../errors/catalog";
import { UpstreamError } from "../../errors/UpstreamError";

/**
 * Outcome labels for failures decided on this side, before or instead of an
 * upstream answer. They appear in metrics and logs next to the upstream's
 * own codes, so each is a fixed word.
 */
export const LocalOutcome = {
  /** The rate limiter's queue was full when the call arrived. */
  QUEUE_FULL: "local_queue_full",
  /** The call waited in the rate limiter's queue for too long. */
  QUEUE_TIMEOUT: "local_queue_timeout",
  /** The circuit breaker is open: the upstream is presumed down. */
  CIRCUIT_OPEN: "circuit_open",
  /** The overall deadline passed before an attempt succeeded. */
  DEADLINE_EXCEEDED: "deadline_exceeded",
  /** The caller gave up (its signal aborted). */
  CANCELLED: "cancelled",
  /** The upstream client was closed while the call waited. */
  CLOSED: "closed",
} as const;

export type LocalOutcome = (typeof LocalOutcome)[keyof typeof LocalOutcome];

const LOCAL_OUTCOMES: ReadonlySet<string> = new Set(
  Object.values(LocalOutcome),
);

/** Whether the failure was decided here rather than reported by Tencent. */
export function isLocalFailure(error: UpstreamError): boolean {
  return LOCAL_OUTCOMES.has(error.outcome);
}

/**
 * Whether a failure says the upstream itself is in trouble: a transient
 * fault that Tencent (or the network to it) caused. A caller's mistake, an
 * unknown token or our own queue's refusal says nothing about its health.
 */
export function isUpstreamFault(error: unknown): error is UpstreamError {
  if (!(error instanceof UpstreamError) || !error.transient) {
    return false;
  }
  return (
    !isLocalFailure(error) || error.outcome === LocalOutcome.DEADLINE_EXCEEDED
  );
}

/** The caller's signal aborted; nothing to retry and nobody to blame. */
export function callCancelled(): UpstreamError {
  return upstreamUnavailable(LocalOutcome.CANCELLED, {}, false);
}

/** The upstream client was closed while a call still needed it. */
export function upstreamClosed(): UpstreamError {
  return upstreamUnavailable(LocalOutcome.CLOSED, {}, false);
}
