import { writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

import { withEmulator } from "../harness/emulator";
import { postJson } from "../harness/httpClient";
import {
  describeVariant,
  type RunningVariant,
  type VariantId,
  withVariants,
} from "../harness/variants";
import { requestBody } from "../queries";
import { type AbComparison, compareInRounds } from "./abRounds";
import type { BenchContext } from "./BenchContext";

export interface CacheHitOptions {
  /** A file-name-safe name, such as `cacheHitSmall`. */
  name: string;
  query: string;
  /** A sample token: it never expires, so every server can pull it. */
  token: string;
  /** The servers to compare; `ours` must be one, as its answer is the model. */
  variants: VariantId[];
  /**
   * Every ratio's denominator: `raw` (then started here, answering with
   * ours' answer) or one of `variants`.
   */
  baseline: VariantId;
  /** Pairs also compared round by round: a server and what it changes. */
  references?: Partial<Record<VariantId, VariantId>>;
}

export interface CacheHitResult extends AbComparison {
  token: string;
  responseBytes: number;
  /** Each server's answer against ours: same bytes, or same JSON. */
  answers: Record<string, "identical" | "equivalent JSON">;
  /** What each compared server is. */
  servers: Record<string, string>;
}

/**
 * Scenarios 1 and 2, and the what-if comparisons: one token, already in
 * ours' cache (or in a naive server's Map), pulled by closed-loop clients.
 * Every server must answer with the same bytes (or the same JSON) as ours.
 */
export function runCacheHit(
  context: BenchContext,
  options: CacheHitOptions,
): Promise<CacheHitResult> {
  return withEmulator(undefined, ({ url: emulatorUrl }) =>
    withVariants(
      context.processes,
      options.variants,
      {
        emulatorUrl,
        warmTokens: [options.token],
        againstMain: context.againstMain,
      },
      async (servers) => {
        const body = requestBody(options.query, options.token);
        const reference = await referenceAnswer(servers, body);
        const compare = async (all: Map<VariantId, RunningVariant>) => ({
          ...(await compareAll(context, options, all, body, reference)),
          responseBytes: Buffer.byteLength(reference),
        });
        if (options.baseline !== "raw") {
          return compare(servers);
        }

        const rawBodyFile = path.join(
          context.runDirectory,
          `${options.name}-answer.json`,
        );
        writeFileSync(rawBodyFile, reference);
        return withVariants(
          context.processes,
          ["raw"],
          { emulatorUrl, rawBodyFile },
          (raw) => compare(new Map([...raw, ...servers])),
        );
      },
    ),
  );
}

async function compareAll(
  context: BenchContext,
  options: CacheHitOptions,
  servers: Map<VariantId, RunningVariant>,
  body: string,
  reference: string,
): Promise<Omit<CacheHitResult, "responseBytes">> {
  const answers = await checkAnswers(servers, body, reference);
  const targets = [...servers.values()].map((server) => ({
    name: server.id,
    url: server.graphqlUrl,
  }));
  // Only pairs that both run: `ours-against` runs only when asked for.
  const references = Object.fromEntries(
    Object.entries(options.references ?? {}).filter(
      (entry): entry is [VariantId, VariantId] =>
        entry[1] !== undefined &&
        servers.has(entry[0] as VariantId) &&
        servers.has(entry[1]),
    ),
  );
  const comparison = await compareInRounds(
    context,
    targets,
    options.baseline,
    body,
    references,
  );
  return {
    ...comparison,
    token: options.token,
    answers,
    servers: Object.fromEntries(
      [...servers.keys()].map((id) => [id, describeVariant(id)]),
    ),
  };
}

/** Ours' answer, from its first pull: the one that fills its cache. */
async function referenceAnswer(
  servers: Map<VariantId, RunningVariant>,
  body: string,
): Promise<string> {
  const ours = servers.get("ours");
  if (ours === undefined) {
    throw new Error("A cache-hit comparison needs `ours`.");
  }
  const reply = await postJson(ours.graphqlUrl, body);
  const parsed = JSON.parse(reply.text) as { errors?: unknown };
  if (reply.status !== 200 || parsed.errors !== undefined) {
    throw new Error(`ours failed the first pull: ${reply.text.slice(0, 500)}`);
  }
  return reply.text;
}

/**
 * Every server must answer exactly what ours does, or the comparison
 * would measure different work.
 */
async function checkAnswers(
  servers: Map<VariantId, RunningVariant>,
  body: string,
  reference: string,
): Promise<Record<string, "identical" | "equivalent JSON">> {
  const answers: Record<string, "identical" | "equivalent JSON"> = {};
  for (const server of servers.values()) {
    const { text } = await postJson(server.graphqlUrl, body);
    if (text === reference) {
      answers[server.id] = "identical";
    } else if (sameJson(text, reference)) {
      answers[server.id] = "equivalent JSON";
    } else {
      throw new Error(
        `${server.id} answers differently from ours: ${text.slice(0, 500)}`,
      );
    }
  }
  return answers;
}

function sameJson(left: string, right: string): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(left), JSON.parse(right));
  } catch {
    return false;
  }
}
