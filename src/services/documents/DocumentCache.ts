import { LRUCache } from "lru-cache";

import type { UpstreamDetails } from "../../errors/AppError";
import type {
  DocumentImageData,
  NfcDocumentData,
} from "../normalize/NfcDocumentData";

/**
 * A definitive upstream answer for a token: its document (read or failed
 * read), or the upstream's word that the token does not exist. Transient
 * failures are never cached.
 */
export type CachedOutcome =
  | { kind: "document"; document: NfcDocumentData }
  | { kind: "tokenNotFound"; details: UpstreamDetails };

/** What the cache reports, for metrics; never a key or a value. */
export interface CacheEvents {
  hit(): void;
  miss(): void;
  evicted(): void;
}

export interface DocumentCacheOptions {
  /** Upper bound of all entries' estimated sizes, in bytes. */
  maxBytes: number;
  /** How long an entry lives after it is stored: the token's lifetime. */
  ttlMs: number;
  events?: CacheEvents;
  /** The clock entries expire by, in milliseconds; injectable for tests. */
  now?: () => number;
}

/** Room for an entry's object headers and short fields, in bytes. */
const ENTRY_OVERHEAD_BYTES = 1024;

/**
 * Definitive answers by token, bounded in bytes (documents carry images of
 * tens of kilobytes) and expiring with the token. With a zero byte bound
 * nothing is kept, which turns caching off.
 */
export class DocumentCache {
  readonly #entries: LRUCache<string, CachedOutcome> | null;
  readonly #events: CacheEvents | undefined;

  constructor(options: DocumentCacheOptions) {
    this.#events = options.events;
    this.#entries =
      options.maxBytes === 0
        ? null
        : new LRUCache<string, CachedOutcome>({
            maxSize: options.maxBytes,
            // An entry larger than the whole bound is simply not kept.
            maxEntrySize: options.maxBytes,
            sizeCalculation: estimateBytes,
            ttl: options.ttlMs,
            perf: { now: options.now ?? performance.now.bind(performance) },
            // Read the clock on every look-up rather than caching it on a
            // timer: exact expiry, and no timers left behind.
            ttlResolution: 0,
            // Expired entries are not served even before they are purged.
            ttlAutopurge: false,
            dispose: (_value, _key, reason) => {
              if (reason === "evict") {
                this.#events?.evicted();
              }
            },
          });
  }

  /** The cached outcome for `nfcToken`, counting a hit or a miss. */
  get(nfcToken: string): CachedOutcome | undefined {
    const outcome = this.#entries?.get(nfcToken);
    if (outcome === undefined) {
      this.#events?.miss();
    } else {
      this.#events?.hit();
    }
    return outcome;
  }

  /**
   * The cached outcome for `nfcToken`, counting a hit only: for callers
   * that go on to {@link get} when it is not held.
   */
  getIfHeld(nfcToken: string): CachedOutcome | undefined {
    const outcome = this.#entries?.get(nfcToken);
    if (outcome !== undefined) {
      this.#events?.hit();
    }
    return outcome;
  }

  /** Keeps a definitive outcome for the rest of the token's lifetime. */
  set(nfcToken: string, outcome: CachedOutcome): void {
    if (this.#entries === null) {
      return;
    }
    this.#entries.set(nfcToken, outcome);
  }

  /** The estimated bytes held by all entries. */
  get bytesHeld(): number {
    return this.#entries?.calculatedSize ?? 0;
  }

  /** The number of entries held, expired ones included until purged. */
  get size(): number {
    return this.#entries?.size ?? 0;
  }
}

/**
 * An entry's size: its strings' lengths, which for base64 images (one byte
 * per character in V8) are nearly all of it, plus a fixed overhead.
 */
export function estimateBytes(outcome: CachedOutcome): number {
  if (outcome.kind === "tokenNotFound") {
    return ENTRY_OVERHEAD_BYTES;
  }

  let bytes = ENTRY_OVERHEAD_BYTES;
  for (const value of Object.values(outcome.document)) {
    if (typeof value === "string") {
      bytes += value.length;
    } else if (isImage(value)) {
      bytes += value.base64.length + value.mimeType.length;
    }
  }
  return bytes;
}

function isImage(value: unknown): value is DocumentImageData {
  return typeof value === "object" && value !== null && "base64" in value;
}
