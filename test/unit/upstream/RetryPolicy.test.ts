import { ErrorCode } from "../../../src/errors/ErrorCode";
import { upstreamRateLimited } from "../../../src/errors/catalog";
import type { UpstreamError } from "../../../src/errors/UpstreamError";
import {
  type AttemptContext,
  backoffDelayMs,
  createRetryPolicy,
  DEFAULT_RETRY_SETTINGS,
  type RetryPolicyOptions,
} from "../../../src/services/upstream/RetryPolicy";
import {
  apiError,
  hangUntilAborted,
  okResult,
  PERMANENT_FAILURES,
  TRANSIENT_FAILURES,
  track,
} from "./fakes";

let origin: number;

beforeEach(() => {
  jest.useFakeTimers();
  origin = Date.now();
});

afterEach(() => {
  jest.useRealTimers();
});

/** An attempt function that plays `script` in turn and records each call. */
function scripted(
  ...script: ((context: AttemptContext) => Promise<unknown>)[]
) {
  const startedAt: number[] = [];
  const attempt = (context: AttemptContext) => {
    startedAt.push(Date.now() - origin);
    const step = script[Math.min(startedAt.length, script.length) - 1];
    return step(context);
  };
  return { attempt, startedAt };
}

const fail = (error: UpstreamError) => () => Promise.reject(error);
const succeed = () => Promise.resolve(okResult());
const hang = (context: AttemptContext) => hangUntilAborted(context.signal);

function policy(options: RetryPolicyOptions = {}) {
  return createRetryPolicy({ random: () => 0.5, ...options });
}

/** Runs a call to its end, however many fake seconds that takes. */
async function runToEnd<T>(promise: Promise<T>): Promise<T> {
  const tracked = track(promise);
  while (!tracked.settled) {
    await jest.advanceTimersByTimeAsync(100);
  }
  return promise;
}

