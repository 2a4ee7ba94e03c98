import type { FastifyInstance } from "fastify";

import type { Metrics } from "../observability/metrics";

/** `GET /metrics` in Prometheus text format. */
export function addMetricsRoute(app: FastifyInstance, metrics: Metrics): void {
  app.get("/metrics", async (_request, reply) => {
    void reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
