import path from "node:path";

import { EMULATOR_CREDENTIALS } from "./emulator";
import { jemallocEnv } from "./jemalloc";
import { freePort, LOOPBACK, waitUntilAnswering } from "./network";
import type { ManagedChild, ProcessGroup } from "./processes";
import {
  type Program,
  type VariantDefinition,
  type VariantId,
  VARIANTS,
} from "./variantCatalog";

export type { VariantId };

/** The compiled tree: dist/, holding src/ and bench/. */
const DIST = path.join(__dirname, "..", "..");
const VARIANT_SCRIPTS = path.join(DIST, "bench", "variants");
const PROGRAMS: Record<Exclude<Program, "oursAgainst">, string> = {
  ours: path.join(DIST, "src", "main.js"),
  naiveApollo: path.join(VARIANT_SCRIPTS, "naiveApolloServer.js"),
  raw: path.join(VARIANT_SCRIPTS, "rawServer.js"),
};

export interface VariantOptions {
  emulatorUrl: string;
  /** Tokens a Map-backed naive server pulls once at start-up. */
  warmTokens?: string[];
  /** The body the raw server answers with. */
  rawBodyFile?: string;
  /** More environment, such as CACHE_MAX_BYTES for ours. */
  env?: Record<string, string>;
  /** Options for node, such as the control preload's. */
  nodeArgs?: string[];
  /** The other build's entry point, for `ours-against`. */
  againstMain?: string | null;
}

/** A server under test, listening on loopback. */
export interface RunningVariant {
  id: VariantId;
  /** Where to POST GraphQL requests. */
  graphqlUrl: string;
  /** Its base URL, for /metrics on ours. */
  baseUrl: string;
  child: ManagedChild;
}

/** What a variant is, for reports. */
export function describeVariant(id: VariantId): string {
  return VARIANTS[id].description;
}

/** Starts one variant as a child process and waits until it answers. */
export async function startVariant(
  processes: ProcessGroup,
  id: VariantId,
  options: VariantOptions,
): Promise<RunningVariant> {
  const definition: VariantDefinition = VARIANTS[id];
  const port = await freePort();
  const baseUrl = `http://${LOOPBACK}:${port}`;
  const preloads = (definition.preloads ?? []).flatMap((script) => [
    "-r",
    path.join(VARIANT_SCRIPTS, script),
  ]);
  const child = processes.start({
    name: id,
    script: programScript(definition.program, options),
    nodeArgs: [...preloads, ...(options.nodeArgs ?? [])],
    env: {
      HOST: LOOPBACK,
      PORT: String(port),
      FACEID_ENDPOINT: options.emulatorUrl,
      TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
      TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey,
      NAIVE_WARM_TOKENS: (options.warmTokens ?? []).join(","),
      RAW_BODY_FILE: options.rawBodyFile ?? "",
      ...definition.env,
      ...(definition.allocator === "jemalloc" ? jemallocEnv() : {}),
      ...options.env,
    },
  });
  const variant = { id, graphqlUrl: `${baseUrl}/graphql`, baseUrl, child };
  await waitUntilAnswering(
    definition.program === "ours" || definition.program === "oursAgainst"
      ? `${baseUrl}/healthz`
      : variant.graphqlUrl,
    child,
  );
  return variant;
}

/**
 * Starts `ids` side by side, runs `use`, and stops every one that started,
 * whatever happens. Idle servers cost nothing while another is loaded, and
 * keeping them up keeps their JIT warm between rounds.
 */
export async function withVariants<T>(
  processes: ProcessGroup,
  ids: readonly VariantId[],
  options: VariantOptions,
  use: (variants: Map<VariantId, RunningVariant>) => Promise<T>,
): Promise<T> {
  const started = await Promise.allSettled(
    ids.map((id) => startVariant(processes, id, options)),
  );
  const running = new Map<VariantId, RunningVariant>();
  for (const outcome of started) {
    if (outcome.status === "fulfilled") {
      running.set(outcome.value.id, outcome.value);
    }
  }
  try {
    const failed = started.find((outcome) => outcome.status === "rejected");
    if (failed !== undefined) {
      throw failed.reason;
    }
    return await use(running);
  } finally {
    await Promise.all([...running.values()].map(({ child }) => child.stop()));
  }
}

function programScript(program: Program, options: VariantOptions): string {
  if (program !== "oursAgainst") {
    return PROGRAMS[program];
  }
  if (!options.againstMain) {
    throw new Error("ours-against needs another build: pass --against");
  }
  return options.againstMain;
}