describe("RetryPolicy", () => {
  it.each(TRANSIENT_FAILURES)(
    "retries after %s and returns the next success",
    async (_kind, failure) => {
      const { attempt, startedAt } = scripted(fail(failure()), succeed);

      const result = await runToEnd(policy().execute(attempt));

      expect(result).toEqual(okResult());
      expect(startedAt).toHaveLength(2);
    },
  );

  it.each(PERMANENT_FAILURES)(
    "does not retry after %s",
    async (_kind, failure) => {
      const error = failure();
      const { attempt, startedAt } = scripted(fail(error));

      await expect(runToEnd(policy().execute(attempt))).rejects.toBe(error);
      expect(startedAt).toHaveLength(1);
    },
  );

  it.each(["local_queue_full", "local_queue_timeout"])(
    "answers a %s refusal at once instead of retrying",
    async (outcome) => {
      const refusal = upstreamRateLimited(outcome);
      const { attempt, startedAt } = scripted(fail(refusal));

      await expect(policy().execute(attempt)).rejects.toBe(refusal);
      expect(startedAt).toHaveLength(1);
    },
  );

  it("waits at least one second after RequestLimitExceeded", async () => {
    const { attempt, startedAt } = scripted(
      fail(apiError("RequestLimitExceeded")),
      succeed,
    );

    await runToEnd(policy({ random: () => 0 }).execute(attempt));

    expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(1000);
  });

  it("gives up after the configured number of attempts with the last error", async () => {
    const last = apiError("InternalError", "req-last");
    const { attempt, startedAt } = scripted(
      fail(apiError("InternalError")),
      fail(apiError("InternalError")),
      fail(apiError("InternalError")),
      fail(last),
    );

    await expect(runToEnd(policy().execute(attempt))).rejects.toBe(last);
    expect(startedAt).toHaveLength(DEFAULT_RETRY_SETTINGS.maxAttempts);
  });

  it("reports each retry with its delay before waiting", async () => {
    const retries: [number, string, number][] = [];
    const { attempt } = scripted(fail(apiError("InternalError")), succeed);

    await runToEnd(
      policy({
        onRetry: (event) =>
          retries.push([event.attempt, event.error.outcome, event.delayMs]),
      }).execute(attempt),
    );

    expect(retries).toEqual([[1, "InternalError", 100]]);
  });

  describe("deadline", () => {
    it("answers deadline_exceeded exactly at the deadline when attempts hang", async () => {
      const { attempt } = scripted(hang);
      const call = track(policy({ deadlineMs: 10_000 }).execute(attempt));

      await jest.advanceTimersByTimeAsync(9_999);
      expect(call.settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);

      await expect(call.promise).rejects.toMatchObject({
        code: ErrorCode.UPSTREAM_UNAVAILABLE,
        outcome: "deadline_exceeded",
      });
    });

    it("ends the call by the deadline even when every attempt fails slowly", async () => {
      const slowFailure = () =>
        new Promise<never>((_resolve, reject) => {
          setTimeout(() => reject(apiError("InternalError")), 3000);
        });
      const { attempt, startedAt } = scripted(slowFailure);

      const call = policy({ deadlineMs: 10_000 }).execute(attempt);

      await expect(runToEnd(call)).rejects.toMatchObject({
        outcome: "deadline_exceeded",
      });
      expect(Date.now() - origin).toBeLessThanOrEqual(10_000);
      expect(startedAt).toHaveLength(4);
    });

    it("keeps the previous failure's upstream code and RequestId", async () => {
      const { attempt } = scripted(
        fail(apiError("InternalError", "req-first")),
        hang,
      );

      const call = policy({ deadlineMs: 5000 }).execute(attempt);

      await expect(runToEnd(call)).rejects.toMatchObject({
        outcome: "deadline_exceeded",
        upstreamCode: "InternalError",
        upstreamRequestId: "req-first",
      });
    });

    it("aborts the running attempt's signal when the deadline passes", async () => {
      let seen: AbortSignal | undefined;
      const { attempt } = scripted((context) => {
        seen = context.signal;
        return hang(context);
      });

      await runToEnd(policy({ deadlineMs: 1000 }).execute(attempt)).catch(
        () => undefined,
      );

      expect(seen?.aborted).toBe(true);
    });

    it("does not retry when the backoff would outlast the deadline", async () => {
      const limited = apiError("RequestLimitExceeded");
      const { attempt, startedAt } = scripted(fail(limited), succeed);

      const call = policy({ deadlineMs: 900 }).execute(attempt);

      await expect(call).rejects.toBe(limited);
      expect(startedAt).toEqual([0]);
      expect(Date.now() - origin).toBe(0);
    });
  });

  describe("cancellation", () => {
    it("answers cancelled when the caller aborts during an attempt", async () => {
      const controller = new AbortController();
      const { attempt } = scripted(hang);

      const call = policy().execute(attempt, controller.signal);
      controller.abort();

      await expect(call).rejects.toMatchObject({
        outcome: "cancelled",
        transient: false,
      });
    });

    it("answers cancelled when the caller aborts during a backoff", async () => {
      const controller = new AbortController();
      const { attempt, startedAt } = scripted(
        fail(apiError("InternalError")),
        succeed,
      );

      const call = policy().execute(attempt, controller.signal);
      await jest.advanceTimersByTimeAsync(50);
      controller.abort();

      await expect(call).rejects.toMatchObject({ outcome: "cancelled" });
      expect(startedAt).toHaveLength(1);
    });

    it("leaves no timer behind once the call has ended", async () => {
      const { attempt } = scripted(succeed);

      await policy().execute(attempt);

      expect(jest.getTimerCount()).toBe(0);
    });
  });
});

describe("backoffDelayMs", () => {
  const transient = apiError("InternalError");
  const settings = {
    ...DEFAULT_RETRY_SETTINGS,
    baseDelayMs: 200,
    maxDelayMs: 2000,
  };

  it.each([
    [1, 200],
    [2, 400],
    [3, 800],
    [4, 1600],
    [5, 2000],
    [12, 2000],
  ])("keeps the wait after attempt %i below %i ms", (attempt, ceiling) => {
    const almostOne = () => 0.999_999;

    const delay = backoffDelayMs(attempt, transient, settings, almostOne);

    expect(delay).toBeLessThan(ceiling);
    expect(delay).toBeGreaterThanOrEqual(ceiling - 1);
  });

  it("draws the whole range below the ceiling (full jitter)", () => {
    expect(backoffDelayMs(3, transient, settings, () => 0)).toBe(0);
    expect(backoffDelayMs(3, transient, settings, () => 0.25)).toBe(200);
  });

  it("never waits less than the upstream asked", () => {
    const limited = apiError("RequestLimitExceeded");

    expect(backoffDelayMs(1, limited, settings, () => 0)).toBe(1000);
  });
});
