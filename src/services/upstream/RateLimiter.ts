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

/** Leave to make one attempt, held until the attempt is done. */
export interface Permit {
  /** How long the caller waited in the queue. */
  readonly waitedMs: number;
  /**
   * Says the attempt is done: its slot frees one window from now. Safe to
   * call more than once; only the first call counts.
   */
  release(): void;
}

/** Admits upstream attempts so that no window ever holds too many. */
export interface RateLimiter {
  /**
   * Resolves at the moment the caller may start one attempt. Rejects with
   * UPSTREAM_RATE_LIMITED (`local_queue_full` or `local_queue_timeout`)
   * when the queue is full or the wait too long, and with the signal's
   * reason when `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<Permit>;
  /** Callers waiting now. */
  readonly queueDepth: number;
  /** Refuses every waiting and future caller, and stops the timer. */
  close(): void;
}

/** A caller in the queue, with what it takes to let it go or send it off. */
interface Waiter {
  enqueuedAt: number;
  admit(permit: Permit): void;
  refuse(error: unknown): void;
}

/**
 * A sliding-window limiter whose slots are held from an attempt's start
 * until one window after it finished. The upstream counts a request when
 * it arrives, some unknown time between our start and our answer; counting
 * from the answer means no two arrivals of one slot fall within a window,
 * however the network delays them (counting from the start let a slow
 * first connection and a quick reused one land 21 in a second). The price
 * is the upstream's latency per slot and window: about 95% of the budget
 * at 50 ms. Waiters are served in arrival order by one timer, set for the
 * moment the earliest slot frees, so no budget is lost to polling.
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
  // Each slot's expiry; an attempt still under way holds its slot forever.
  const slots: Array<{ expiresAt: number }> = [];
  const waiters: Waiter[] = [];
  let cancelTimer: (() => void) | null = null;
  let closed = false;

  // Free the slots whose attempts finished a window or more ago.
  function pruneSlots(now: number): void {
    for (let index = slots.length - 1; index >= 0; index--) {
      if (slots[index].expiresAt <= now) {
        slots.splice(index, 1);
      }
    }
  }

  // Take a slot for an attempt starting now.
  function takeSlot(waitedMs: number): Permit {
    const slot = { expiresAt: Infinity };
    slots.push(slot);
    return {
      waitedMs,
      release() {
        if (slot.expiresAt !== Infinity) {
          return;
        }
        slot.expiresAt = clock.now() + settings.windowMs;
        scheduleNextAdmission(clock.now());
      },
    };
  }

  function reportDepth(): void {
    options.onQueueDepthChange?.(waiters.length);
  }

  // Admit as many waiters, oldest first, as the window has room for.
  function admitWaiters(): void {
    cancelTimer = null;
    const now = clock.now();
    pruneSlots(now);
    let admitted = false;
    while (waiters.length > 0 && slots.length < settings.maxStarts) {
      const waiter = waiters.shift() as Waiter;
      waiter.admit(takeSlot(now - waiter.enqueuedAt));
      admitted = true;
    }
    if (admitted) {
      reportDepth();
    }
    scheduleNextAdmission(now);
  }

  // One timer at most, due when the earliest slot frees. Slots still in
  // use set none: their release schedules it. A slot released later
  // always expires later, so an existing timer is never too late.
  function scheduleNextAdmission(now: number): void {
    if (cancelTimer !== null || waiters.length === 0) {
      return;
    }
    const free = slots.length < settings.maxStarts;
    const earliest = Math.min(...slots.map((slot) => slot.expiresAt));
    if (!free && earliest === Infinity) {
      return;
    }
    const delayMs = free ? 0 : Math.max(0, earliest - now);
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

  function enqueue(signal: AbortSignal | undefined): Promise<Permit> {
    return new Promise<Permit>((resolve, reject) => {
      // Leave the queue on whichever comes first: admission, timeout, abort.
      const cancelTimeout = clock.schedule(() => {
        leave(upstreamRateLimited(LocalOutcome.QUEUE_TIMEOUT));
      }, settings.queueTimeoutMs);
      const onAbort = () => leave(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });

      const waiter: Waiter = {
        enqueuedAt: clock.now(),
        admit(permit) {
          cleanUp();
          resolve(permit);
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
      pruneSlots(clock.now());
      if (waiters.length === 0 && slots.length < settings.maxStarts) {
        return Promise.resolve(takeSlot(0));
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
