import type { ClosedLoopResult } from "../load/protocol";
import { median, type RatioSpread, spreadOf } from "../report/statistics";
import type { BenchContext } from "./BenchContext";

/** One server's figures relative to the baseline's in the same round. */
export interface RelativeFigures {
  requestsPerSecond: RatioSpread;
  p50: RatioSpread;
  p99: RatioSpread;
}

/** Medians across rounds, in absolute units, for context only. */
export interface AbsoluteFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

/** One server against the one it changes, round by round. */
export interface PairedFigures {
  reference: string;
  /** This server's req/s over its reference's, per round. */
  requestsPerSecond: RatioSpread;
}

export interface AbComparison {
  baseline: string;
  /** Each round's results, by server. */
  rounds: Array<Record<string, ClosedLoopResult>>;
  relative: Record<string, RelativeFigures>;
  absolute: Record<string, AbsoluteFigures>;
  /** Only for servers given a reference. */
  paired: Record<string, PairedFigures>;
}

/** A server to load: its name and where to send requests. */
export interface LoadTarget {
  name: string;
  url: string;
}

/**
 * Runs every target in turn, round after round, the order rotating each
 * round (A B C, B C A, …) so that no server always runs first or right
 * after the heaviest one. Each target's figures are divided by the
 * baseline's of the same round, seconds apart, and the median ratio over
 * rounds is kept: on a shared, noisy machine the ratio holds still where
 * absolute figures drift. `references` adds the same for chosen pairs,
 * such as a proposed change against the server it changes.
 */
export async function compareInRounds(
  context: BenchContext,
  targets: LoadTarget[],
  baseline: string,
  body: string,
  references: Readonly<Record<string, string>> = {},
): Promise<AbComparison> {
  const { settings } = context;
  const turn = (target: LoadTarget, durationSeconds: number) =>
    context.load.run({
      kind: "closedLoop",
      url: target.url,
      body,
      connections: settings.connections,
      durationSeconds,
    });

  for (const target of targets) {
    await turn(target, settings.warmUpSeconds);
  }
  const rounds: Array<Record<string, ClosedLoopResult>> = [];
  for (let round = 0; round < settings.rounds; round += 1) {
    const results: Record<string, ClosedLoopResult> = {};
    for (const target of rotate(targets, round)) {
      context.progress(`  round ${round + 1}: ${target.name}`);
      results[target.name] = await turn(target, settings.roundSeconds);
    }
    rounds.push(results);
  }

  const names = targets.map((target) => target.name);
  return {
    baseline,
    rounds,
    relative: Object.fromEntries(
      names.map((name) => [name, relativeFigures(rounds, name, baseline)]),
    ),
    absolute: Object.fromEntries(
      names.map((name) => [name, absoluteFigures(rounds, name)]),
    ),
    paired: Object.fromEntries(
      Object.entries(references).map(([name, reference]) => [
        name,
        {
          reference,
          requestsPerSecond: ratiosAcrossRounds(
            rounds,
            name,
            reference,
            (result) => result.requestsPerSecond,
          ),
        },
      ]),
    ),
  };
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function relativeFigures(
  rounds: Array<Record<string, ClosedLoopResult>>,
  name: string,
  baseline: string,
): RelativeFigures {
  const ratios = (pick: (result: ClosedLoopResult) => number) =>
    spreadOf(rounds.map((round) => pick(round[name]) / pick(round[baseline])));
  return {
    requestsPerSecond: ratios((result) => result.requestsPerSecond),
    p50: ratios((result) => result.latencyMs.p50),
    p99: ratios((result) => result.latencyMs.p99),
  };
}

/** `name`'s figure over `reference`'s in each round, as a spread. */
function ratiosAcrossRounds(
  rounds: Array<Record<string, ClosedLoopResult>>,
  name: string,
  reference: string,
  pick: (result: ClosedLoopResult) => number,
): RatioSpread {
  return spreadOf(
    rounds.map((round) => pick(round[name]) / pick(round[reference])),
  );
}

function absoluteFigures(
  rounds: Array<Record<string, ClosedLoopResult>>,
  name: string,
): AbsoluteFigures {
  const results = rounds.map((round) => round[name]);
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50Ms: median(results.map((r) => r.latencyMs.p50)),
    p99Ms: median(results.map((r) => r.latencyMs.p99)),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  };
}
