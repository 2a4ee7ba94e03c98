import { LRUCache } from "lru-cache";

/** A whole GraphQL answer, as sent, about exactly one token. */
export interface CachedAnswer {
  /**
   * The token the answer shows. The answer is served only while that
   * token's document is still cached, so that it never outlives it.
   */
  readonly nfcToken: string;
  /** The response body, byte for byte. */
  readonly body: Buffer;
  /** The media type Apollo chose for the request's Accept header. */
  readonly contentType: string;
  /** The operation's name, for metrics; null when it had none. */
  readonly operationName: string | null;
}

/** What the cache reports, for metrics; never a key or a value. */
export interface AnswerCacheEvents {
  evicted(): void;
}

export interface AnswerCacheOptions {
  /** Upper bound of all answers' sizes, keys included, in bytes. */
  maxBytes: number;
  events?: AnswerCacheEvents;
  /** The clock entries expire by, in milliseconds; injectable for tests. */
  now?: () => number;
}

/** Room for an entry's object headers and its short fields, in bytes. */
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * Whole answers by request, bounded in bytes, each kept until a moment
 * its writer names. Serving a repeated request from here skips Apollo's
 * pipeline, which is most of a cached answer's cost (BENCHMARKS.md).
 */
export class AnswerCache {
  readonly #entries: LRUCache<string, CachedAnswer>;
  readonly #events: AnswerCacheEvents | undefined;
  readonly #now: () => number;

  constructor(options: AnswerCacheOptions) {
    this.#events = options.events;
    this.#now = options.now ?? Date.now;
    this.#entries = new LRUCache<string, CachedAnswer>({
      maxSize: options.maxBytes,
      // An answer larger than the whole bound is simply not kept.
      maxEntrySize: options.maxBytes,
      sizeCalculation: (answer, key) => estimateBytes(key, answer),
      perf: { now: this.#now },
      // Read the clock on every look-up: expiry at midnight is exact.
      ttlResolution: 0,
      ttlAutopurge: false,
      dispose: (_answer, _key, reason) => {
        if (reason === "evict") {
          this.#events?.evicted();
        }
      },
    });
  }

  /** The answer kept under `key`, if it has not expired. */
  get(key: string): CachedAnswer | undefined {
    return this.#entries.get(key);
  }

  /** Keeps `answer` under `key` until `expiresAt` (epoch milliseconds). */
  set(key: string, answer: CachedAnswer, expiresAt: number): void {
    // lru-cache serves an entry through its last millisecond of `ttl`
    // inclusive; one less makes `expiresAt` the first moment it is gone.
    const ttl = expiresAt - this.#now() - 1;
    if (ttl <= 0) {
      return;
    }
    this.#entries.set(key, answer, { ttl });
  }

  /** Drops the answer under `key`, if any. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** The bytes held by all answers, by their estimate. */
  get bytesHeld(): number {
    return this.#entries.calculatedSize;
  }
}

/** Keys are UTF-16 strings in memory; bodies are bytes. */
function estimateBytes(key: string, answer: CachedAnswer): number {
  return ENTRY_OVERHEAD_BYTES + key.length * 2 + answer.body.length;
}
