/**
 * Admits at most `limit` requests in any trailing window of `windowMs`,
 * measured on an injected clock. Only admitted requests count toward the
 * window, so a client that is turned away recovers as soon as the window
 * moves on, whatever it keeps sending.
 */
export class SlidingWindowRateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  #admittedAt: number[] = [];
  #busiestWindow = 0;

  constructor(limit: number, windowMs = 1000) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(
        `The rate limit must be a positive integer, but got: ${limit}.`,
      );
    }
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Admits one request at `nowMs` if the window has room; says whether. */
  tryAdmit(nowMs: number): boolean {
    // Forget admissions that have slid out of the window ending now.
    const windowStart = nowMs - this.#windowMs;
    this.#admittedAt = this.#admittedAt.filter((time) => time > windowStart);
    if (this.#admittedAt.length >= this.#limit) {
      return false;
    }
    this.#admittedAt.push(nowMs);

    // The fullest window always ends at an admission, so checking here
    // finds the true maximum over every possible window.
    this.#busiestWindow = Math.max(
      this.#busiestWindow,
      this.#admittedAt.length,
    );
    return true;
  }

  /** The largest number of requests admitted within any one window. */
  get busiestWindow(): number {
    return this.#busiestWindow;
  }

  /** Forgets every admission, as if no request had been made. */
  reset(): void {
    this.#admittedAt = [];
    this.#busiestWindow = 0;
  }
}
