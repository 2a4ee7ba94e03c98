import { upstreamUnavailable } from "../../errors/catalog";
import { settleBeforeAbort } from "./abortable";
import type { Clock } from "./clock";

/**
 * Runs one upstream attempt under its own time limit as well as `signal`.
 * The attempt gets a signal that aborts on either; a lapsed limit rejects
 * as UPSTREAM_UNAVAILABLE with outcome `timeout` (a transient failure, so
 * the retry policy may try again), an aborted `signal` with its reason.
 * The limit is our own timer rather than `AbortSignal.timeout()`, so that
 * it runs on the injected clock.
 */
export async function withAttemptTimeout<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal,
  clock: Clock,
): Promise<T> {
  const timeout = new AbortController();
  const cancelTimer = clock.schedule(() => {
    timeout.abort(upstreamUnavailable("timeout"));
  }, timeoutMs);

  // Either source aborts the attempt; the combined reason is the first's.
  const attemptSignal = AbortSignal.any([signal, timeout.signal]);
  try {
    return await settleBeforeAbort(attempt(attemptSignal), attemptSignal);
  } finally {
    cancelTimer();
  }
}
