import {
  AnswerCache,
  type AnswerCacheEvents,
  type CachedAnswer,
} from "../../../src/services/answers/AnswerCache";

function recordingEvents() {
  const counts = { evicted: 0 };
  const events: AnswerCacheEvents = {
    evicted: () => void counts.evicted++,
  };
  return { counts, events };
}

const answerOf = (nfcToken: string, bytes: number): CachedAnswer => ({
  nfcToken,
  body: Buffer.alloc(bytes, "a"),
  contentType: "application/json; charset=utf-8",
  operationName: "Scan",
});

describe("AnswerCache", () => {
  it("serves what it kept, under its own key only", () => {
    const cache = new AnswerCache({ maxBytes: 1e6 });
    const answer = answerOf("t1", 100);

    expect(cache.get("k1")).toBeUndefined();
    cache.set("k1", answer, Date.now() + 60_000);
    expect(cache.get("k1")).toBe(answer);
    expect(cache.get("k2")).toBeUndefined();
  });

  it("stays within its byte bound, evicting the least recently used", () => {
    const { counts, events } = recordingEvents();
    const cache = new AnswerCache({ maxBytes: 50_000, events });
    const until = Date.now() + 60_000;

    for (let index = 0; index < 10; index++) {
      cache.set(`k${index}`, answerOf(`t${index}`, 10_000), until);
    }
    expect(cache.bytesHeld).toBeLessThanOrEqual(50_000);
    expect(counts.evicted).toBeGreaterThan(0);
    expect(cache.get("k9")).toBeDefined();
    expect(cache.get("k0")).toBeUndefined();
  });

  it("counts keys in its bound, since they hold whole request bodies", () => {
    const cache = new AnswerCache({ maxBytes: 1e6 });
    cache.set("k".repeat(1000), answerOf("t1", 10), Date.now() + 60_000);
    expect(cache.bytesHeld).toBeGreaterThanOrEqual(2000 + 10);
  });

  it("keeps nothing larger than its whole bound", () => {
    const cache = new AnswerCache({ maxBytes: 1000 });
    cache.set("k1", answerOf("t1", 2000), Date.now() + 60_000);
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.bytesHeld).toBe(0);
  });

  it("stops serving an answer at the moment it was kept until", () => {
    let now = 1_000_000;
    const cache = new AnswerCache({ maxBytes: 1e6, now: () => now });
    cache.set("k1", answerOf("t1", 10), now + 5000);

    now += 4999;
    expect(cache.get("k1")).toBeDefined();
    now += 1;
    expect(cache.get("k1")).toBeUndefined();
  });

  it("keeps nothing whose moment has already passed", () => {
    const now = 1_000_000;
    const cache = new AnswerCache({ maxBytes: 1e6, now: () => now });
    cache.set("k1", answerOf("t1", 10), now);
    expect(cache.get("k1")).toBeUndefined();
  });

  it("forgets an answer it is told to drop", () => {
    const cache = new AnswerCache({ maxBytes: 1e6 });
    cache.set("k1", answerOf("t1", 10), Date.now() + 60_000);
    cache.delete("k1");
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.bytesHeld).toBe(0);
  });
});
