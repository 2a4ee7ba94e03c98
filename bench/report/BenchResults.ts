import type { ProfileResult } from "../profile/profileOurs";
import type { CacheHitResult } from "../scenarios/cacheHit";
import type { MemoryResult } from "../scenarios/memory";
import type { MissOverheadResult } from "../scenarios/missOverhead";
import type { StampedeResult } from "../scenarios/stampede";
import type { UpstreamBudgetResult } from "../scenarios/upstreamBudget";
import type { BenchSettings } from "../settings";

/** A step that threw: the run goes on, and the error is kept. */
export interface StepFailure {
  error: string;
}

/** A step that could not run on this machine, and why. */
export interface StepSkipped {
  skipped: string;
}

/** What each step of a run produces. */
export interface StepResults {
  cacheHitSmall: CacheHitResult;
  cacheHitFull: CacheHitResult;
  stampede: StampedeResult;
  upstreamBudget: UpstreamBudgetResult;
  missOverhead: MissOverheadResult;
  memory: MemoryResult;
  memoryJemalloc: MemoryResult | StepSkipped;
  profileSmall: ProfileResult;
  profileFull: ProfileResult;
}

export type StepName = keyof StepResults;

/** The JSON file one run writes into bench/results/. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  /** The command line, to run the same again. */
  command: string;
  settings: BenchSettings;
  environment: {
    node: string;
    cpus: number;
    cpuModel: string;
    /** 1-minute load average when the run started: how busy the box was. */
    loadAverageAtStart: number;
    gitCommit: string;
    /** Uncommitted changes under src/ were measured too. */
    srcHasUncommittedChanges: boolean;
    /** The commit `ours-against` was built from, when it ran. */
    againstCommit?: string;
  };
  steps: { [S in StepName]?: StepResults[S] | StepFailure };
  /** How long each step took, start-ups included. */
  stepSeconds: { [S in StepName]?: number };
}

export function isFailure(value: object): value is StepFailure {
  return "error" in value;
}
