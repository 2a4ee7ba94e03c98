import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
} from "prom-client";

import { createLabelGuard, type LabelGuard } from "./labelGuard";

/*
 * Prometheus metrics, in a registry of their own per server instance (never
 * prom-client's global one), so that tests may run several servers side by
 * side. Label values never hold a token, an ID number or anything personal:
 * every value that did not come from this server's own code passes a guard
 * that admits only short identifier-like words, and only so many of them.
 */

/** A counter whose labels are the names in `L`. */
export interface LabelledCounter<L extends string> {
  inc(labels: Record<L, string>, value?: number): void;
}

/** A counter without labels. */
export interface PlainCounter {
  inc(value?: number): void;
}

/** A histogram whose labels are the names in `L`, observed in seconds. */
export interface LabelledHistogram<L extends string> {
  observe(labels: Record<L, string>, seconds: number): void;
}

/** A histogram without labels, observed in seconds. */
export interface PlainHistogram {
  observe(seconds: number): void;
}

/** A gauge without labels. */
export interface PlainGauge {
  set(value: number): void;
}

/** A gauge read at scrape time from whatever it is told to measure. */
export interface ScrapedGauge {
  /** Sets the reading; until then the gauge reads 0. */
  measure(read: () => number): void;
}

/** The circuit breaker's states, one series each (1 for the current). */
export type BreakerStateLabel = "closed" | "open" | "half_open";

/** Every metric this server records, typed by its labels. */
export interface Metrics {
  /** Text for a scrape is `await registry.metrics()`. */
  readonly registry: Registry;
  /** Upstream attempts by outcome: `ok`, an upstream code, `network`… */
  readonly upstreamAttempts: LabelledCounter<"outcome">;
  readonly upstreamAttemptDuration: LabelledHistogram<"outcome">;
  /** Retries, by the outcome of the attempt that failed. */
  readonly upstreamRetries: LabelledCounter<"outcome">;
  readonly limiterQueueDepth: PlainGauge;
  readonly limiterWait: PlainHistogram;
  /** Callers the limiter refused: `local_queue_full`, `local_queue_timeout`. */
  readonly limiterRejections: LabelledCounter<"reason">;
  readonly breakerState: { set(state: BreakerStateLabel): void };
  readonly breakerTransitions: LabelledCounter<"to">;
  readonly cacheHits: PlainCounter;
  readonly cacheMisses: PlainCounter;
  readonly cacheEvictions: PlainCounter;
  /** The document cache's estimated bytes, read at each scrape. */
  readonly cacheBytes: ScrapedGauge;
  readonly answerCacheHits: PlainCounter;
  readonly answerCacheMisses: PlainCounter;
  readonly answerCacheEvictions: PlainCounter;
  /** The answer cache's bytes, read at each scrape. */
  readonly answerCacheBytes: ScrapedGauge;
  /** Callers that joined a pull already in flight for the same token. */
  readonly singleFlightJoins: PlainCounter;
  /**
   * GraphQL operations by name and outcome. Names come from clients, so
   * a missing one counts as `anonymous`, and an odd-looking or one past
   * the cap of distinct names as `other`.
   */
  readonly graphqlOperations: {
    inc(labels: { operationName?: string | null; outcome: string }): void;
  };
}

export interface MetricsOptions {
  /** Process and Node.js metrics (CPU, memory, event loop); default on. */
  defaultMetrics?: boolean;
  /** Most distinct values a client- or upstream-fed label takes; 50. */
  maxLabelValues?: number;
}

const BREAKER_STATES: readonly BreakerStateLabel[] = [
  "closed",
  "open",
  "half_open",
];

