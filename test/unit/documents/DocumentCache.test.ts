import {
  type CacheEvents,
  type CachedOutcome,
  DocumentCache,
  estimateBytes,
} from "../../../src/services/documents/DocumentCache";
import { documentWith } from "../../support/documents";

function recordingEvents() {
  const counts = { hit: 0, miss: 0, evicted: 0 };
  const events: CacheEvents = {
    hit: () => void counts.hit++,
    miss: () => void counts.miss++,
    evicted: () => void counts.evicted++,
  };
  return { counts, events };
}

const withImage = (token: string, kilobytes: number): CachedOutcome => ({
  kind: "document",
  document: documentWith(token, {
    picture: {
      mimeType: "image/jpeg",
      byteLength: kilobytes * 768,
      base64: "A".repeat(kilobytes * 1024),
    },
  }),
});

describe("DocumentCache", () => {
  it("serves what it stored and counts hits and misses", () => {
    const { counts, events } = recordingEvents();
    const cache = new DocumentCache({ maxBytes: 1e6, ttlMs: 60_000, events });
    const outcome = withImage("t1", 1);

    expect(cache.get("t1")).toBeUndefined();
    cache.set("t1", outcome);
    expect(cache.get("t1")).toBe(outcome);
    expect(counts).toMatchObject({ hit: 1, miss: 1 });
  });

  it("counts only hits when asked for an entry it may not hold", () => {
    const { counts, events } = recordingEvents();
    const cache = new DocumentCache({ maxBytes: 1e6, ttlMs: 60_000, events });
    const outcome = withImage("t1", 1);

    expect(cache.getIfHeld("t1")).toBeUndefined();
    cache.set("t1", outcome);
    expect(cache.getIfHeld("t1")).toBe(outcome);
    expect(counts).toMatchObject({ hit: 1, miss: 0 });
  });

  it("stays within its byte bound, evicting the least recently used", () => {
    const { counts, events } = recordingEvents();
    const cache = new DocumentCache({
      maxBytes: 100_000,
      ttlMs: 60_000,
      events,
    });

    for (let index = 0; index < 10; index++) {
      cache.set(`t${index}`, withImage(`t${index}`, 30));
    }
    expect(cache.bytesHeld).toBeLessThanOrEqual(100_000);
    expect(counts.evicted).toBeGreaterThan(0);
    expect(cache.get("t9")).toBeDefined();
    expect(cache.get("t0")).toBeUndefined();
  });

  it("forgets an entry when the token's lifetime ends", () => {
    let now = 1_000_000;
    const cache = new DocumentCache({
      maxBytes: 1e6,
      ttlMs: 600_000,
      now: () => now,
    });
    cache.set("t1", withImage("t1", 1));

    now += 599_000;
    expect(cache.get("t1")).toBeDefined();
    now += 2_000;
    expect(cache.get("t1")).toBeUndefined();
  });

  it("keeps nothing when its bound is zero", () => {
    const cache = new DocumentCache({ maxBytes: 0, ttlMs: 60_000 });
    cache.set("t1", withImage("t1", 1));
    expect(cache.get("t1")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("estimates a document by its text, images included", () => {
    const small = estimateBytes(withImage("t", 1));
    const large = estimateBytes(withImage("t", 50));
    expect(large - small).toBe(49 * 1024);
  });
});
