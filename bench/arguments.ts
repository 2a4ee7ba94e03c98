import { existsSync } from "node:fs";
import path from "node:path";

import type { StepName } from "./report/BenchResults";
import { type BenchSettings, FULL_SETTINGS, QUICK_SETTINGS } from "./settings";
import { STEPS } from "./steps";

export interface BenchArguments {
  settings: BenchSettings;
  /** The steps to run, in run order. */
  steps: StepName[];
  /** Where the JSON file and the run's scratch folder go. */
  resultsDirectory: string;
  /**
   * Another build's server entry point (`dist/src/main.js` of a built
   * checkout), run as `ours-against` beside ours in the cache-hit steps;
   * null when not asked for.
   */
  againstMain: string | null;
  /** The arguments as given, for the report's command line. */
  argumentsText: string;
}

/** Every step, in the order a run takes them. */
const ALL_STEPS = Object.keys(STEPS) as StepName[];

/** bench/results beside the sources, from dist/bench where this runs. */
const DEFAULT_RESULTS_DIRECTORY = path.join(
  __dirname,
  "..",
  "..",
  "bench",
  "results",
);

const USAGE =
  "usage: npm run bench -- [--quick] [--only=step,step] [--results-dir=DIR]" +
  " [--against=CHECKOUT]\n" +
  `steps: ${ALL_STEPS.join(", ")}`;

/** Reads the command line; unknown arguments are an error, not ignored. */
export function parseArguments(argv: readonly string[]): BenchArguments {
  let settings = FULL_SETTINGS;
  let steps = ALL_STEPS;
  let resultsDirectory = DEFAULT_RESULTS_DIRECTORY;
  let againstMain: string | null = null;

  for (const argument of argv) {
    const [flag, value] = splitFlag(argument);
    if (flag === "--quick" && value === undefined) {
      settings = QUICK_SETTINGS;
    } else if (flag === "--only" && value !== undefined) {
      steps = parseSteps(value);
    } else if (flag === "--results-dir" && value !== undefined) {
      resultsDirectory = path.resolve(value);
    } else if (flag === "--against" && value !== undefined) {
      againstMain = builtEntryPoint(value);
    } else {
      throw new Error(`unknown argument ${argument}\n${USAGE}`);
    }
  }
  return {
    settings,
    steps,
    resultsDirectory,
    againstMain,
    argumentsText: argv.map((argument) => ` ${argument}`).join(""),
  };
}

function splitFlag(argument: string): [string, string | undefined] {
  const equals = argument.indexOf("=");
  return equals === -1
    ? [argument, undefined]
    : [argument.slice(0, equals), argument.slice(equals + 1)];
}

function parseSteps(list: string): StepName[] {
  const wanted = list.split(",");
  for (const name of wanted) {
    if (!ALL_STEPS.some((step) => step === name)) {
      throw new Error(`unknown step ${name}\n${USAGE}`);
    }
  }
  return ALL_STEPS.filter((step) => wanted.includes(step));
}

/** A checkout's built server, which must exist: a typo is not a run. */
function builtEntryPoint(checkout: string): string {
  const entry = path.resolve(checkout, "dist", "src", "main.js");
  if (!existsSync(entry)) {
    throw new Error(`--against: ${entry} is missing; run npm run build there`);
  }
  return entry;
}
