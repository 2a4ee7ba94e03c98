import type { FastifyInstance } from "fastify";

import type { ServerLifecycle } from "../lifecycle/ServerLifecycle";

/**
 * `GET /readyz`: 200 while the server takes traffic, 503 while it starts,
 * drains or has stopped, so that a balancer routes around it. (`/healthz`
 * says only that the process is alive.)
 */
export function addReadinessRoute(
  app: FastifyInstance,
  lifecycle: Pick<ServerLifecycle, "phase">,
): void {
  app.get("/readyz", async (_request, reply) => {
    const { phase } = lifecycle;
    switch (phase) {
      case "ready":
        return { status: "ready" };
      case "starting":
      case "draining":
      case "stopped":
        return reply.code(503).send({ status: phase });
    }
  });
}
