import { ErrorCode } from "../../../src/errors/ErrorCode";
import { createLogger } from "../../../src/logging/logger";
import {
  createMetrics,
  type Metrics,
} from "../../../src/observability/metrics";
import {
  createResilientUpstream,
  type ResilientUpstreamOptions,
} from "../../../src/services/upstream/createResilientUpstream";
import {
  apiError,
  createFakeGateway,
  type FakeGateway,
  hangUntilAborted,
  okResult,
  SAMPLE_TOKEN,
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

/** Everything a test needs to look at after calling the upstream. */
function setUp(
  gateway: FakeGateway,
  overrides: Partial<ResilientUpstreamOptions> = {},
) {
  const logLines: string[] = [];
  const logger = createLogger(
    { level: "debug", pretty: false },
    { write: (line: string) => logLines.push(line) },
  );
  const metrics = createMetrics({ defaultMetrics: false });
  const upstream = createResilientUpstream({
    gateway,
    metrics,
    logger,
    random: () => 0.5,
    ...overrides,
  });
  const logs = () =>
    logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { upstream, metrics, logLines, logs };
}

/** Runs a call to its end, however many fake seconds that takes. */
async function runToEnd<T>(promise: Promise<T>): Promise<T> {
  const tracked = track(promise);
  while (!tracked.settled) {
    await jest.advanceTimersByTimeAsync(100);
  }
  return promise;
}

/** A counter's value for the given labels, read from the registry. */
async function counterValue(
  metrics: Metrics,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  const { values } = (await metric?.get()) ?? { values: [] };
  const match = values.find((value) =>
    Object.entries(labels).every(([key, want]) => value.labels[key] === want),
  );
  return match?.value ?? 0;
}

describe("createResilientUpstream", () => {
  it("returns the gateway's answer and logs the attempt without the token", async () => {
    const gateway = createFakeGateway(() => Promise.resolve(okResult("req-1")));
    const { upstream, logs, logLines } = setUp(gateway);

    const result = await upstream.fetch(SAMPLE_TOKEN);

    expect(result).toEqual(okResult("req-1"));
    expect(gateway.calls[0].nfcToken).toBe(SAMPLE_TOKEN);
    expect(logs()).toEqual([
      expect.objectContaining({
        level: 20,
        msg: "upstream attempt finished",
        attempt: 1,
        outcome: "ok",
        durationMs: 0,
        upstreamRequestId: "req-1",
      }),
    ]);
    expect(logLines.join("\n")).not.toContain(SAMPLE_TOKEN);
  });

  it("queues every retry at the rate limiter again", async () => {
    let calls = 0;
    const gateway = createFakeGateway(() =>
      ++calls === 1
        ? Promise.reject(apiError("InternalError"))
        : Promise.resolve(okResult()),
    );
    const { upstream, metrics } = setUp(gateway, { limiter: { maxStarts: 1 } });

    await runToEnd(upstream.fetch(SAMPLE_TOKEN));

    // The backoff is 100 ms; the limiter holds the retry until 1000 ms.
    expect(gateway.calls.map((call) => call.at - origin)).toEqual([0, 1000]);
    expect(
      await counterValue(metrics, "faceid_upstream_retries_total", {
        outcome: "InternalError",
      }),
    ).toBe(1);
  });

  it("cuts a hanging attempt at its time limit and retries", async () => {
    let calls = 0;
    const gateway = createFakeGateway((call) =>
      ++calls === 1
        ? hangUntilAborted(call.signal)
        : Promise.resolve(okResult()),
    );
    const { upstream, logs } = setUp(gateway, { attemptTimeoutMs: 3000 });

    await runToEnd(upstream.fetch(SAMPLE_TOKEN));

    expect(gateway.calls[0].signal.aborted).toBe(true);
    expect(gateway.calls[1].at - origin).toBe(3100);
    expect(logs()).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: "upstream attempt failed",
        outcome: "timeout",
        durationMs: 3000,
      }),
    );
  });

  it("answers deadline_exceeded when the upstream hangs past the deadline", async () => {
    const gateway = createFakeGateway((call) => hangUntilAborted(call.signal));
    const { upstream } = setUp(gateway, {
      attemptTimeoutMs: 3000,
      retry: { deadlineMs: 5000 },
    });

    const call = track(upstream.fetch(SAMPLE_TOKEN));
    await jest.advanceTimersByTimeAsync(5000);

    expect(call.settled).toBe(true);
    await expect(call.promise).rejects.toMatchObject({
      code: ErrorCode.UPSTREAM_UNAVAILABLE,
      outcome: "deadline_exceeded",
    });
  });

  it("opens the circuit after sustained failures and stops calling the gateway", async () => {
    const gateway = createFakeGateway(() =>
      Promise.reject(apiError("InternalError")),
    );
    const { upstream, metrics, logs, logLines } = setUp(gateway, {
      retry: { maxAttempts: 1 },
    });

    for (let i = 0; i < 5; i++) {
      await upstream.fetch(SAMPLE_TOKEN).catch(() => undefined);
    }
    const fastFailure = upstream.fetch(SAMPLE_TOKEN);

    await expect(fastFailure).rejects.toMatchObject({
      outcome: "circuit_open",
    });
    expect(gateway.calls).toHaveLength(5);
    expect(
      await counterValue(metrics, "faceid_upstream_breaker_state", {
        state: "open",
      }),
    ).toBe(1);
    expect(logs()).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: "upstream circuit breaker changed state",
        state: "open",
      }),
    );
    expect(logLines.join("\n")).not.toContain(SAMPLE_TOKEN);
  });

  it("closes the circuit again once the upstream recovers", async () => {
    let healthy = false;
    const gateway = createFakeGateway(() =>
      healthy
        ? Promise.resolve(okResult())
        : Promise.reject(apiError("InternalError")),
    );
    const { upstream, metrics } = setUp(gateway, { retry: { maxAttempts: 1 } });
    for (let i = 0; i < 5; i++) {
      await upstream.fetch(SAMPLE_TOKEN).catch(() => undefined);
    }

    healthy = true;
    await jest.advanceTimersByTimeAsync(10_000);

    await expect(upstream.fetch(SAMPLE_TOKEN)).resolves.toEqual(okResult());
    expect(
      await counterValue(metrics, "faceid_upstream_breaker_transitions_total", {
        to: "closed",
      }),
    ).toBe(1);
  });

  it("counts a full queue as a limiter rejection and answers at once", async () => {
    const gateway = createFakeGateway((call) => hangUntilAborted(call.signal));
    const { upstream, metrics } = setUp(gateway, {
      limiter: { maxStarts: 1, queueLimit: 0 },
    });
    void upstream.fetch(SAMPLE_TOKEN).catch(() => undefined);

    await expect(upstream.fetch(SAMPLE_TOKEN)).rejects.toMatchObject({
      code: ErrorCode.UPSTREAM_RATE_LIMITED,
      outcome: "local_queue_full",
    });
    expect(
      await counterValue(metrics, "faceid_upstream_limiter_rejections_total", {
        reason: "local_queue_full",
      }),
    ).toBe(1);
    expect(Date.now() - origin).toBe(0);
  });

  it("logs a token-not-found answer at info, not as an upstream failure", async () => {
    const gateway = createFakeGateway(() =>
      Promise.reject(
        apiError("FailedOperation.InvalidTokenParameter", "req-nf"),
      ),
    );
    const { upstream, logs } = setUp(gateway);

    await expect(upstream.fetch(SAMPLE_TOKEN)).rejects.toMatchObject({
      code: ErrorCode.NFC_TOKEN_NOT_FOUND,
    });
    expect(logs()).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: "upstream attempt failed",
        upstreamRequestId: "req-nf",
      }),
    );
  });

  it("refuses queued calls and closes the gateway on close", async () => {
    const gateway = createFakeGateway((call) => hangUntilAborted(call.signal));
    const { upstream } = setUp(gateway, { limiter: { maxStarts: 1 } });
    void upstream.fetch(SAMPLE_TOKEN).catch(() => undefined);
    const queued = upstream.fetch(SAMPLE_TOKEN);

    upstream.close();

    await expect(queued).rejects.toMatchObject({ outcome: "closed" });
    expect(gateway.closed).toBe(true);
  });

  describe("when the deadline passes in our own queue", () => {
    /** Answers after `delayMs` of fake time. */
    const slowOk = (delayMs: number) => () =>
      new Promise<ReturnType<typeof okResult>>((resolve) =>
        setTimeout(() => resolve(okResult()), delayMs),
      );

    it("answers UPSTREAM_RATE_LIMITED and leaves the breaker closed", async () => {
      const gateway = createFakeGateway(slowOk(400));
      const { upstream } = setUp(gateway, {
        limiter: { maxStarts: 1, queueTimeoutMs: 60_000 },
        retry: { deadlineMs: 1000 },
        attemptTimeoutMs: 500,
        breaker: { failureThreshold: 1 },
      });

      // The second call waits for the first's slot (400 ms + a window).
      const first = upstream.fetch(SAMPLE_TOKEN);
      const second = upstream.fetch("second-token");
      await expect(runToEnd(first)).resolves.toEqual(okResult());
      await expect(runToEnd(second)).rejects.toMatchObject({
        code: ErrorCode.UPSTREAM_RATE_LIMITED,
        outcome: "local_queue_timeout",
      });

      // A breaker at one failure would be open had the upstream been blamed.
      await expect(runToEnd(upstream.fetch("third"))).resolves.toEqual(
        okResult(),
      );
    });

    it("still blames a hanging upstream that the queue did not delay", async () => {
      const gateway = createFakeGateway(({ signal }) =>
        hangUntilAborted(signal),
      );
      const { upstream } = setUp(gateway, {
        retry: { deadlineMs: 1000, maxAttempts: 1 },
        attemptTimeoutMs: 2000,
      });

      await expect(
        runToEnd(upstream.fetch(SAMPLE_TOKEN)),
      ).rejects.toMatchObject({
        code: ErrorCode.UPSTREAM_UNAVAILABLE,
        outcome: "deadline_exceeded",
      });
    });
  });
});
