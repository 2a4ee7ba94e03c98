import { SAMPLE_TOKENS } from "../src/emulator";
import { profileOurs } from "./profile/profileOurs";
import { FULL_QUERY, SMALL_QUERY } from "./queries";
import type { StepName, StepResults } from "./report/BenchResults";
import type { BenchContext } from "./scenarios/BenchContext";
import { runCacheHit } from "./scenarios/cacheHit";
import { runMemory } from "./scenarios/memory";
import { runMissOverhead } from "./scenarios/missOverhead";
import { runStampede } from "./scenarios/stampede";
import { runUpstreamBudget } from "./scenarios/upstreamBudget";

const ID_CARD = sampleToken("id-card");
const FULL_DOCUMENT = sampleToken("full-document");

/**
 * Proposed changes to ours, each measured on the unchanged server through
 * a preload (see bench/variants), side by side with ours itself.
 */
const WHAT_IFS_ON_OURS = [
  "ours-no-request-log",
  "ours-log-warn",
  "ours-key-set-redaction",
  "ours-no-cache-control",
  "ours-jit",
] as const;

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
        "apollo-standalone",
        ...WHAT_IFS_ON_OURS,
        "ours-response-cache",
        "apollo-standalone-sdl",
        "apollo-standalone-jit",
        "apollo-fastify",
      ],
      baseline: "raw",
      references: {
        "ours-no-request-log": "ours",
        "ours-log-warn": "ours",
        "ours-key-set-redaction": "ours",
        "ours-no-cache-control": "ours",
        "ours-jit": "ours",
        "ours-response-cache": "ours",
        "apollo-standalone": "ours",
        "apollo-standalone-sdl": "apollo-standalone",
        "apollo-standalone-jit": "apollo-standalone",
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
        "apollo-standalone",
        "ours-buffer-payload",
        "ours-jit",
        "ours-response-cache",
      ],
      baseline: "raw",
      references: {
        "ours-buffer-payload": "ours",
        "ours-jit": "ours",
        "ours-response-cache": "ours",
        "apollo-standalone": "ours",
      },
    }),
  stampede: runStampede,
  upstreamBudget: runUpstreamBudget,
  missOverhead: runMissOverhead,
  memory: runMemory,
  profileSmall: (context) =>
    profileOurs(context, "small", SMALL_QUERY, ID_CARD),
  profileFull: (context) =>
    profileOurs(context, "full", FULL_QUERY, FULL_DOCUMENT),
};

function sampleToken(fixture: string): string {
  const sample = SAMPLE_TOKENS.find((entry) => entry.fixture === fixture);
  if (sample === undefined) {
    throw new Error(`The emulator has no sample token for ${fixture}.`);
  }
  return sample.token;
}
