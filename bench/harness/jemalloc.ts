import { existsSync } from "node:fs";

/*
 * jemalloc, preloaded in place of glibc's allocator, to see how much of
 * ours' resident memory is freed memory the allocator keeps. Optional:
 * Debian's libjemalloc2 puts it at one of these paths, and a run without
 * it skips what needs it.
 */

const CANDIDATE_PATHS = [
  "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
  "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2",
  "/usr/lib/libjemalloc.so.2",
];

/** Hand freed pages back to the system at once, not after a delay. */
const JEMALLOC_CONF = "dirty_decay_ms:0,muzzy_decay_ms:0";

/** Why a run could not use jemalloc. */
export const JEMALLOC_MISSING =
  "jemalloc is not installed (Debian: libjemalloc2)";

/** Where jemalloc is installed, or null. */
export function findJemalloc(): string | null {
  return CANDIDATE_PATHS.find((candidate) => existsSync(candidate)) ?? null;
}

/** The environment that runs a Node process under jemalloc. */
export function jemallocEnv(): Record<string, string> {
  const library = findJemalloc();
  if (library === null) {
    throw new Error(JEMALLOC_MISSING);
  }
  return { LD_PRELOAD: library, MALLOC_CONF: JEMALLOC_CONF };
}
