/** Time as the upstream discipline sees it; tests pass a fake one. */
export interface Clock {
  /** Milliseconds on a monotonic scale: only differences are meaningful. */
  now(): number;
  /** Runs `callback` once after `delayMs`; the returned function cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

/**
 * The process's clock. `performance.now()` rather than `Date.now()`: a wall
 * clock stepped back by NTP would otherwise hold the rate limiter's window
 * shut for as long as the step. The globals are looked up on every call so
 * that jest's fake timers, installed after import, still take effect.
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  schedule(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  },
};
