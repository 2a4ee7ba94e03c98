import { outcomeOf } from "./support/answers";
import { mintTokens, pull } from "./support/pulls";
import { scaled } from "./support/scale";
import { pause } from "./support/time";
import { breakerState } from "./support/serverMetrics";
import { startTestStack, type TestStack } from "../support/testStack";

const MAX_ATTEMPTS = 2;
const BREAKER_FAILURES = 3;
/** Long enough that a burst ends well inside it, short enough to wait out. */
const COOLDOWN_MS = 2000;

/** Pulls every token at once; the outcome of each, in order. */
async function burst(stack: TestStack, tokens: string[]): Promise<string[]> {
  const answers = await Promise.all(
    tokens.map((token) => pull(stack.server.url, token)),
  );
  return answers.map(outcomeOf);
}

/** Takes the upstream down hard and fails calls until the breaker opens. */
async function openBreaker(stack: TestStack): Promise<void> {
  stack.emulator.injectFault({ kind: "connectionReset" });
  for (const token of mintTokens(stack.emulator, BREAKER_FAILURES)) {
    expect(outcomeOf(await pull(stack.server.url, token))).toBe(
      "UPSTREAM_UNAVAILABLE",
    );
  }
  expect(await breakerState(stack.server.url)).toBe("open");
}

describe("the circuit breaker while the upstream is down and back", () => {
  let stack: TestStack;
  beforeEach(async () => {
    stack = await startTestStack({
      env: {
        FACEID_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        FACEID_DEADLINE_MS: "2000",
        FACEID_ATTEMPT_TIMEOUT_MS: "1000",
        FACEID_BREAKER_FAILURES: String(BREAKER_FAILURES),
        FACEID_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
      },
    });
  });
  afterEach(() => stack.close());

  it("fails a whole burst fast while open, without one upstream call", async () => {
    await openBreaker(stack);
    const before = stack.emulator.stats().actionRequests;

    const outcomes = await burst(
      stack,
      mintTokens(stack.emulator, scaled(20, 200)),
    );

    expect(new Set(outcomes)).toEqual(new Set(["UPSTREAM_UNAVAILABLE"]));
    expect(stack.emulator.stats().actionRequests).toBe(before);
  });

  it("lets one probe through per cool-down, reopening on failure and closing once the upstream is back", async () => {
    await openBreaker(stack);
    const tokens = mintTokens(stack.emulator, scaled(20, 200));

    // Still down after the cool-down: one probe call (with its retry)
    // reaches the upstream, the rest of the burst fails fast, and the
    // failed probe opens the breaker again.
    await pause(COOLDOWN_MS + 200);
    const before = stack.emulator.stats().actionRequests;
    const whileDown = await burst(stack, tokens);
    expect(new Set(whileDown)).toEqual(new Set(["UPSTREAM_UNAVAILABLE"]));
    expect(stack.emulator.stats().actionRequests - before).toBe(MAX_ATTEMPTS);
    expect(await breakerState(stack.server.url)).toBe("open");

    // Back up: after the next cool-down one probe closes the breaker, and
    // then a burst the upstream can take in a second is served in full (a
    // larger one would outlast the 2 s deadline in the limiter's queue).
    stack.emulator.clearFaults();
    await pause(COOLDOWN_MS + 200);
    expect(outcomeOf(await pull(stack.server.url, tokens[0]))).toBe("served");
    expect(await breakerState(stack.server.url)).toBe("closed");
    const whenBack = await burst(stack, tokens.slice(0, 20));
    expect(new Set(whenBack)).toEqual(new Set(["served"]));
  });
});
