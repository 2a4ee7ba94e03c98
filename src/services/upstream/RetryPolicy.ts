import { upstreamUnavailable } from "../../errors/catalog";
import { UpstreamError } from "../../errors/UpstreamError";
import { settleBeforeAbort, sleep } from "./abortable";
import { type Clock, systemClock } from "./clock";
import { callCancelled, isLocalFailure, LocalOutcome } from "./outcomes";
import { assertAtLeast, withDefaults } from "./settings";

/** How often, how patiently and for how long a call is retried. */
export interface RetrySettings {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** The whole call, waits and retries included, ends by then. */
  deadlineMs: number;
  /** The backoff ceiling before the first retry; it doubles each time. */
  baseDelayMs: number;
  /** The backoff ceiling never grows past this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_SETTINGS: Readonly<RetrySettings> = {
  maxAttempts: 4,
  deadlineMs: 10_000,
  baseDelayMs: 200,
  maxDelayMs: 2000,
};

/** A retry about to be waited for, as reported to `onRetry`. */
export interface RetryEvent {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** Why it failed. */
  error: UpstreamError;
  /** How long the policy waits before the next attempt. */
  delayMs: number;
}

export interface RetryPolicyOptions extends Partial<RetrySettings> {
  clock?: Clock;
  /** A number in [0, 1); `Math.random` unless a test fixes it. */
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
}

/** What one attempt is told. */
export interface AttemptContext {
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborts when the caller gives up or the deadline passes. */
  signal: AbortSignal;
}

/** Runs a call again after passing upstream trouble, within a deadline. */
export interface RetryPolicy {
  /**
   * Runs `attempt` until it succeeds, fails for good, runs out of attempts
   * or of time. Past the deadline it rejects as UPSTREAM_UNAVAILABLE with
   * outcome `deadline_exceeded`, carrying the last failure's upstream code
   * and RequestId; when the caller's `signal` aborts, with outcome
   * `cancelled`. Never later than the deadline, even if an attempt ignores
   * its signal.
   */
  execute<T>(
    attempt: (context: AttemptContext) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T>;
}

/**
 * Whether another attempt might succeed. Only transient upstream failures
 * qualify (see classifyUpstreamError); our own limiter's refusals do not,
 * because they are meant to answer the caller at once.
 */
export function isRetryable(error: unknown): error is UpstreamError {
  return (
    error instanceof UpstreamError && error.transient && !isLocalFailure(error)
  );
}

/**
 * The wait after failed attempt number `attempt`: exponential backoff with
 * full jitter (a uniform pick below a doubling ceiling, which spreads
 * callers that failed together), but never less than the upstream asked.
 */
export function backoffDelayMs(
  attempt: number,
  error: UpstreamError,
  settings: RetrySettings,
  random: () => number,
): number {
  const ceiling = Math.min(
    settings.maxDelayMs,
    settings.baseDelayMs * 2 ** (attempt - 1),
  );
  return Math.max(error.minRetryDelayMs, Math.floor(random() * ceiling));
}

/** A retry policy for upstream calls; see {@link RetryPolicy.execute}. */
export function createRetryPolicy(
  options: RetryPolicyOptions = {},
): RetryPolicy {
  const settings = withDefaults(DEFAULT_RETRY_SETTINGS, options);
  assertAtLeast("maxAttempts", settings.maxAttempts, 1);
  assertAtLeast("deadlineMs", settings.deadlineMs, 1);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;

  async function execute<T>(
    attempt: (context: AttemptContext) => Promise<T>,
    callerSignal?: AbortSignal,
  ): Promise<T> {
    if (callerSignal?.aborted) {
      throw callCancelled();
    }

    // One signal for the whole call: the caller's, or the deadline's timer.
    const deadlineAt = clock.now() + settings.deadlineMs;
    const deadline = new AbortController();
    const cancelDeadline = clock.schedule(
      () => deadline.abort(deadlineExceeded(undefined)),
      settings.deadlineMs,
    );
    const signal = callerSignal
      ? AbortSignal.any([callerSignal, deadline.signal])
      : deadline.signal;

    // Why the call stopped early, once the signal has aborted.
    let lastError: UpstreamError | undefined;
    const stopped = () =>
      callerSignal?.aborted ? callCancelled() : deadlineExceeded(lastError);

    try {
      for (let number = 1; ; number++) {
        try {
          return await settleBeforeAbort(
            attempt({ attempt: number, signal }),
            signal,
          );
        } catch (error) {
          // A stop from the caller or the clock outranks the attempt's error.
          if (signal.aborted) {
            throw stopped();
          }
          if (!isRetryable(error) || number >= settings.maxAttempts) {
            throw error;
          }
          lastError = error;

          // A backoff that would outlast the deadline is not worth starting.
          const delayMs = backoffDelayMs(number, error, settings, random);
          if (clock.now() + delayMs >= deadlineAt) {
            throw error;
          }
          options.onRetry?.({ attempt: number, error, delayMs });
          await sleep(delayMs, signal, clock).catch(() => {
            throw stopped();
          });
        }
      }
    } finally {
      cancelDeadline();
    }
  }

  return { execute };
}

/** The deadline passed; keep what the last failure told us. */
function deadlineExceeded(lastError: UpstreamError | undefined): UpstreamError {
  return upstreamUnavailable(LocalOutcome.DEADLINE_EXCEEDED, {
    upstreamCode: lastError?.upstreamCode,
    upstreamRequestId: lastError?.upstreamRequestId,
  });
}
