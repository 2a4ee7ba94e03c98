import { ErrorCode } from "../../../src/errors/ErrorCode";
import {
  createRateLimiter,
  type RateLimiterOptions,
} from "../../../src/services/upstream/RateLimiter";
import { systemClock } from "../../../src/services/upstream/clock";
import { track } from "./fakes";

/*
 * Under jest's fake timers, `performance.now()` (the system clock) moves
 * only when a test advances it, so start times are exact and repeatable.
 */

let origin: number;

beforeEach(() => {
  jest.useFakeTimers();
  origin = systemClock.now();
});

afterEach(() => {
  jest.useRealTimers();
});

/** Milliseconds since the test began, on the fake clock. */
function elapsed(): number {
  return systemClock.now() - origin;
}

/**
 * Asks for one start and finishes the attempt at once, so that its slot
 * frees one window after the start; resolves with the wait.
 */
function acquireNow(
  limiter: ReturnType<typeof createRateLimiter>,
  signal?: AbortSignal,
): Promise<number> {
  return limiter.acquire(signal).then((permit) => {
    permit.release();
    return permit.waitedMs;
  });
}

/** Asks for `count` starts at once; records when each one is admitted. */
function burst(
  limiter: ReturnType<typeof createRateLimiter>,
  count: number,
  startTimes: number[],
): Promise<number>[] {
  return Array.from({ length: count }, () =>
    acquireNow(limiter).then((waitedMs) => {
      startTimes.push(elapsed());
      return waitedMs;
    }),
  );
}

/** The most starts found in any window `[t, t + windowMs)`. */
function busiestWindow(startTimes: number[], windowMs: number): number {
  return Math.max(
    ...startTimes.map(
      (from) =>
        startTimes.filter((t) => t >= from && t < from + windowMs).length,
    ),
  );
}

function limiterWith(options: RateLimiterOptions = {}) {
  return createRateLimiter({
    queueLimit: 1000,
    queueTimeoutMs: 60_000,
    ...options,
  });
}

