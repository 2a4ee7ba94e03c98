import type { ProfileResult } from "../profile/profileOurs";
import type { CacheHitResult } from "../scenarios/cacheHit";
import {
  type BenchResults,
  isFailure,
  type StepFailure,
  type StepName,
  type StepResults,
} from "./BenchResults";
import {
  kibibytes,
  milliseconds,
  percent,
  ratio,
  table,
  whole,
} from "./format";
import {
  budgetTable,
  memoryTable,
  missOverheadTable,
  stampedeTable,
} from "./upstreamTables";

const TITLES: Record<StepName, string> = {
  cacheHitSmall: "1. Cache hit, small query (no images), with what-ifs",
  cacheHitFull: "2. Cache hit, full document with images, with what-ifs",

  stampede: "3. Stampede: one fresh token, many clients at once",
  upstreamBudget: "4. Distinct fresh tokens at the upstream budget",
  missOverhead: "5. Miss-path overhead over a direct SDK call",
  memory: "6. Memory with the cache full of documents with images",
  memoryJemalloc: "6b. The same under jemalloc, returning freed pages at once",
  profileSmall: "Profile of ours, cache hit, small query",
  profileFull: "Profile of ours, cache hit, full document",
};

/** The whole run as Markdown: one section per step that ran. */
export function renderMarkdown(results: BenchResults): string {
  const { environment: env } = results;
  const sections = [
    `Command: \`${results.command}\` (${results.settings.mode} mode), ` +
      `${results.startedAt}. Node ${env.node}, ${env.cpus} × ${env.cpuModel}, ` +
      `load average ${env.loadAverageAtStart.toFixed(2)} at start; ` +
      `commit ${env.gitCommit.slice(0, 7)}` +
      (env.srcHasUncommittedChanges ? " plus uncommitted src/ changes" : "") +
      (env.againstCommit === undefined
        ? ""
        : `; \`ours-against\` built from ${env.againstCommit.slice(0, 7)}`) +
      ".",
  ];
  for (const name of Object.keys(TITLES) as StepName[]) {
    const section = renderSection(results, name);
    if (section !== null) {
      sections.push(`### ${TITLES[name]}\n\n${section}`);
    }
  }
  return `${sections.join("\n\n")}\n`;
}

function renderSection<S extends StepName>(
  results: BenchResults,
  name: S,
): string | null {
  const result: StepResults[S] | StepFailure | undefined = results.steps[name];
  if (result === undefined) {
    return null;
  }
  return isFailure(result)
    ? `Failed: ${result.error}`
    : renderStep(name, result);
}

/** How each step's result is shown. */
const RENDERERS: { [S in StepName]: (result: StepResults[S]) => string } = {
  cacheHitSmall: cacheHitTable,
  cacheHitFull: cacheHitTable,

  stampede: stampedeTable,
  upstreamBudget: budgetTable,
  missOverhead: missOverheadTable,
  memory: memoryTable,
  memoryJemalloc: (result) =>
    "skipped" in result ? `Not run: ${result.skipped}.` : memoryTable(result),
  profileSmall: profileTables,
  profileFull: profileTables,
};

function renderStep<S extends StepName>(
  name: S,
  result: StepResults[S],
): string {
  const render: (result: StepResults[S]) => string = RENDERERS[name];
  return render(result);
}

function cacheHitTable(result: CacheHitResult): string {
  const baseline = `\`${result.baseline}\``;
  const hasPairs = Object.keys(result.paired).length > 0;
  const rows = Object.keys(result.servers).map((name) => {
    const relative = result.relative[name];
    const absolute = result.absolute[name];
    const pair = result.paired[name];
    return [
      `\`${name}\`: ${result.servers[name]}`,
      ratio(relative.requestsPerSecond),
      ratio(relative.p50),
      ratio(relative.p99),
      ...(hasPairs
        ? [
            pair === undefined
              ? ""
              : `${ratio(pair.requestsPerSecond)} of \`${pair.reference}\``,
          ]
        : []),
      whole(absolute.requestsPerSecond),
      milliseconds(absolute.p50Ms),
      milliseconds(absolute.p99Ms),
      String(absolute.failures),
    ];
  });
  return [
    `Answer ${kibibytes(result.responseBytes)}, ${result.rounds.length} ` +
      `rounds. Ratios are to ${baseline} in the same round, median (range ` +
      "over rounds); the absolute figures, medians, are for context only.",
    "",
    table(
      [
        "server",
        `req/s vs ${baseline}`,
        "p50 ratio",
        "p99 ratio",
        ...(hasPairs ? ["req/s vs what it changes"] : []),
        "req/s",
        "p50 ms",
        "p99 ms",
        "failed",
      ],
      rows,
    ),
  ].join("\n");
}

function profileTables(result: ProfileResult): string {
  return [
    `${whole(result.requestsPerSecond)} req/s while profiled; ` +
      `${whole(result.busyMs)} ms of busy CPU sampled. By package, self ` +
      "time and inclusive time (the package anywhere on the stack):",
    "",
    table(
      ["package", "self", "inclusive"],
      result.byPackage.map((entry) => [
        entry.package,
        percent(entry.selfShare),
        percent(entry.inclusiveShare),
      ]),
    ),
    "",
    "Functions by self time:",
    "",
    table(
      ["function", "self ms", "share"],
      result.topFunctions.map((entry) => [
        `\`${entry.function}\``,
        whole(entry.selfMs),
        percent(entry.selfShare),
      ]),
    ),
  ].join("\n");
}
