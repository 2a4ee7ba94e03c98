import Fastify from "fastify";

import { addReadinessRoute } from "../../../src/http/healthRoutes";
import type { ServerPhase } from "../../../src/lifecycle/ServerLifecycle";

describe("GET /readyz", () => {
  it.each<[ServerPhase, number]>([
    ["starting", 503],
    ["ready", 200],
    ["draining", 503],
    ["stopped", 503],
  ])("answers %s with %i and the phase", async (phase, statusCode) => {
    // Over loopback: jest cannot load the ESM cookie parser inject needs.
    const app = Fastify();
    addReadinessRoute(app, { phase });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const response = await fetch(`${url}/readyz`);
      expect(response.status).toBe(statusCode);
      expect(await response.json()).toEqual({ status: phase });
    } finally {
      await app.close();
    }
  });
});
