import type { FastifyInstance } from "fastify";

import type { ServerLifecycle } from "../lifecycle/ServerLifecycle";

/**
 * Answers with `Connection: close` while the server drains. A request that
 * was in flight when the stop began would otherwise leave its keep-alive
 * socket open after answering, and the stop would wait for the client to
 * hang up or for the grace period to run out.
 */
export function closeConnectionsWhileDraining(
  app: FastifyInstance,
  lifecycle: Pick<ServerLifecycle, "phase">,
): void {
  // A callback hook: it runs on every answer, and has nothing to await.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (lifecycle.phase === "draining") {
      void reply.header("connection", "close");
    }
    done(null, payload);
  });
}
