import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { parseArguments } from "./arguments";
import { ProcessGroup } from "./harness/processes";
import { CLIENT_HEADERS } from "./harness/variantCatalog";
import { LoadClient } from "./load/LoadClient";
import type {
  BenchResults,
  StepName,
  StepResults,
} from "./report/BenchResults";
import { renderMarkdown } from "./report/markdown";
import type { BenchContext } from "./scenarios/BenchContext";
import { STEPS } from "./steps";

/*
 * `npm run bench [-- --quick] [--only=a,b] [--results-dir=DIR]`: every
 * scenario in turn, then a JSON file of results and a Markdown report.
 */

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const runDirectory = path.join(options.resultsDirectory, stamp);
  mkdirSync(runDirectory, { recursive: true });

  const processes = new ProcessGroup();
  stopOnSignals(processes);
  const context: BenchContext = {
    settings: options.settings,
    processes,
    load: LoadClient.start(processes, CLIENT_HEADERS),
    runDirectory,
    againstMain: options.againstMain,
    progress: (line) => process.stderr.write(`${line}\n`),
  };

  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: "",
    command:
      options.argumentsText === ""
        ? "npm run bench"
        : `npm run bench --${options.argumentsText}`,
    settings: options.settings,
    environment: describeEnvironment(options.againstMain),
    steps: {},
    stepSeconds: {},
  };
  try {
    for (const name of options.steps) {
      context.progress(`${name}…`);
      await runStep(name, context, results);
    }
  } finally {
    await processes.stopAll();
  }
  results.finishedAt = new Date().toISOString();

  // Made again: a long run's folder may have been cleaned up meanwhile.
  mkdirSync(options.resultsDirectory, { recursive: true });
  const file = path.join(options.resultsDirectory, `${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(renderMarkdown(results));
  context.progress(`results: ${file}`);
  const failed = Object.values(results.steps).some((step) => "error" in step);
  process.exitCode = failed ? 1 : 0;
}

/** Runs one step, keeping its error instead of ending the run. */
async function runStep<S extends StepName>(
  name: S,
  context: BenchContext,
  results: BenchResults,
): Promise<void> {
  const run: (context: BenchContext) => Promise<StepResults[S]> = STEPS[name];
  const startedMs = performance.now();
  try {
    results.steps[name] = await run(context);
  } catch (error) {
    context.progress(`${name} failed: ${String(error)}`);
    results.steps[name] = { error: String(error) };
  }
  results.stepSeconds[name] = (performance.now() - startedMs) / 1000;
}

function stopOnSignals(processes: ProcessGroup): void {
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`${signal}: stopping every child\n`);
    void processes.stopAll().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function describeEnvironment(
  againstMain: string | null,
): BenchResults["environment"] {
  const git = (...args: string[]) =>
    execFileSync("git", args, { encoding: "utf8" }).trim();
  let againstCommit: string | undefined;
  if (againstMain !== null) {
    // dist/src/main.js is three folders below the checkout.
    const checkout = path.resolve(againstMain, "..", "..", "..");
    try {
      againstCommit = git("-C", checkout, "rev-parse", "HEAD");
    } catch {
      againstCommit = "unknown";
    }
  }
  let gitCommit = "unknown";
  let srcHasUncommittedChanges = false;
  try {
    gitCommit = git("rev-parse", "HEAD");
    srcHasUncommittedChanges = git("status", "--porcelain", "--", "src") !== "";
  } catch {
    // Not a git checkout: the figures stand, their provenance is unknown.
  }
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    loadAverageAtStart: os.loadavg()[0],
    gitCommit,
    srcHasUncommittedChanges,
    ...(againstCommit === undefined ? {} : { againstCommit }),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String(error)}\n`);
  process.exit(1);
});
