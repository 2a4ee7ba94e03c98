import { type Answer, lostAnswers, outcomeOf } from "./support/answers";
import { mapConcurrently, mintTokens, pull } from "./support/pulls";
import { scaled } from "./support/scale";
import { startTestStack, type TestStack } from "../support/testStack";

const ATTEMPT_TIMEOUT_MS = 1000;
const DEADLINE_MS = 4000;

/**
 * Spike lengths from 300 to 1500 ms, none within 250 ms of the attempt
 * timeout: this machine's own delays must not decide which side of it a
 * spike falls on, only the configured latency.
 */
const SPIKES_MS = [300, 500, 650, 750, 1250, 1350, 1500];

/**
 * Budget far above what ten clients use, on both sides: a retry that
 * queued for budget could see its deadline pass in our own queue, which
 * is UPSTREAM_RATE_LIMITED by design, and the outcome would then depend
 * on queueing order rather than on the spike. rateRejections.test.ts
 * covers the budget.
 */
const REQUESTS_PER_SECOND = 200;

/** Three tokens in ten spike, spread evenly over the run. */
function spikeFor(index: number): number | undefined {
  return (index * 7) % 10 < 3 ? SPIKES_MS[index % SPIKES_MS.length] : undefined;
}

describe("latency spikes on 30% of upstream calls", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        FACEID_ATTEMPT_TIMEOUT_MS: String(ATTEMPT_TIMEOUT_MS),
        FACEID_DEADLINE_MS: String(DEADLINE_MS),
        // The breaker is another test's subject; here it would turn slow
        // tokens' timeouts into fast failures for every token.
        FACEID_BREAKER_FAILURES: "1000",
        FACEID_MAX_RPS: String(REQUESTS_PER_SECOND),
      },
      emulator: { maxRequestsPerSecond: REQUESTS_PER_SECOND },
    });
  });
  afterAll(() => stack.close());

  it("answers every pull, and UPSTREAM_UNAVAILABLE only where the spike outlasts the attempt timeout", async () => {
    const tokens = mintTokens(stack.emulator, scaled(40, 400));
    const spikes = tokens.map((_token, index) => spikeFor(index));

    // Each spike is the token's own, on every attempt, retries included.
    tokens.forEach((token, index) => {
      const latencyMs = spikes[index];
      if (latencyMs !== undefined) {
        stack.emulator.injectFault({ kind: "latency", token, latencyMs });
      }
    });

    // Ten at a time, well within the budget, so no pull spends its
    // deadline queueing for it. A generous client timeout only tells a
    // hung request from a slow one.
    const answers: Answer[] = await mapConcurrently(tokens, 10, (token) =>
      pull(stack.server.url, token, { timeoutMs: DEADLINE_MS + 15_000 }),
    );

    expect(lostAnswers(answers)).toEqual([]);
    const expected = spikes.map((latencyMs) =>
      (latencyMs ?? 0) > ATTEMPT_TIMEOUT_MS ? "UPSTREAM_UNAVAILABLE" : "served",
    );
    expect(answers.map(outcomeOf)).toEqual(expected);

    // A slow answer within the timeout is not a failure, so not retried;
    // one past it is retried, but never past the deadline's attempts.
    const calls = tokens.map((token) => stack.emulator.callsFor(token));
    calls.forEach((count, index) => {
      if (expected[index] === "served") {
        expect(count).toBe(1);
      } else {
        expect(count).toBeGreaterThanOrEqual(2);
        expect(count).toBeLessThanOrEqual(4);
      }
    });
  });
});
