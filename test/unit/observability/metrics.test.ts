import {
  createLabelGuard,
  OTHER_LABEL,
} from "../../../src/observability/labelGuard";
import {
  createMetrics,
  type Metrics,
} from "../../../src/observability/metrics";

const TOKEN = "d102c9c8-5423-11f1-97f9-52540044344e";
const UUID = /[0-9a-f]{8}[-_]?[0-9a-f]{4}[-_]?[0-9a-f]{4}/i;

/** Records one of everything, as a busy server would. */
function recordOneOfEach(metrics: Metrics): void {
  metrics.upstreamAttempts.inc({ outcome: "ok" });
  metrics.upstreamAttemptDuration.observe({ outcome: "ok" }, 0.12);
  metrics.upstreamRetries.inc({ outcome: "InternalError" });
  metrics.limiterQueueDepth.set(3);
  metrics.limiterWait.observe(0.25);
  metrics.limiterRejections.inc({ reason: "local_queue_full" });
  metrics.breakerState.set("open");
  metrics.breakerTransitions.inc({ to: "open" });
  metrics.cacheHits.inc();
  metrics.cacheMisses.inc();
  metrics.cacheEvictions.inc();
  metrics.cacheBytes.measure(() => 2048);
  metrics.answerCacheHits.inc();
  metrics.answerCacheMisses.inc();
  metrics.answerCacheEvictions.inc();
  metrics.answerCacheBytes.measure(() => 512);
  metrics.singleFlightJoins.inc();
  metrics.graphqlOperations.inc({
    operationName: "NfcDocument",
    outcome: "ok",
  });
}

describe("createMetrics", () => {
  it("reads cache sizes when scraped, not when last written", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    let bytes = 4096;
    metrics.cacheBytes.measure(() => bytes);
    expect(await metrics.registry.metrics()).toContain(
      "faceid_document_cache_bytes 4096",
    );

    // An entry expired: nothing was written, the next scrape still sees it.
    bytes = 0;
    expect(await metrics.registry.metrics()).toContain(
      "faceid_document_cache_bytes 0",
    );
  });

  it("exposes every series the server records", async () => {
    const metrics = createMetrics();
    recordOneOfEach(metrics);

    const text = await metrics.registry.metrics();

    for (const series of [
      'faceid_upstream_attempts_total{outcome="ok"} 1',
      'faceid_upstream_attempt_duration_seconds_bucket{le="0.25",outcome="ok"} 1',
      'faceid_upstream_retries_total{outcome="InternalError"} 1',
      "faceid_upstream_limiter_queue_depth 3",
      'faceid_upstream_limiter_wait_seconds_bucket{le="0.25"} 1',
      'faceid_upstream_limiter_rejections_total{reason="local_queue_full"} 1',
      'faceid_upstream_breaker_state{state="open"} 1',
      'faceid_upstream_breaker_state{state="closed"} 0',
      'faceid_upstream_breaker_transitions_total{to="open"} 1',
      "faceid_document_cache_hits_total 1",
      "faceid_document_cache_misses_total 1",
      "faceid_document_cache_evictions_total 1",
      "faceid_document_cache_bytes 2048",
      "faceid_answer_cache_hits_total 1",
      "faceid_answer_cache_misses_total 1",
      "faceid_answer_cache_evictions_total 1",
      "faceid_answer_cache_bytes 512",
      "faceid_document_single_flight_joins_total 1",
      'faceid_graphql_operations_total{operation_name="NfcDocument",outcome="ok"} 1',
      "process_cpu_user_seconds_total",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(text).toContain(series);
    }
  });

  it("starts with the circuit breaker closed", async () => {
    const metrics = createMetrics({ defaultMetrics: false });

    const text = await metrics.registry.metrics();

    expect(text).toContain('faceid_upstream_breaker_state{state="closed"} 1');
  });

  it("keeps each instance's series apart, so servers can run side by side", async () => {
    const first = createMetrics();
    const second = createMetrics();

    first.cacheHits.inc(5);

    expect(await second.registry.metrics()).toContain(
      "faceid_document_cache_hits_total 0",
    );
  });

  it("never lets a token or an ID number into a label value", async () => {
    const metrics = createMetrics({ defaultMetrics: false });

    metrics.upstreamAttempts.inc({ outcome: TOKEN });
    metrics.upstreamRetries.inc({
      outcome: `code_${TOKEN.replace(/-/g, "_")}`,
    });
    metrics.graphqlOperations.inc({
      operationName: `Q_${"110101199003077777"}`,
      outcome: "ok",
    });
    metrics.graphqlOperations.inc({ operationName: TOKEN, outcome: TOKEN });
    const text = await metrics.registry.metrics();

    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/\d{5}/);
    expect(text).toContain(
      `faceid_upstream_attempts_total{outcome="${OTHER_LABEL}"} 1`,
    );
  });

  it("counts operations without a name as anonymous", async () => {
    const metrics = createMetrics({ defaultMetrics: false });

    metrics.graphqlOperations.inc({ operationName: null, outcome: "ok" });
    metrics.graphqlOperations.inc({ outcome: "ok" });

    expect(await metrics.registry.metrics()).toContain(
      'faceid_graphql_operations_total{operation_name="anonymous",outcome="ok"} 2',
    );
  });

  it("folds operation names past the cap into other", async () => {
    const metrics = createMetrics({ defaultMetrics: false, maxLabelValues: 3 });

    for (const name of ["A", "B", "C", "D", "E"]) {
      metrics.graphqlOperations.inc({ operationName: name, outcome: "ok" });
    }
    const text = await metrics.registry.metrics();

    expect(text).toContain('operation_name="C"');
    expect(text).not.toContain('operation_name="D"');
    expect(text).toContain(
      'faceid_graphql_operations_total{operation_name="other",outcome="ok"} 2',
    );
  });
});

describe("createLabelGuard", () => {
  it.each([
    ["ok", "ok"],
    ["InternalError.UnKnown", "InternalError.UnKnown"],
    [
      "RequestLimitExceeded.UinLimitExceeded",
      "RequestLimitExceeded.UinLimitExceeded",
    ],
    ["http_5xx", "http_5xx"],
    [TOKEN, OTHER_LABEL],
    ["Person110101199003077777", OTHER_LABEL],
    ["has space", OTHER_LABEL],
    ["", OTHER_LABEL],
    ["x".repeat(65), OTHER_LABEL],
  ])("maps %j to %j", (raw, expected) => {
    expect(createLabelGuard(10)(raw)).toBe(expected);
  });

  it("keeps admitting the values it admitted before the cap was reached", () => {
    const guard = createLabelGuard(1);

    guard("first");

    expect([guard("second"), guard("first")]).toEqual([OTHER_LABEL, "first"]);
  });
});
