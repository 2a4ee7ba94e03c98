/*
 * Every server the benchmarks can start, and how. All run as in
 * production (NODE_ENV=production): graphql-js and Apollo take their
 * production paths, and ours requires an API key, as it would when
 * deployed.
 */

/** The key ours accepts; every benchmark request carries it. */
const BENCH_API_KEY = "bench-key-not-a-secret-0001";

/** Headers every client of a benchmark sends; the naive servers ignore them. */
export const CLIENT_HEADERS: Readonly<Record<string, string>> = {
  "x-api-key": BENCH_API_KEY,
};

/**
 * Which program a variant runs; `oursAgainst` is ours built from another
 * checkout (`--against`), to compare two builds in the same rounds.
 */
export type Program = "ours" | "oursAgainst" | "naiveApollo" | "raw";

export interface VariantDefinition {
  description: string;
  program: Program;
  /** Preloads from dist/bench/variants, each measuring one change. */
  preloads?: string[];
  env?: Record<string, string>;
  /** Preload jemalloc in place of glibc's allocator (bench/harness/jemalloc). */
  allocator?: "jemalloc";
}

const OURS_ENV = {
  NODE_ENV: "production",
  API_KEYS: BENCH_API_KEY,
  AUDIT_SALT: "bench-audit-salt-not-a-secret",
  LOG_LEVEL: "info",
  // A short grace keeps the harness's stops quick.
  SHUTDOWN_GRACE_MS: "2000",
};

const NAIVE_ENV = { NODE_ENV: "production" };

export const VARIANTS = {
  raw: {
    description: "raw node:http, body pre-serialised (the ceiling)",
    program: "raw",
  },
  ours: {
    description: "ours, as deployed (production, API key, info logs)",
    program: "ours",
    env: OURS_ENV,
  },
  "ours-log-warn": {
    description: "ours at LOG_LEVEL=warn (no request or audit lines)",
    program: "ours",
    env: { ...OURS_ENV, LOG_LEVEL: "warn" },
  },
  "ours-jit": {
    description: "ours + graphql-jit as Apollo's executor",
    program: "ours",
    preloads: ["withGraphqlJit.js"],
    env: OURS_ENV,
  },
  "ours-no-answer-cache": {
    description: "ours with ANSWER_CACHE_MAX_BYTES=0 (Apollo every time)",
    program: "ours",
    env: { ...OURS_ENV, ANSWER_CACHE_MAX_BYTES: "0" },
  },
  "ours-jemalloc": {
    description: "ours under jemalloc, returning freed pages at once",
    program: "ours",
    env: OURS_ENV,
    allocator: "jemalloc",
  },
  "ours-against": {
    description: "ours, built from the --against checkout",
    program: "oursAgainst",
    env: OURS_ENV,
  },
  "apollo-standalone": {
    description: "stock Apollo standalone, type-graphql schema, Map",
    program: "naiveApollo",
    env: NAIVE_ENV,
  },
  "apollo-standalone-sdl": {
    description: "stock Apollo standalone, SDL schema, Map",
    program: "naiveApollo",
    env: { ...NAIVE_ENV, NAIVE_SCHEMA: "sdl" },
  },
  "apollo-standalone-jit": {
    description: "stock Apollo standalone + graphql-jit, Map",
    program: "naiveApollo",
    env: { ...NAIVE_ENV, NAIVE_EXECUTOR: "graphql-jit" },
  },
  "apollo-fastify": {
    description: "stock Apollo on Fastify (logger off), Map",
    program: "naiveApollo",
    env: { ...NAIVE_ENV, NAIVE_STACK: "fastify" },
  },
  "apollo-standalone-upstream": {
    description: "stock Apollo standalone, an SDK call per pull (no cache)",
    program: "naiveApollo",
    env: { ...NAIVE_ENV, NAIVE_SOURCE: "upstream" },
  },
} satisfies Record<string, VariantDefinition>;

export type VariantId = keyof typeof VARIANTS;
