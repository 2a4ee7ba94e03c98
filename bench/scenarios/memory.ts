import { CONTROL_NODE_ARGS, sendControl } from "../harness/controlChild";
import { mintTokens, withEmulator } from "../harness/emulator";
import { scrapeMetrics } from "../harness/httpClient";
import {
  type RunningVariant,
  type VariantId,
  withVariants,
} from "../harness/variants";
import { FULL_QUERY, requestBody } from "../queries";
import type { BenchContext } from "./BenchContext";

/** Ours' memory after some number of pulls. */
export interface MemorySnapshot {
  documentsPulled: number;
  /** Resident set size as /metrics reports it, before any collection. */
  residentBeforeGcBytes: number;
  /** After a full garbage collection: what the process keeps. */
  residentBytes: number;
  heapUsedBytes: number;
  /** What V8 has reserved for its heap, used or not. */
  heapTotalBytes: number;
  /** Memory outside the V8 heap that JavaScript objects hold (Buffers). */
  externalBytes: number;
  /** The document cache's own estimate of what it holds. */
  cacheBytes: number;
  /** The answer cache's, whose answers are Buffers (external memory). */
  answerCacheBytes: number;
}

export interface MemoryResult {
  /** The server measured: ours, or ours under jemalloc. */
  variant: MemoryVariant;
  documents: number;
  failures: number;
  cacheMaxBytes: number;
  answerCacheMaxBytes: number;
  /** After one pull, after half of them, after all of them. */
  snapshots: MemorySnapshot[];
  cacheEvictions: number;
  /**
   * Heap growth from the first to the last snapshot, over both caches'
   * bounds together.
   */
  heapGrowthOverBound: number;
  /** The same for the resident set size. */
  residentGrowthOverBound: number;
}

/** The servers whose memory is measured. */
export type MemoryVariant = Extract<VariantId, "ours" | "ours-jemalloc">;

/** Generous limits so that filling the cache takes seconds, not minutes. */
const FILL_RATE_PER_SECOND = 500;

/**
 * Scenario 6: pulls far more documents with images than CACHE_MAX_BYTES
 * and ANSWER_CACHE_MAX_BYTES hold, and reads the server's memory after
 * one pull, after half and after all, each time after a full garbage
 * collection (the control preload). Bounded memory shows as no growth
 * from half to all: by half the cache is full. Rate limits are raised on
 * both sides, as this is about memory and 20 a second would only make it
 * slow.
 */
export function runMemory(
  context: BenchContext,
  variant: MemoryVariant,
): Promise<MemoryResult> {
  const { documents, cacheMaxBytes, answerCacheMaxBytes, clients } =
    context.settings.memory;
  const bound = cacheMaxBytes + answerCacheMaxBytes;
  return withEmulator(FILL_RATE_PER_SECOND, ({ emulator, url: emulatorUrl }) =>
    withVariants(
      context.processes,
      [variant],
      {
        emulatorUrl,
        nodeArgs: CONTROL_NODE_ARGS,
        env: {
          CACHE_MAX_BYTES: String(cacheMaxBytes),
          ANSWER_CACHE_MAX_BYTES: String(answerCacheMaxBytes),
          FACEID_MAX_RPS: String(FILL_RATE_PER_SECOND),
        },
      },
      async (servers) => {
        const ours = servers.get(variant);
        if (ours === undefined) {
          throw new Error(`${variant} did not start`);
        }
        const bodies = mintTokens(emulator, "full-document", documents).map(
          (token) => requestBody(FULL_QUERY, token),
        );
        const half = Math.ceil(documents / 2);
        const stages = [bodies.slice(0, 1), bodies.slice(1, half)];
        stages.push(bodies.slice(half));

        const snapshots: MemorySnapshot[] = [];
        let failures = 0;
        let pulled = 0;
        for (const stage of stages) {
          const batch = await context.load.run({
            kind: "requestBatch",
            url: ours.graphqlUrl,
            bodies: stage,
            concurrency: Math.min(clients, stage.length),
          });
          failures += batch.requests.filter((request) => !request.ok).length;
          pulled += stage.length;
          snapshots.push(await snapshot(ours, pulled));
        }

        const first = snapshots[0];
        const last = snapshots[snapshots.length - 1];
        const metrics = await scrapeMetrics(ours.baseUrl);
        return {
          variant,
          documents,
          failures,
          cacheMaxBytes,
          answerCacheMaxBytes,
          snapshots,
          cacheEvictions:
            metrics.get("faceid_document_cache_evictions_total") ?? 0,
          heapGrowthOverBound:
            (last.heapUsedBytes - first.heapUsedBytes) / bound,
          residentGrowthOverBound:
            (last.residentBytes - first.residentBytes) / bound,
        };
      },
    ),
  );
}

async function snapshot(
  ours: RunningVariant,
  documentsPulled: number,
): Promise<MemorySnapshot> {
  const metrics = await scrapeMetrics(ours.baseUrl);
  const { memory } = await sendControl(ours.child, {
    control: "collectGarbage",
  });
  return {
    documentsPulled,
    residentBeforeGcBytes: metrics.get("process_resident_memory_bytes") ?? 0,
    residentBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
    cacheBytes: metrics.get("faceid_document_cache_bytes") ?? 0,
    answerCacheBytes: metrics.get("faceid_answer_cache_bytes") ?? 0,
  };
}
