import { upstreamRateLimited } from "../../errors/catalog";
import { ErrorCode } from "../../errors/ErrorCode";
import { UpstreamError } from "../../errors/UpstreamError";
import type { Logger } from "../../logging/logger";
import type { Metrics } from "../../observability/metrics";
import type { FaceIdGateway } from "../tencent/FaceIdGateway";
import type { WxNfcResult } from "../tencent/WxNfcResult";
import { withAttemptTimeout } from "./attemptTimeout";
import {
  type CircuitBreakerSettings,
  createCircuitBreaker,
} from "./CircuitBreaker";
import { type Clock, systemClock } from "./clock";
import { LocalOutcome } from "./outcomes";
import {
  createRateLimiter,
  type Permit,
  type RateLimiterSettings,
} from "./RateLimiter";
import {
  type AttemptContext,
  createRetryPolicy,
  DEFAULT_RETRY_SETTINGS,
  type RetrySettings,
} from "./RetryPolicy";
import { assertAtLeast } from "./settings";

/** The longest one upstream attempt may take, unless told otherwise. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 3000;

export interface ResilientUpstreamOptions {
  /** Makes single attempts; closed by {@link ResilientUpstream.close}. */
  gateway: FaceIdGateway;
  limiter?: Partial<RateLimiterSettings>;
  retry?: Partial<RetrySettings>;
  /** Each attempt's own limit, counted from its start, not its queueing. */
  attemptTimeoutMs?: number;
  breaker?: Partial<CircuitBreakerSettings>;
  metrics: Metrics;
  logger: Logger;
  clock?: Clock;
  /** For the retry policy's jitter; `Math.random` by default. */
  random?: () => number;
}

/** GetWxNFCResult with rate limiting, retries and a circuit breaker. */
export interface ResilientUpstream {
  /**
   * Pulls one token's result. Rejects with an UpstreamError: the
   * upstream's own verdict, or one of the local outcomes (`circuit_open`,
   * `local_queue_full`, `local_queue_timeout`, `deadline_exceeded`,
   * `cancelled`).
   */
  fetch(
    nfcToken: string,
    signal?: AbortSignal,
    requestLogger?: Logger,
  ): Promise<WxNfcResult>;
  /** Refuses queued and future calls and closes the gateway. */
  close(): void;
}

/**
 * Puts the upstream disciplines together, outermost first:
 *
 *   breaker → retry loop → (rate limiter → gateway, under a time limit)
 *
 * The breaker sees whole calls and fails fast before anything queues; each
 * attempt, retries included, queues for the limiter afresh, because each is
 * a request Tencent counts (and the gateway signs each afresh). The time
 * limit starts after the queue, so a wait for budget is not mistaken for a
 * slow upstream; the retry policy's deadline bounds both.
 */
