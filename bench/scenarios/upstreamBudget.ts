import { DEFAULT_MAX_REQUESTS_PER_SECOND } from "../../src/emulator";
import { mintTokens, withEmulator } from "../harness/emulator";
import { pause } from "../harness/pause";
import { type VariantId, withVariants } from "../harness/variants";
import type { TimedRequest } from "../load/protocol";
import { SMALL_QUERY, requestBody } from "../queries";
import type { BenchContext } from "./BenchContext";

/** The upstream's documented budget, which both sides default to. */
const BUDGET_PER_SECOND = DEFAULT_MAX_REQUESTS_PER_SECOND;

export interface BudgetFigures {
  tokens: number;
  /** Pulls answered with data. */
  succeeded: number;
  /** Requests the emulator received, rejected ones included. */
  upstreamRequests: number;
  /** Most requests the emulator admitted in any one second. */
  busiestSecond: number;
  /** Requests the emulator refused as over its rate limit. */
  upstreamRejections: number;
  /** From the first request sent to the last answer. */
  elapsedSeconds: number;
  /** tokens / elapsedSeconds / budget; can exceed 1, see below. */
  naiveShareOfBudget: number;
  /**
   * ceil(tokens / budget) − 1, the fewest seconds a limiter admitting
   * `budget` calls in any one second needs between its first and last
   * start, over the seconds actually between the first and last answers
   * (each answer trails its start by about the same upstream latency).
   * 1 is a perfect limiter.
   */
  sustainedShareOfBudget: number;
}

export interface UpstreamBudgetResult {
  budgetPerSecond: number;
  clients: number;
  servers: Partial<Record<VariantId, BudgetFigures>>;
}

const SERVERS: VariantId[] = ["ours", "apollo-standalone-upstream"];

/**
 * Scenario 4: distinct fresh tokens, sent as fast as the clients can. Ours
 * must keep the upstream at or under its budget in every second without a
 * rejection, and still use nearly all of it; the naive server, for
 * contrast, sends everything at once.
 */
export function runUpstreamBudget(
  context: BenchContext,
): Promise<UpstreamBudgetResult> {
  const { tokens: count, clients } = context.settings.budget;
  return withEmulator(undefined, ({ emulator, url: emulatorUrl }) =>
    withVariants(
      context.processes,
      SERVERS,
      { emulatorUrl },
      async (servers) => {
        const results: Partial<Record<VariantId, BudgetFigures>> = {};
        for (const id of SERVERS) {
          context.progress(`  ${id}: ${count} tokens`);
          emulator.reset();
          await pause(1100);
          const tokens = mintTokens(emulator, "id-card", count);
          const batch = await context.load.run({
            kind: "requestBatch",
            url: servers.get(id)?.graphqlUrl ?? "",
            bodies: tokens.map((token) => requestBody(SMALL_QUERY, token)),
            concurrency: clients,
          });
          const stats = emulator.stats();
          results[id] = {
            ...shares(batch.requests),
            succeeded: batch.requests.filter((request) => request.ok).length,
            upstreamRequests: stats.actionRequests,
            busiestSecond: stats.busiestSecond,
            upstreamRejections: stats.rateLimitRejections,
          };
        }
        return {
          budgetPerSecond: BUDGET_PER_SECOND,
          clients,
          servers: results,
        };
      },
    ),
  );
}

function shares(
  requests: TimedRequest[],
): Pick<
  BudgetFigures,
  "tokens" | "elapsedSeconds" | "naiveShareOfBudget" | "sustainedShareOfBudget"
> {
  const starts = requests.map((request) => request.startedMs);
  const finishes = requests.map((request) => request.finishedMs);
  const firstStart = Math.min(...starts);
  const firstFinish = Math.min(...finishes);
  const lastFinish = Math.max(...finishes);
  const elapsedSeconds = (lastFinish - firstStart) / 1000;
  // Starts in the first second are free; each later second admits at most
  // one budget's worth more.
  const idealSpanSeconds = Math.ceil(requests.length / BUDGET_PER_SECOND) - 1;
  return {
    tokens: requests.length,
    elapsedSeconds,
    naiveShareOfBudget: requests.length / elapsedSeconds / BUDGET_PER_SECOND,
    sustainedShareOfBudget:
      idealSpanSeconds / ((lastFinish - firstFinish) / 1000),
  };
}