describe("RateLimiter", () => {
  describe("budget", () => {
    it("never starts more than the budget in any trailing second under bursts", async () => {
      const limiter = limiterWith({ maxStarts: 20 });
      const startTimes: number[] = [];

      // A burst, then stragglers arriving at uneven moments.
      const pending = burst(limiter, 70, startTimes);
      for (let i = 0; i < 30; i++) {
        await jest.advanceTimersByTimeAsync(37);
        pending.push(...burst(limiter, 3, startTimes));
      }
      await jest.advanceTimersByTimeAsync(10_000);
      await Promise.all(pending);

      expect(startTimes).toHaveLength(160);
      expect(busiestWindow(startTimes, 1000)).toBe(20);
    });

    it("starts the next waiter at the very moment a start leaves the window", async () => {
      const limiter = limiterWith({ maxStarts: 20 });
      const startTimes: number[] = [];

      const pending = burst(limiter, 60, startTimes);
      await jest.advanceTimersByTimeAsync(5000);
      await Promise.all(pending);

      expect(startTimes.filter((t) => t === 0)).toHaveLength(20);
      expect(startTimes.filter((t) => t === 1000)).toHaveLength(20);
      expect(startTimes.filter((t) => t === 2000)).toHaveLength(20);
    });

    it("reports how long each caller waited", async () => {
      const limiter = limiterWith({ maxStarts: 1 });

      const waits = burst(limiter, 3, []);
      await jest.advanceTimersByTimeAsync(2000);

      await expect(Promise.all(waits)).resolves.toEqual([0, 1000, 2000]);
    });

    it("sets no timer while no one waits", () => {
      const limiter = limiterWith({ maxStarts: 5 });

      void burst(limiter, 5, []);

      expect(jest.getTimerCount()).toBe(0);
    });
  });

  describe("queue", () => {
    it("admits waiters in the order they arrived", async () => {
      const limiter = limiterWith({ maxStarts: 2 });
      const order: number[] = [];

      const pending = Array.from({ length: 9 }, (_, index) =>
        acquireNow(limiter).then(() => order.push(index)),
      );
      await jest.advanceTimersByTimeAsync(5000);
      await Promise.all(pending);

      expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it("serves a newcomer only after the callers already waiting", async () => {
      const limiter = limiterWith({ maxStarts: 1 });
      const order: string[] = [];

      void acquireNow(limiter).then(() => order.push("first"));
      void acquireNow(limiter).then(() => order.push("waiter"));
      await jest.advanceTimersByTimeAsync(1000);
      void acquireNow(limiter).then(() => order.push("newcomer"));
      await jest.advanceTimersByTimeAsync(1000);

      expect(order).toEqual(["first", "waiter", "newcomer"]);
    });

    it("refuses at once with UPSTREAM_RATE_LIMITED when the queue is full", async () => {
      const limiter = limiterWith({ maxStarts: 1, queueLimit: 2 });
      void burst(limiter, 3, []);

      const refused = acquireNow(limiter);

      await expect(refused).rejects.toMatchObject({
        code: ErrorCode.UPSTREAM_RATE_LIMITED,
        outcome: "local_queue_full",
      });
      expect(elapsed()).toBe(0);
    });

    it("refuses with UPSTREAM_RATE_LIMITED when the wait reaches its limit", async () => {
      const limiter = limiterWith({ maxStarts: 1, queueTimeoutMs: 500 });
      void acquireNow(limiter);

      const waiter = track(acquireNow(limiter));
      await jest.advanceTimersByTimeAsync(499);
      expect(waiter.settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);

      await expect(waiter.promise).rejects.toMatchObject({
        code: ErrorCode.UPSTREAM_RATE_LIMITED,
        outcome: "local_queue_timeout",
      });
      expect(limiter.queueDepth).toBe(0);
    });

    it("lets an aborted waiter leave without taking a start", async () => {
      const limiter = limiterWith({ maxStarts: 1 });
      const controller = new AbortController();
      const reason = new Error("caller gave up");
      void acquireNow(limiter);
      const leaver = acquireNow(limiter, controller.signal);
      const stayer = acquireNow(limiter);
      expect(limiter.queueDepth).toBe(2);

      controller.abort(reason);

      await expect(leaver).rejects.toBe(reason);
      expect(limiter.queueDepth).toBe(1);
      await jest.advanceTimersByTimeAsync(1000);
      await expect(stayer).resolves.toBe(1000);
    });

    it("refuses a caller whose signal has already aborted", async () => {
      const limiter = limiterWith();

      const acquired = acquireNow(limiter, AbortSignal.abort("gone"));

      await expect(acquired).rejects.toBe("gone");
    });

    it("reports every change of its queue depth", async () => {
      const depths: number[] = [];
      const limiter = limiterWith({
        maxStarts: 1,
        onQueueDepthChange: (depth) => depths.push(depth),
      });

      void burst(limiter, 3, []);
      await jest.advanceTimersByTimeAsync(2000);

      expect(depths).toEqual([1, 2, 1, 0]);
    });
  });

  describe("close", () => {
    it("refuses waiting and later callers and clears its timers", async () => {
      const limiter = limiterWith({ maxStarts: 1 });
      void acquireNow(limiter);
      const waiter = acquireNow(limiter);

      limiter.close();

      await expect(waiter).rejects.toMatchObject({ outcome: "closed" });
      await expect(acquireNow(limiter)).rejects.toMatchObject({
        outcome: "closed",
      });
      expect(jest.getTimerCount()).toBe(0);
    });
  });

  it.each([
    ["maxStarts", { maxStarts: 0 }],
    ["windowMs", { windowMs: Number.NaN }],
    ["queueLimit", { queueLimit: -1 }],
  ])("rejects a nonsensical %s at construction", (name, options) => {
    expect(() => createRateLimiter(options)).toThrow(name);
  });
});

describe("RateLimiter slots", () => {
  beforeEach(() => {
    jest.useFakeTimers();
    origin = systemClock.now();
  });
  afterEach(() => jest.useRealTimers());

  it("holds a slot until one window after its attempt finished", async () => {
    const limiter = limiterWith({ maxStarts: 1 });
    const first = await limiter.acquire();
    const admittedAt: number[] = [];
    const second = limiter.acquire().then((permit) => {
      admittedAt.push(elapsed());
      return permit;
    });

    // A slow attempt: 300 ms under way, then a full window of rest.
    await jest.advanceTimersByTimeAsync(300);
    first.release();
    await jest.advanceTimersByTimeAsync(999);
    expect(admittedAt).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(admittedAt).toEqual([1300]);
    (await second).release();
  });

  it("counts only the first release of a permit", async () => {
    const limiter = limiterWith({ maxStarts: 1 });
    const permit = await limiter.acquire();
    permit.release();
    await jest.advanceTimersByTimeAsync(900);
    permit.release();

    const waits = acquireNow(limiter);
    await jest.advanceTimersByTimeAsync(100);
    await expect(waits).resolves.toBe(100);
  });
});
