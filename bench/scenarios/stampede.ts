import { mintTokens, withEmulator } from "../harness/emulator";
import { pause } from "../harness/pause";
import { type VariantId, withVariants } from "../harness/variants";
import type { LatencySummary, RequestBatchResult } from "../load/protocol";
import { SMALL_QUERY, requestBody } from "../queries";
import { median, summarizeLatencies } from "../report/statistics";
import type { BenchContext } from "./BenchContext";

/** One burst of identical pulls. */
export interface BurstFigures {
  latencyMs: LatencySummary;
  failures: number;
  /** Upstream calls for the token so far, burst included (emulator). */
  upstreamCallsSoFar: number;
}

export interface StampedeRound {
  /** N clients pulling a token nobody has pulled yet, all at once. */
  fresh: BurstFigures;
  /** The same N clients and token a little later. */
  again: BurstFigures;
}

export interface StampedeServerResult {
  rounds: StampedeRound[];
  /** The most upstream calls any round's token cost. */
  maxUpstreamCallsPerToken: number;
  freshP50Ms: number;
  freshP99Ms: number;
  againP50Ms: number;
  againP99Ms: number;
  failures: number;
}

export interface StampedeResult {
  clients: number;
  /** Pause between the two bursts, longer than the upstream's window. */
  againAfterMs: number;
  servers: Partial<Record<VariantId, StampedeServerResult>>;
}

const SERVERS: VariantId[] = ["ours", "apollo-standalone-upstream"];

/**
 * Past the emulator's one-second rate window, so that one server's burst
 * never spends the next one's upstream budget.
 */
const PAUSE_MS = 1100;

/**
 * Scenario 3: N clients pull one fresh token at the same moment, then again
 * a little later. Ours should call the upstream once in all; the naive
 * server calls it N times, and past 20 in a second the upstream refuses.
 */
export function runStampede(context: BenchContext): Promise<StampedeResult> {
  const { clients, rounds } = context.settings.stampede;
  return withEmulator(undefined, ({ emulator, url: emulatorUrl }) =>
    withVariants(
      context.processes,
      SERVERS,
      { emulatorUrl },
      async (servers) => {
        const perServer = new Map<VariantId, StampedeRound[]>(
          SERVERS.map((id) => [id, []]),
        );
        for (let round = 0; round < rounds; round += 1) {
          // Alternate which server goes first, as in the A/B comparisons.
          const order = round % 2 === 0 ? SERVERS : [...SERVERS].reverse();
          for (const id of order) {
            const [token] = mintTokens(emulator, "id-card", 1);
            const burst = async (): Promise<BurstFigures> => {
              await pause(PAUSE_MS);
              const result = await context.load.run({
                kind: "requestBatch",
                url: servers.get(id)?.graphqlUrl ?? "",
                bodies: Array(clients).fill(requestBody(SMALL_QUERY, token)),
                concurrency: clients,
              });
              return figures(result, emulator.callsFor(token));
            };
            context.progress(`  round ${round + 1}: ${id}`);
            const fresh = await burst();
            const again = await burst();
            perServer.get(id)?.push({ fresh, again });
          }
        }
        return {
          clients,
          againAfterMs: PAUSE_MS,
          servers: Object.fromEntries(
            [...perServer].map(([id, result]) => [id, summarize(result)]),
          ),
        };
      },
    ),
  );
}

function figures(
  result: RequestBatchResult,
  upstreamCallsSoFar: number,
): BurstFigures {
  return {
    latencyMs: summarizeLatencies(
      result.requests.map((r) => r.finishedMs - r.startedMs),
    ),
    failures: result.requests.filter((r) => !r.ok).length,
    upstreamCallsSoFar,
  };
}

function summarize(rounds: StampedeRound[]): StampedeServerResult {
  return {
    rounds,
    maxUpstreamCallsPerToken: Math.max(
      ...rounds.map((round) => round.again.upstreamCallsSoFar),
    ),
    freshP50Ms: median(rounds.map((round) => round.fresh.latencyMs.p50)),
    freshP99Ms: median(rounds.map((round) => round.fresh.latencyMs.p99)),
    againP50Ms: median(rounds.map((round) => round.again.latencyMs.p50)),
    againP99Ms: median(rounds.map((round) => round.again.latencyMs.p99)),
    failures: rounds.reduce(
      (sum, round) => sum + round.fresh.failures + round.again.failures,
      0,
    ),
  };
}