export function createResilientUpstream(
  options: ResilientUpstreamOptions,
): ResilientUpstream {
  const { gateway, metrics } = options;
  const clock = options.clock ?? systemClock;
  const attemptTimeoutMs =
    options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  assertAtLeast("attemptTimeoutMs", attemptTimeoutMs, 1);
  const deadlineMs =
    options.retry?.deadlineMs ?? DEFAULT_RETRY_SETTINGS.deadlineMs;
  const component = { component: "faceid-upstream" };
  const logger = options.logger.child(component);

  const limiter = createRateLimiter({
    ...options.limiter,
    clock,
    onQueueDepthChange: (depth) => metrics.limiterQueueDepth.set(depth),
  });
  const retry = createRetryPolicy({
    ...options.retry,
    clock,
    random: options.random,
    onRetry: ({ error }) =>
      metrics.upstreamRetries.inc({ outcome: error.outcome }),
  });
  const breaker = createCircuitBreaker({
    ...options.breaker,
    onStateChange(state) {
      metrics.breakerState.set(state);
      metrics.breakerTransitions.inc({ to: state });
      const level = state === "open" ? "warn" : "info";
      logger[level]({ state }, "upstream circuit breaker changed state");
    },
  });

  // One attempt: wait for budget, then call the gateway under a limit.
  async function attempt(
    nfcToken: string,
    context: AttemptContext,
    log: Logger,
    call: CallState,
  ): Promise<WxNfcResult> {
    call.waitingForBudget = true;
    const permit = await waitForBudget(context, log);
    call.waitingForBudget = false;
    const startedAt = clock.now();

    // An attempt the queue left too little time for is the queue's fault
    // if the deadline cuts it short: it waited longer than it lost.
    const shortfallMs = attemptTimeoutMs - (call.deadlineAt - startedAt);
    call.cutShortByQueue = shortfallMs > 0 && permit.waitedMs >= shortfallMs;
    try {
      const result = await withAttemptTimeout(
        (signal) => gateway.getWxNfcResult(nfcToken, signal),
        attemptTimeoutMs,
        context.signal,
        clock,
      );
      recordAttempt(log, context.attempt, startedAt, "ok", result.RequestId);
      return result;
    } catch (error) {
      recordFailedAttempt(log, context, startedAt, error);
      throw error;
    } finally {
      permit.release();
    }
  }

  // Queue for the limiter, counting the wait or the refusal.
  async function waitForBudget(
    context: AttemptContext,
    log: Logger,
  ): Promise<Permit> {
    try {
      const permit = await limiter.acquire(context.signal);
      metrics.limiterWait.observe(permit.waitedMs / 1000);
      return permit;
    } catch (error) {
      const refused =
        error instanceof UpstreamError &&
        error.code === ErrorCode.UPSTREAM_RATE_LIMITED;
      if (refused) {
        metrics.limiterRejections.inc({ reason: error.outcome });
        log.debug(
          { attempt: context.attempt, outcome: error.outcome },
          "upstream attempt refused by the rate limiter",
        );
      }
      throw error;
    }
  }

  // Metrics and one debug line per attempt; never the token or the result.
  function recordAttempt(
    log: Logger,
    attemptNumber: number,
    startedAt: number,
    outcome: string,
    upstreamRequestId: string | undefined,
  ): number {
    const durationMs = clock.now() - startedAt;
    metrics.upstreamAttempts.inc({ outcome });
    metrics.upstreamAttemptDuration.observe({ outcome }, durationMs / 1000);
    log.debug(
      { attempt: attemptNumber, outcome, durationMs, upstreamRequestId },
      "upstream attempt finished",
    );
    return durationMs;
  }

  // A failed attempt also gets its own line, at a level fitting its cause.
  function recordFailedAttempt(
    log: Logger,
    context: AttemptContext,
    startedAt: number,
    error: unknown,
  ): void {
    const failure = describeFailure(error, context.signal);
    const durationMs = recordAttempt(
      log,
      context.attempt,
      startedAt,
      failure.outcome,
      failure.upstreamRequestId,
    );
    const level = failureLogLevel(failure);
    log[level](
      {
        attempt: context.attempt,
        outcome: failure.outcome,
        transient: failure.transient,
        durationMs,
        upstreamRequestId: failure.upstreamRequestId,
      },
      "upstream attempt failed",
    );
  }

  return {
    fetch(nfcToken, signal, requestLogger) {
      // Lines about a pull carry the id of the request that started it.
      const log = requestLogger?.child(component) ?? logger;
      const call: CallState = {
        deadlineAt: clock.now() + deadlineMs,
        waitingForBudget: false,
        cutShortByQueue: false,
      };
      return breaker.execute(() =>
        retry
          .execute((context) => attempt(nfcToken, context, log, call), signal)
          .catch((error: unknown) => {
            throw blameTheQueue(error, call);
          }),
      );
    },

    close() {
      limiter.close();
      breaker.dispose();
      gateway.close();
    },
  };
}

/** Where one call stands, for telling whose fault a deadline was. */
interface CallState {
  /** When the retry policy's deadline ends the call. */
  deadlineAt: number;
  /** True while an attempt waits in the limiter's queue. */
  waitingForBudget: boolean;
  /** The attempt under way got less than its time limit, for the queue. */
  cutShortByQueue: boolean;
}

/**
 * A deadline that passed while the call waited for budget, or during an
 * attempt the wait had left too little time, is our queue's doing, not the
 * upstream's: the caller hears UPSTREAM_RATE_LIMITED, and the breaker,
 * which counts upstream faults only, is not tripped by a burst against a
 * healthy upstream.
 */
function blameTheQueue(error: unknown, call: CallState): unknown {
  const outlastedInQueue =
    (call.waitingForBudget || call.cutShortByQueue) &&
    error instanceof UpstreamError &&
    error.outcome === LocalOutcome.DEADLINE_EXCEEDED;
  return outlastedInQueue
    ? upstreamRateLimited(LocalOutcome.QUEUE_TIMEOUT)
    : error;
}

/** The labels of a failure, whatever was thrown. */
interface FailureFacts {
  outcome: string;
  transient: boolean;
  code?: ErrorCode;
  upstreamRequestId?: string;
}

/**
 * Reads an attempt's failure. A stop by the caller or the deadline arrives
 * as the signal's reason; anything else that is not an UpstreamError is a
 * bug here, labelled `unexpected` (its message may quote a value, so it is
 * left out; the caller still receives the error itself).
 */
function describeFailure(error: unknown, signal: AbortSignal): FailureFacts {
  if (error instanceof UpstreamError) {
    return error;
  }
  if (signal.aborted) {
    return { outcome: LocalOutcome.CANCELLED, transient: false };
  }
  return { outcome: "unexpected", transient: false };
}

/**
 * Failures warn, with two exceptions: an unknown or expired token is the
 * client's everyday business, and a cancelled call is nobody's failure.
 */
function failureLogLevel(failure: FailureFacts): "debug" | "info" | "warn" {
  if (failure.outcome === LocalOutcome.CANCELLED) {
    return "debug";
  }
  return failure.code === ErrorCode.NFC_TOKEN_NOT_FOUND ? "info" : "warn";
}
