import { SAMPLE_TOKENS } from "../src/emulator";
import { findJemalloc, JEMALLOC_MISSING } from "./harness/jemalloc";
import { profileOurs } from "./profile/profileOurs";
import { FULL_QUERY, SMALL_QUERY } from "./queries";
import type { StepName, StepResults } from "./report/BenchResults";
import type { BenchContext } from "./scenarios/BenchContext";
import type { VariantId } from "./harness/variants";
import { runCacheHit } from "./scenarios/cacheHit";
import { runMemory } from "./scenarios/memory";
import { runMissOverhead } from "./scenarios/missOverhead";
import { runStampede } from "./scenarios/stampede";
import { runUpstreamBudget } from "./scenarios/upstreamBudget";

const ID_CARD = sampleToken("id-card");
const FULL_DOCUMENT = sampleToken("full-document");

/**
 * What-ifs on ours in both cache-hit steps, each against ours itself in
 * the same rounds: ours with a setting changed, or the unchanged server
 * with a preload (see bench/variants) that makes one proposed change. The
 * fixes measured here before (key-set redaction, one access line, no
 * cache-control plugin, Buffer answers, the answer cache) are part of ours.
 */
const OURS_WHAT_IFS: Partial<Record<VariantId, VariantId>> = {
  "ours-against": "ours",
  "apollo-standalone": "ours",
  "ours-jit": "ours",
  "ours-no-answer-cache": "ours",
};

/** What each step of a run does, in the order a run takes them. */
export const STEPS: {
  [S in StepName]: (context: BenchContext) => Promise<StepResults[S]>;
} = {
  cacheHitSmall: (context) =>
    runCacheHit(context, {
      name: "cacheHitSmall",
      query: SMALL_QUERY,
      token: ID_CARD,
      variants: [
        "ours",
        ...againstIfAsked(context),
        "apollo-standalone",
        "ours-log-warn",
        ...jemallocIfInstalled(),
        "ours-jit",
        "ours-no-answer-cache",
        "apollo-standalone-sdl",
        "apollo-fastify",
      ],
      baseline: "raw",
      references: {
        ...OURS_WHAT_IFS,
        "ours-log-warn": "ours",
        "ours-jemalloc": "ours",
        "apollo-standalone-sdl": "apollo-standalone",
        "apollo-fastify": "apollo-standalone",
      },
    }),
  cacheHitFull: (context) =>
    runCacheHit(context, {
      name: "cacheHitFull",
      query: FULL_QUERY,
      token: FULL_DOCUMENT,
      variants: [
        "ours",
        ...againstIfAsked(context),
        "apollo-standalone",
        "ours-jit",
        "ours-no-answer-cache",
      ],
      baseline: "raw",
      references: OURS_WHAT_IFS,
    }),
  stampede: runStampede,
  upstreamBudget: runUpstreamBudget,
  missOverhead: runMissOverhead,
  memory: (context) => runMemory(context, "ours"),
  memoryJemalloc: (context) =>
    findJemalloc() === null
      ? Promise.resolve({ skipped: JEMALLOC_MISSING })
      : runMemory(context, "ours-jemalloc"),
  profileSmall: (context) =>
    profileOurs(context, "small", SMALL_QUERY, ID_CARD),
  profileFull: (context) =>
    profileOurs(context, "full", FULL_QUERY, FULL_DOCUMENT),
};

/** The other build, beside ours, when the run was given one. */
function againstIfAsked(context: BenchContext): VariantId[] {
  return context.againstMain === null ? [] : ["ours-against"];
}

/** Ours under jemalloc, where the machine has it. */
function jemallocIfInstalled(): VariantId[] {
  return findJemalloc() === null ? [] : ["ours-jemalloc"];
}

function sampleToken(fixture: string): string {
  const sample = SAMPLE_TOKENS.find((entry) => entry.fixture === fixture);
  if (sample === undefined) {
    throw new Error(`The emulator has no sample token for ${fixture}.`);
  }
  return sample.token;
}
