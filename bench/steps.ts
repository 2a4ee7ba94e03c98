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

/** What each step of a run does, in the order a run takes them. */
export const STEPS: {
  [S in StepName]: (context: BenchContext) => Promise<StepResults[S]>;
} = {
  cacheHitSmall: (context) =>
    runCacheHit(context, {
      name: "cacheHitSmall",
      query: SMALL_QUERY,
      token: ID_CARD,
      variants: ["ours", "apollo-standalone"],
      baseline: "raw",
    }),
  cacheHitFull: (context) =>
    runCacheHit(context, {
      name: "cacheHitFull",
      query: FULL_QUERY,
      token: FULL_DOCUMENT,
      variants: ["ours", "apollo-standalone"],
      baseline: "raw",
    }),
  whatIfSmall: (context) =>
    runCacheHit(context, {
      name: "whatIfSmall",
      query: SMALL_QUERY,
      token: ID_CARD,
      variants: [
        "ours",
        "ours-no-request-log",
        "ours-log-warn",
        "ours-jit",
        "apollo-standalone",
        "apollo-standalone-sdl",
        "apollo-standalone-jit",
        "apollo-fastify",
      ],
      baseline: "ours",
      references: {
        "ours-no-request-log": "ours",
        "ours-log-warn": "ours",
        "ours-jit": "ours",
        "apollo-standalone-sdl": "apollo-standalone",
        "apollo-standalone-jit": "apollo-standalone",
        "apollo-fastify": "apollo-standalone",
      },
    }),
  whatIfFull: (context) =>
    runCacheHit(context, {
      name: "whatIfFull",
      query: FULL_QUERY,
      token: FULL_DOCUMENT,
      variants: [
        "ours",
        "ours-buffer-payload",
        "ours-jit",
        "apollo-standalone",
      ],
      baseline: "ours",
      references: { "ours-buffer-payload": "ours", "ours-jit": "ours" },
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
