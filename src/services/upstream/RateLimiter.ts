import { upstreamRateLimited } from "../../errors/catalog";
import { type Clock, systemClock } from "./clock";
import { LocalOutcome, upstreamClosed } from "./outcomes";
import { assertAtLeast, withDefaults } from "./settings";

/** The limiter's budget and queue bounds. */
export interface RateLimiterSettings {
  /** Most starts in any trailing window; Tencent allows 20 a second. */
  maxStarts: number;
  /** The window's length. */
  windowMs: number;
  /** Most callers that may wait at once; past it, callers are refused. */
  queueLimit: number;
  /** Longest a caller waits for a start before it is refused. */
  queueTimeoutMs: number;
}

export const DEFAULT_RATE_LIMITER_SETTINGS: Readonly<RateLimiterSettings> = {
  maxStarts: 20,
  windowMs: 1000,
  queueLimit: 500,
  queueTimeoutMs: 5000,
};

export interface RateLimiterOptions extends Partial<RateLimiterSettings> {
  clock?: Clock;
  /** Told the number of waiting callers whenever it changes (a gauge). */
  onQueueDepthChange?: (depth: number) => void;
}

/** Admits upstream attempts so that no window ever holds too many starts. */
export interface RateLimiter {
  /**
   * Resolves, with the milliseconds spent waiting, at the moment the caller
   * may start one attempt; that start is counted from then on. Rejects with
   * UPSTREAM_RATE_LIMITED (`local_queue_full` or `local_queue_timeout`)
   * when the queue is full or the wait too long, and with the signal's
   * reason when `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<number>;
  /** Callers waiting now. */
  readonly queueDepth: number;
  /** Refuses every waiting and future caller, and stops the timer. */
  close(): void;
}

/** A caller in the queue, with what it takes to let it go or send it off. */
interface Waiter {
  enqueuedAt: number;
  admit(waitedMs: number): void;
  refuse(error: unknown): void;
}

/**
 * A sliding-window limiter over start timestamps: a start at `t` counts
 * until `t + windowMs`, so every half-open window of that length (every
 * calendar second included) holds at most `maxStarts`. Waiters are served
 * in arrival order by one timer, set for the moment the oldest start leaves
 * the window, so no budget is lost to polling.
 */
export function createRateLimiter(
  options: RateLimiterOptions = {},
): RateLimiter {
  const settings = withDefaults(DEFAULT_RATE_LIMITER_SETTINGS, options);
  assertAtLeast("maxStarts", settings.maxStarts, 1);
  assertAtLeast("windowMs", settings.windowMs, 1);
  assertAtLeast("queueLimit", settings.queueLimit, 0);
  assertAtLeast("queueTimeoutMs", settings.queueTimeoutMs, 0);
  const clock = options.clock ?? systemClock;
  const starts: number[] = [];
  const waiters: Waiter[] = [];
  let cancelTimer: (() => void) | null = null;
  let closed = false;

  // Forget starts that have left the window ending now.
  function pruneStarts(now: number): void {
    while (starts.length > 0 && now - starts[0] >= settings.windowMs) {
      starts.shift();
    }
  }

  function reportDepth(): void {
    options.onQueueDepthChange?.(waiters.length);
  }

  // Admit as many waiters, oldest first, as the window has room for.
  function admitWaiters(): void {
    cancelTimer = null;
    const now = clock.now();
    pruneStarts(now);
    let admitted = false;
    while (waiters.length > 0 && starts.length < settings.maxStarts) {
      const waiter = waiters.shift() as Waiter;
      starts.push(now);
      waiter.admit(now - waiter.enqueuedAt);
      admitted = true;
    }
    if (admitted) {
      reportDepth();
    }
    scheduleNextAdmission(now);
  }

  // One timer at most, due when the oldest start leaves the window.
  function scheduleNextAdmission(now: number): void {
    if (cancelTimer !== null || waiters.length === 0) {
      return;
    }
    const delayMs = Math.max(0, starts[0] + settings.windowMs - now);
    cancelTimer = clock.schedule(admitWaiters, delayMs);
  }

  // Take a waiter out of the queue and stop the timer if nobody is left.
  function removeWaiter(waiter: Waiter): void {
    const index = waiters.indexOf(waiter);
    if (index === -1) {
      return;
    }
    waiters.splice(index, 1);
    reportDepth();
    if (waiters.length === 0 && cancelTimer !== null) {
      cancelTimer();
      cancelTimer = null;
    }
  }

  function enqueue(signal: AbortSignal | undefined): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      // Leave the queue on whichever comes first: admission, timeout, abort.
      const cancelTimeout = clock.schedule(() => {
        leave(upstreamRateLimited(LocalOutcome.QUEUE_TIMEOUT));
      }, settings.queueTimeoutMs);
      const onAbort = () => leave(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });

      const waiter: Waiter = {
        enqueuedAt: clock.now(),
        admit(waitedMs) {
          cleanUp();
          resolve(waitedMs);
        },
        refuse(error) {
          cleanUp();
          reject(error);
        },
      };
      function cleanUp(): void {
        cancelTimeout();
        signal?.removeEventListener("abort", onAbort);
      }
      function leave(error: unknown): void {
        removeWaiter(waiter);
        waiter.refuse(error);
      }

      waiters.push(waiter);
      reportDepth();
      scheduleNextAdmission(waiter.enqueuedAt);
    });
  }

  return {
    acquire(signal) {
      if (closed) {
        return Promise.reject(upstreamClosed());
      }
      if (signal?.aborted) {
        return Promise.reject(signal.reason);
      }

      // Start at once only if nobody is ahead: arrival order is the rule.
      const now = clock.now();
      pruneStarts(now);
      if (waiters.length === 0 && starts.length < settings.maxStarts) {
        starts.push(now);
        return Promise.resolve(0);
      }

      // A full queue refuses at once rather than let callers pile up.
      if (waiters.length >= settings.queueLimit) {
        return Promise.reject(upstreamRateLimited(LocalOutcome.QUEUE_FULL));
      }
      return enqueue(signal);
    },

    get queueDepth() {
      return waiters.length;
    },

    close() {
      closed = true;
      cancelTimer?.();
      cancelTimer = null;
      for (const waiter of waiters.splice(0)) {
        waiter.refuse(upstreamClosed());
      }
      reportDepth();
    },
  };
}
