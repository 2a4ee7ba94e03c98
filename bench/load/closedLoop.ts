import autocannon from "autocannon";

import { summarizeLatencies } from "../report/statistics";
import {
  type ClosedLoopJob,
  type ClosedLoopResult,
  loadHeaders,
} from "./protocol";

/**
 * Runs autocannon against one URL. Latencies are taken from each response
 * event rather than from autocannon's histogram, which keeps whole
 * milliseconds: too coarse for a ceiling server answering in under one.
 */
export function runClosedLoop(job: ClosedLoopJob): Promise<ClosedLoopResult> {
  const latenciesMs: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        method: "POST",
        headers: { ...loadHeaders(), "content-type": "application/json" },
        body: job.body,
        connections: job.connections,
        duration: job.durationSeconds,
        // Keep-alive, one request in flight per connection, like a browser.
        pipelining: 1,
        // autocannon stops at the first sample tick past the duration; at
        // its default of a second, half-second turns would take a second.
        sampleInt: 100,
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const seconds = result.duration;
        resolve({
          requests: latenciesMs.length,
          requestsPerSecond: latenciesMs.length / seconds,
          latencyMs: summarizeLatencies(latenciesMs),
          failures: result.non2xx + result.errors + result.timeouts,
          bytesPerSecond: result.throughput.average,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        latenciesMs.push(responseTime);
      }
    });
  });
}
