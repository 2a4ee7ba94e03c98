import type { FaultKind } from "../../src/emulator";
import { lostAnswers, outcomesOutside } from "./support/answers";
import {
  mapConcurrently,
  mintTokens,
  pull,
  servedRatio,
} from "./support/pulls";
import { FULL_RUN, scaled } from "./support/scale";
import { startTestStack, type TestStack } from "../support/testStack";

/**
 * The full run keeps Tencent's 20 requests a second. The short one lets
 * both sides go five times faster so that a meaningful count fits in a
 * few seconds: the served ratio under faults does not depend on the rate,
 * which rateRejections.test.ts covers.
 */
const REQUESTS_PER_SECOND = FULL_RUN ? 20 : 100;

describe("passing upstream faults on a share of calls", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: { FACEID_MAX_RPS: String(REQUESTS_PER_SECOND) },
      emulator: { maxRequestsPerSecond: REQUESTS_PER_SECOND },
    });
  });
  afterAll(() => stack.close());
  afterEach(() => stack.emulator.reset());

  it.each<{ kind: FaultKind; probability: number }>([
    { kind: "internalError", probability: 0.2 },
    { kind: "connectionReset", probability: 0.1 },
  ])(
    "serves at least 99% of pulls when $kind hits $probability of calls",
    async ({ kind, probability }) => {
      const logsBefore = stack.logs().length;
      const tokens = mintTokens(stack.emulator, scaled(200, 1000));
      stack.emulator.injectFault({ kind, probability });

      const answers = await mapConcurrently(tokens, 20, (token) =>
        pull(stack.server.url, token),
      );

      // Whatever is not served failed after its retries, and says so.
      expect(lostAnswers(answers)).toEqual([]);
      expect(
        outcomesOutside(answers, ["served", "UPSTREAM_UNAVAILABLE"]),
      ).toEqual({});
      // Below the bar, say why: the failed attempts' outcomes by kind.
      const served = servedRatio(answers);
      expect(
        served >= 0.99
          ? "at least 99% served"
          : describeFailures(stack.logs().slice(logsBefore)),
      ).toBe("at least 99% served");

      // The faults did happen, and our own pace never tripped the limit.
      const stats = stack.emulator.stats();
      expect(stats.injectedFailures).toBeGreaterThan(
        (tokens.length * probability) / 2,
      );
      expect(stats.rateLimitRejections).toBe(0);
    },
  );
});

/** Served share is too low: the failed upstream attempts, by outcome. */
function describeFailures(logs: string): string {
  const outcomes: Record<string, number> = {};
  for (const line of logs.split("\n")) {
    if (line.includes("upstream attempt failed")) {
      const { outcome, attempt } = JSON.parse(line) as {
        outcome: string;
        attempt: number;
      };
      const key = `${outcome} (attempt ${attempt})`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
  }
  return `failed attempts: ${JSON.stringify(outcomes)}`;
}
