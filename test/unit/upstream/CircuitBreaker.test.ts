import { ErrorCode } from "../../../src/errors/ErrorCode";
import {
  upstreamRateLimited,
  upstreamUnavailable,
} from "../../../src/errors/catalog";
import type { UpstreamError } from "../../../src/errors/UpstreamError";
import {
  type BreakerState,
  createCircuitBreaker,
} from "../../../src/services/upstream/CircuitBreaker";
import { apiError, okResult, track } from "./fakes";

// Cockatiel times the cool-down with Date.now(), which jest's timers fake.
beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

/** A breaker with the defaults (5 failures, 10 s), recording its states. */
function breakerWithLog() {
  const states: BreakerState[] = [];
  const breaker = createCircuitBreaker({
    onStateChange: (state) => states.push(state),
  });
  return { breaker, states };
}

/** A call that fails as given and counts how often it ran. */
function failingCall(error: () => UpstreamError) {
  const call = jest.fn(() => Promise.reject(error()));
  return call;
}

async function runTimes(
  times: number,
  breaker: ReturnType<typeof createCircuitBreaker>,
  call: () => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < times; i++) {
    await breaker.execute(call).catch(() => undefined);
  }
}

const upstreamDown = () => upstreamUnavailable("network");

describe("CircuitBreaker", () => {
  it("opens after five consecutive failed calls and then fails fast", async () => {
    const { breaker, states } = breakerWithLog();
    const call = failingCall(upstreamDown);

    await runTimes(5, breaker, call);
    const fastFailure = breaker.execute(call);

    await expect(fastFailure).rejects.toMatchObject({
      code: ErrorCode.UPSTREAM_UNAVAILABLE,
      outcome: "circuit_open",
    });
    expect(call).toHaveBeenCalledTimes(5);
    expect(states).toEqual(["open"]);
  });

  it("stays closed while failures are fewer than five in a row", async () => {
    const { breaker } = breakerWithLog();
    const down = failingCall(upstreamDown);
    const up = jest.fn(() => Promise.resolve(okResult()));

    await runTimes(4, breaker, down);
    await runTimes(1, breaker, up);
    await runTimes(4, breaker, down);

    expect(breaker.state).toBe("closed");
  });

  it("lets one probe through after the cool-down and closes when it succeeds", async () => {
    const { breaker, states } = breakerWithLog();
    await runTimes(5, breaker, failingCall(upstreamDown));

    await jest.advanceTimersByTimeAsync(9_999);
    await expect(
      breaker.execute(() => Promise.resolve(1)),
    ).rejects.toMatchObject({ outcome: "circuit_open" });
    await jest.advanceTimersByTimeAsync(1);
    const probe = await breaker.execute(() => Promise.resolve(okResult()));

    expect(probe).toEqual(okResult());
    expect(breaker.state).toBe("closed");
    expect(states).toEqual(["open", "half_open", "closed"]);
  });

  it("fails other calls fast while the probe is running", async () => {
    const { breaker } = breakerWithLog();
    await runTimes(5, breaker, failingCall(upstreamDown));
    await jest.advanceTimersByTimeAsync(10_000);

    let finishProbe = (): void => undefined;
    const probe = track(
      breaker.execute(
        () => new Promise<void>((resolve) => (finishProbe = resolve)),
      ),
    );
    const other = jest.fn(() => Promise.resolve("other"));

    await expect(breaker.execute(other)).rejects.toMatchObject({
      outcome: "circuit_open",
    });
    expect(other).not.toHaveBeenCalled();
    finishProbe();
    await probe.promise;
    expect(breaker.state).toBe("closed");
  });

  it("opens again when the probe fails", async () => {
    const { breaker, states } = breakerWithLog();
    const down = failingCall(upstreamDown);
    await runTimes(5, breaker, down);
    await jest.advanceTimersByTimeAsync(10_000);

    await runTimes(1, breaker, down);

    expect(breaker.state).toBe("open");
    expect(states).toEqual(["open", "half_open", "open"]);
  });

  it.each<[string, () => UpstreamError]>([
    [
      "NFC_TOKEN_NOT_FOUND",
      () => apiError("FailedOperation.InvalidTokenParameter"),
    ],
    ["UPSTREAM_AUTH_FAILED", () => apiError("AuthFailure.SignatureFailure")],
    ["UPSTREAM_REJECTED", () => apiError("InvalidParameterValue")],
  ])("is not tripped by %s answers", async (_code, refusal) => {
    const { breaker } = breakerWithLog();
    const call = failingCall(refusal);

    await runTimes(20, breaker, call);

    expect(breaker.state).toBe("closed");
    expect(call).toHaveBeenCalledTimes(20);
  });

  it("counts an upstream refusal as proof of health, resetting the count", async () => {
    const { breaker } = breakerWithLog();
    const down = failingCall(upstreamDown);
    const notFound = failingCall(() =>
      apiError("FailedOperation.InvalidTokenParameter"),
    );

    await runTimes(4, breaker, down);
    await runTimes(1, breaker, notFound);
    await runTimes(4, breaker, down);

    expect(breaker.state).toBe("closed");
  });

  it.each<[string, () => UpstreamError]>([
    ["a full local queue", () => upstreamRateLimited("local_queue_full")],
    ["a cancelled caller", () => upstreamUnavailable("cancelled", {}, false)],
  ])("neither counts nor forgives %s", async (_kind, stop) => {
    const { breaker } = breakerWithLog();

    await runTimes(4, breaker, failingCall(upstreamDown));
    await runTimes(3, breaker, failingCall(stop));
    await runTimes(1, breaker, failingCall(upstreamDown));

    expect(breaker.state).toBe("open");
  });

  it("counts a passed deadline as a failure", async () => {
    const { breaker } = breakerWithLog();

    await runTimes(
      5,
      breaker,
      failingCall(() => upstreamUnavailable("deadline_exceeded")),
    );

    expect(breaker.state).toBe("open");
  });

  it("passes the call's own error through unchanged", async () => {
    const { breaker } = breakerWithLog();
    const notFound = apiError("FailedOperation.InvalidTokenParameter");

    await expect(breaker.execute(() => Promise.reject(notFound))).rejects.toBe(
      notFound,
    );
  });
});
