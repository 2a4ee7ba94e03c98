/*
 * What the harness asks of the load process and what it answers. The load
 * runs in a process of its own so that generating requests never takes CPU
 * from the server it measures within one event loop.
 */

/**
 * The environment variable that hands the load process, as JSON, the
 * headers every request carries (such as the API key ours requires).
 */
export const LOAD_HEADERS_VARIABLE = "LOAD_HEADERS";

/** Headers for every request, as the harness set them. */
export function loadHeaders(): Record<string, string> {
  return JSON.parse(process.env[LOAD_HEADERS_VARIABLE] ?? "{}") as Record<
    string,
    string
  >;
}

/** As many requests as `connections` clients can send in `durationSeconds`. */
export interface ClosedLoopJob {
  kind: "closedLoop";
  url: string;
  /** The JSON body every request sends. */
  body: string;
  connections: number;
  durationSeconds: number;
}

/** Throughput and latency of a closed-loop run. */
export interface ClosedLoopResult {
  requests: number;
  requestsPerSecond: number;
  /** Latency quantiles from every response, in milliseconds. */
  latencyMs: LatencySummary;
  /** Responses other than 2xx, and connection errors or timeouts. */
  failures: number;
  bytesPerSecond: number;
}

/**
 * Each body sent once, at most `concurrency` at a time, on connections
 * opened beforehand so that a burst leaves at once.
 */
export interface RequestBatchJob {
  kind: "requestBatch";
  url: string;
  bodies: string[];
  concurrency: number;
}

/** One request of a batch; times on the load process's monotonic clock. */
export interface TimedRequest {
  startedMs: number;
  finishedMs: number;
  /** HTTP 200 with `data` and no `errors`. */
  ok: boolean;
}

export interface RequestBatchResult {
  requests: TimedRequest[];
  /** The first failure, shortened, to say what went wrong. */
  firstFailure: string | null;
}

/** Direct upstream calls through the gateway the server itself uses. */
export interface SdkCallJob {
  kind: "sdkCalls";
  /** The emulator's base URL. */
  endpoint: string;
  credentials: { secretId: string; secretKey: string };
  /** Called first and not timed: it opens the connection. */
  warmUpToken: string;
  /** Called one after another. */
  tokens: string[];
}

export interface SdkCallResult {
  latenciesMs: number[];
  failures: number;
}

export type LoadJob = ClosedLoopJob | RequestBatchJob | SdkCallJob;

/** The result type of each kind of job. */
export interface LoadResults {
  closedLoop: ClosedLoopResult;
  requestBatch: RequestBatchResult;
  sdkCalls: SdkCallResult;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Harness to load process. */
export interface JobMessage {
  id: number;
  job: LoadJob;
}

/** Load process to harness. */
export type JobReply =
  | { id: number; result: LoadResults[LoadJob["kind"]] }
  | { id: number; error: string };
