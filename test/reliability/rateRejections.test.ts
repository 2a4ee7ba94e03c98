import {
  type Answer,
  lostAnswers,
  outcomeOf,
  outcomesOutside,
} from "./support/answers";
import { mintTokens, pull } from "./support/pulls";
import { scaled } from "./support/scale";
import { breakerState } from "./support/serverMetrics";
import { pause } from "./support/time";
import { startTestStack, type TestStack } from "../support/testStack";

/** Tencent's documented limit, which the emulator enforces. */
const UPSTREAM_LIMIT_PER_SECOND = 20;

/** How often a client following docs/errors.md tries again, at most. */
const CLIENT_RETRIES = 30;

/** The codes docs/errors.md tells clients to retry after a pause. */
const RETRIED_CODES = ["UPSTREAM_RATE_LIMITED", "UPSTREAM_UNAVAILABLE"];

/**
 * Pulls a token as docs/errors.md tells clients to: on a rate limit or an
 * unavailable upstream, wait a second and retry, a bounded number of
 * times. Anything else is the final answer.
 */
async function pullPolitely(stack: TestStack, token: string): Promise<Answer> {
  let answer = await pull(stack.server.url, token);
  for (let retry = 0; retry < CLIENT_RETRIES; retry++) {
    if (!RETRIED_CODES.includes(outcomeOf(answer))) {
      break;
    }
    await pause(1000);
    answer = await pull(stack.server.url, token);
  }
  return answer;
}

describe("upstream rate rejections under a large burst", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Both sides at Tencent's 20 a second, with the default queue: the
    // burst's tail is refused after 5 s in it, and its clients come back.
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it("never sends the upstream more than 20 calls in a second, and serves every pull in the end", async () => {
    const tokens = mintTokens(stack.emulator, scaled(60, 400));
    stack.emulator.injectFault({ kind: "rateLimited", probability: 0.1 });

    // The whole burst at once: far more than a second's budget.
    const answers = await Promise.all(
      tokens.map((token) => pullPolitely(stack, token)),
    );

    expect(lostAnswers(answers)).toEqual([]);
    expect(new Set(answers.map(outcomeOf))).toEqual(new Set(["served"]));
    const stats = stack.emulator.stats();
    expect(stats.injectedFailures).toBeGreaterThan(0);
    expect(stats.busiestSecond).toBeLessThanOrEqual(UPSTREAM_LIMIT_PER_SECOND);
    expect(stats.rateLimitRejections).toBe(0);
  });
});

/*
 * A burst that outlasts the deadline in our own queue is our doing, not the
 * upstream's: it must not read as an upstream fault, nor trip the breaker.
 */
describe("pulls that outlast the deadline in our own queue", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // A queue more patient than the deadline, which the configuration
    // allows, and a budget of 2 a second, so that a dozen pulls outlast
    // the deadline while waiting for it.
    stack = await startTestStack({
      env: {
        FACEID_MAX_RPS: "2",
        FACEID_DEADLINE_MS: "2000",
        FACEID_ATTEMPT_TIMEOUT_MS: "1000",
        FACEID_QUEUE_TIMEOUT_MS: "20000",
      },
    });
  });
  afterAll(() => stack.close());

  it("refuses the overflow of a healthy upstream as UPSTREAM_RATE_LIMITED and keeps the breaker closed", async () => {
    const tokens = mintTokens(stack.emulator, 12);

    const answers = await Promise.all(
      tokens.map((token) => pull(stack.server.url, token)),
    );

    expect(
      outcomesOutside(answers, ["served", "UPSTREAM_RATE_LIMITED"]),
    ).toEqual({});
    expect(await breakerState(stack.server.url)).toBe("closed");
  });
});