/** Creates the metrics of one server instance, in a fresh registry. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const maxValues = options.maxLabelValues ?? 50;
  if (options.defaultMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
  }
  const registers = [registry];

  // Upstream outcomes include codes the upstream sent: guard them too.
  const outcome = createLabelGuard(maxValues);
  const attemptDuration = new Histogram({
    name: "faceid_upstream_attempt_duration_seconds",
    help: "Duration of upstream GetWxNFCResult attempts, by outcome.",
    labelNames: ["outcome"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers,
  });
  const limiterWait = new Histogram({
    name: "faceid_upstream_limiter_wait_seconds",
    help: "Time callers waited in the rate limiter's queue.",
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers,
  });
  const breakerState = new Gauge({
    name: "faceid_upstream_breaker_state",
    help: "The upstream circuit breaker's state: 1 for the current one.",
    labelNames: ["state"],
    registers,
  });
  const setBreakerState = (state: BreakerStateLabel) => {
    for (const each of BREAKER_STATES) {
      breakerState.set({ state: each }, each === state ? 1 : 0);
    }
  };
  setBreakerState("closed");

  return {
    registry,
    upstreamAttempts: guardedCounter(
      counter(
        "faceid_upstream_attempts_total",
        "Upstream attempts, by outcome.",
        ["outcome"],
      ),
      { outcome },
    ),
    upstreamAttemptDuration: {
      observe: (labels, seconds) =>
        attemptDuration.observe({ outcome: outcome(labels.outcome) }, seconds),
    },
    upstreamRetries: guardedCounter(
      counter(
        "faceid_upstream_retries_total",
        "Upstream retries, by the outcome of the failed attempt.",
        ["outcome"],
      ),
      { outcome },
    ),
    limiterQueueDepth: gauge(
      "faceid_upstream_limiter_queue_depth",
      "Callers waiting in the rate limiter's queue.",
    ),
    limiterWait: { observe: (seconds) => limiterWait.observe(seconds) },
    limiterRejections: guardedCounter(
      counter(
        "faceid_upstream_limiter_rejections_total",
        "Callers the rate limiter refused, by reason.",
        ["reason"],
      ),
      { reason: createLabelGuard(maxValues) },
    ),
    breakerState: { set: setBreakerState },
    breakerTransitions: guardedCounter(
      counter(
        "faceid_upstream_breaker_transitions_total",
        "Upstream circuit breaker state changes, by the state entered.",
        ["to"],
      ),
      { to: createLabelGuard(BREAKER_STATES.length) },
    ),
    cacheHits: counter(
      "faceid_document_cache_hits_total",
      "Document lookups answered from the cache.",
    ),
    cacheMisses: counter(
      "faceid_document_cache_misses_total",
      "Document lookups the cache could not answer.",
    ),
    cacheEvictions: counter(
      "faceid_document_cache_evictions_total",
      "Documents dropped from the cache before they expired.",
    ),
    cacheBytes: scrapedGauge(
      "faceid_document_cache_bytes",
      "Bytes of document text the cache holds.",
    ),
    answerCacheHits: counter(
      "faceid_answer_cache_hits_total",
      "GraphQL requests answered with a kept answer, skipping Apollo.",
    ),
    answerCacheMisses: counter(
      "faceid_answer_cache_misses_total",
      "GraphQL POST requests no kept answer matched.",
    ),
    answerCacheEvictions: counter(
      "faceid_answer_cache_evictions_total",
      "Answers dropped from the answer cache to stay within its bound.",
    ),
    answerCacheBytes: scrapedGauge(
      "faceid_answer_cache_bytes",
      "Bytes of whole answers, keys included, the answer cache holds.",
    ),
    singleFlightJoins: counter(
      "faceid_document_single_flight_joins_total",
      "Lookups that joined an upstream pull already in flight.",
    ),
    graphqlOperations: graphqlOperationCounter(
      counter(
        "faceid_graphql_operations_total",
        "GraphQL operations, by operation name and outcome.",
        ["operation_name", "outcome"],
      ),
      maxValues,
    ),
  };

  function counter<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
  ): Counter<L> {
    return new Counter({ name, help, labelNames, registers });
  }

  function gauge(name: string, help: string): Gauge {
    return new Gauge({ name, help, registers });
  }

  // Read when scraped, so that expiries without a later write show too.
  function scrapedGauge(name: string, help: string): ScrapedGauge {
    let read = () => 0;
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
    return {
      measure(source) {
        read = source;
      },
    };
  }
}

/** Applies one guard per label before counting. */
function guardedCounter<L extends string>(
  target: Counter<L>,
  guards: Record<L, LabelGuard>,
): LabelledCounter<L> {
  return {
    inc(labels, value) {
      const safe: Partial<Record<L, string>> = {};
      for (const name of Object.keys(guards) as L[]) {
        safe[name] = guards[name](labels[name]);
      }
      target.inc(safe, value);
    },
  };
}

/** Operation names are the clients' words: bound them before counting. */
function graphqlOperationCounter(
  target: Counter<"operation_name" | "outcome">,
  maxValues: number,
): Metrics["graphqlOperations"] {
  const operationName = createLabelGuard(maxValues);
  const outcome = createLabelGuard(maxValues);
  return {
    inc(labels) {
      const name = labels.operationName ?? "";
      target.inc({
        operation_name: name === "" ? "anonymous" : operationName(name),
        outcome: outcome(labels.outcome),
      });
    },
  };
}
