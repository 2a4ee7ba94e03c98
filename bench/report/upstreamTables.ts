import type { MemoryResult } from "../scenarios/memory";
import type { MissOverheadResult } from "../scenarios/missOverhead";
import type { StampedeResult } from "../scenarios/stampede";
import type { UpstreamBudgetResult } from "../scenarios/upstreamBudget";
import { mebibytes, milliseconds, percent, table, whole } from "./format";

export function stampedeTable(result: StampedeResult): string {
  const rows = Object.entries(result.servers).map(([name, server]) => [
    `\`${name}\``,
    String(server.maxUpstreamCallsPerToken),
    `${milliseconds(server.freshP50Ms)} / ${milliseconds(server.freshP99Ms)}`,
    `${milliseconds(server.againP50Ms)} / ${milliseconds(server.againP99Ms)}`,
    String(server.failures),
  ]);
  return [
    `${result.clients} clients at once on a fresh token, then again ` +
      `${result.againAfterMs} ms later; upstream calls counted by the ` +
      "emulator for both bursts together (most over rounds), latencies " +
      "median over rounds.",
    "",
    table(
      [
        "server",
        "upstream calls per token",
        "fresh p50 / p99 ms",
        "again p50 / p99 ms",
        "failed pulls",
      ],
      rows,
    ),
  ].join("\n");
}

export function budgetTable(result: UpstreamBudgetResult): string {
  const rows = Object.entries(result.servers).map(([name, server]) => [
    `\`${name}\``,
    `${server.succeeded} / ${server.tokens}`,
    String(server.upstreamRequests),
    String(server.busiestSecond),
    String(server.upstreamRejections),
    server.elapsedSeconds.toFixed(2),
    percent(server.sustainedShareOfBudget),
    percent(server.naiveShareOfBudget),
  ]);
  return [
    `Budget ${result.budgetPerSecond}/s, ${result.clients} clients. ` +
      "Sustained share: the fewest seconds the budget allows between the " +
      "first and last upstream starts, ceil(tokens / budget) − 1, over the " +
      "seconds between the first and last answers. Naive share: tokens / " +
      "elapsed / budget, which even a perfect limiter pushes above 100% " +
      "(the first second's burst comes free).",
    "",
    table(
      [
        "server",
        "pulled",
        "upstream requests",
        "busiest second",
        "upstream rejections",
        "elapsed s",
        "sustained share",
        "naive share",
      ],
      rows,
    ),
  ].join("\n");
}

export function missOverheadTable(result: MissOverheadResult): string {
  const row = (
    name: string,
    figures: { p50: number; p99: number },
    failures: string,
  ) => [name, milliseconds(figures.p50), milliseconds(figures.p99), failures];
  return [
    `Emulator latency ${result.upstreamLatencyMs} ms, one client, ` +
      `${result.pullsPerPath} fresh tokens per path.`,
    "",
    table(
      ["path", "p50 ms", "p99 ms", "failed"],
      [
        row(
          "pull through ours (GraphQL)",
          result.graphql,
          String(result.graphql.failures),
        ),
        row(
          "direct SDK call",
          result.directSdk,
          String(result.directSdk.failures),
        ),
        row("**overhead**", result.overheadMs, ""),
      ],
    ),
  ].join("\n");
}

export function memoryTable(result: MemoryResult): string {
  const rows = result.snapshots.map((snapshot) => [
    whole(snapshot.documentsPulled),
    mebibytes(snapshot.residentBeforeGcBytes),
    mebibytes(snapshot.residentBytes),
    mebibytes(snapshot.heapUsedBytes),
    mebibytes(snapshot.heapTotalBytes),
    mebibytes(snapshot.externalBytes),
    mebibytes(snapshot.cacheBytes),
    mebibytes(snapshot.answerCacheBytes),
  ]);
  return [
    `${whole(result.documents)} documents with images pulled through ` +
      `\`${result.variant}\` ` +
      `with CACHE_MAX_BYTES at ${mebibytes(result.cacheMaxBytes)} and ` +
      `ANSWER_CACHE_MAX_BYTES at ${mebibytes(result.answerCacheMaxBytes)}: ` +
      `${result.cacheEvictions} evictions, ${result.failures} failed pulls. ` +
      "Growth from the first to the last snapshot, after full GCs: heap " +
      `${result.heapGrowthOverBound.toFixed(2)}x the two bounds, RSS ` +
      `${result.residentGrowthOverBound.toFixed(2)}x.`,
    "",
    table(
      [
        "documents pulled",
        "RSS before GC",
        "RSS after GC",
        "heap used after GC",
        "heap reserved",
        "external",
        "documents (estimate)",
        "answers (estimate)",
      ],
      rows,
    ),
  ].join("\n");
}
