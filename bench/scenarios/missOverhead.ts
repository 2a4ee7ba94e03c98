import {
  EMULATOR_CREDENTIALS,
  mintTokens,
  withEmulator,
} from "../harness/emulator";
import { postJson } from "../harness/httpClient";
import { withVariants } from "../harness/variants";
import type { LatencySummary } from "../load/protocol";
import { SMALL_QUERY, requestBody } from "../queries";
import { summarizeLatencies } from "../report/statistics";
import type { BenchContext } from "./BenchContext";

export interface MissOverheadResult {
  /** The latency every upstream answer is held back by. */
  upstreamLatencyMs: number;
  pullsPerPath: number;
  /** A fresh token pulled through ours, over GraphQL. */
  graphql: LatencySummary & { failures: number };
  /** The same call made directly through the SDK gateway. */
  directSdk: LatencySummary & { failures: number };
  /** graphql minus directSdk, per quantile. */
  overheadMs: { p50: number; p99: number };
}

/**
 * Scenario 5: what a cache miss costs on top of the upstream call itself.
 * With the emulator answering after a fixed delay, one client pulls fresh
 * tokens through ours, then calls the SDK directly for as many more,
 * alternating in rounds. Both run from the load process, one at a time;
 * rounds stay under 20 pulls so that ours' rate limiter never holds a pull
 * back (that wait would be the budget's, not overhead).
 */
export function runMissOverhead(
  context: BenchContext,
): Promise<MissOverheadResult> {
  const { pullsPerRound, rounds, latencyMs } = context.settings.miss;
  return withEmulator(undefined, ({ emulator, url: emulatorUrl }) =>
    withVariants(
      context.processes,
      ["ours"],
      { emulatorUrl },
      async (servers) => {
        emulator.injectFault({ kind: "latency", latencyMs });
        const graphqlUrl = servers.get("ours")?.graphqlUrl ?? "";
        // Opens ours' upstream connection before anything is timed.
        const [warmUpToken] = mintTokens(emulator, "id-card", 1);
        await postJson(graphqlUrl, requestBody(SMALL_QUERY, warmUpToken));

        const viaGraphql: number[] = [];
        const direct: number[] = [];
        let graphqlFailures = 0;
        let directFailures = 0;
        for (let round = 0; round < rounds; round += 1) {
          context.progress(`  round ${round + 1}`);
          const batch = await context.load.run({
            kind: "requestBatch",
            url: graphqlUrl,
            bodies: mintTokens(emulator, "id-card", pullsPerRound).map(
              (token) => requestBody(SMALL_QUERY, token),
            ),
            concurrency: 1,
          });
          for (const request of batch.requests) {
            viaGraphql.push(request.finishedMs - request.startedMs);
            graphqlFailures += request.ok ? 0 : 1;
          }

          const [sdkWarmUp, ...tokens] = mintTokens(
            emulator,
            "id-card",
            pullsPerRound + 1,
          );
          const sdk = await context.load.run({
            kind: "sdkCalls",
            endpoint: emulatorUrl,
            credentials: EMULATOR_CREDENTIALS,
            warmUpToken: sdkWarmUp,
            tokens,
          });
          direct.push(...sdk.latenciesMs);
          directFailures += sdk.failures;
        }

        const graphql = summarizeLatencies(viaGraphql);
        const directSdk = summarizeLatencies(direct);
        return {
          upstreamLatencyMs: latencyMs,
          pullsPerPath: viaGraphql.length,
          graphql: { ...graphql, failures: graphqlFailures },
          directSdk: { ...directSdk, failures: directFailures },
          overheadMs: {
            p50: graphql.p50 - directSdk.p50,
            p99: graphql.p99 - directSdk.p99,
          },
        };
      },
    ),
  );
}
