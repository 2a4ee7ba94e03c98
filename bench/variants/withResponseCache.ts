import type { FastifyRequest } from "fastify";

import { replaceFastifyFactory } from "./replaceFastifyFactory";

/*
 * Preloaded (`node -r`) into our unchanged server to measure the most a
 * response cache could give: a POST /graphql whose body was answered
 * before, without errors, gets those same bytes back, skipping Apollo and
 * GraphQL entirely. Authentication, security headers and request logs
 * still run; the audit line and GraphQL metrics do not, which a real
 * implementation must keep. It would also need a byte bound, and entries
 * that end with the token's lifetime and at midnight in China (`expired`).
 * This prototype has none of that: it is an upper bound, not a design.
 */

/** Distinct answers kept; the benchmark repeats one or two. */
const MAX_ANSWERS = 100;

const answers = new Map<string, Buffer>();
const servedFromCache = new WeakSet<FastifyRequest>();

function isGraphqlPost(request: FastifyRequest): boolean {
  return request.method === "POST" && request.routeOptions.url === "/graphql";
}

replaceFastifyFactory((fastify, options) => {
  const app = fastify(options);

  app.addHook("preHandler", async (request, reply) => {
    if (!isGraphqlPost(request)) {
      return;
    }
    const answer = answers.get(JSON.stringify(request.body));
    if (answer !== undefined) {
      servedFromCache.add(request);
      return reply
        .header("content-type", "application/json; charset=utf-8")
        .send(answer);
    }
  });

  app.addHook("onSend", async (request, reply, payload) => {
    // A string from Apollo, or a Buffer if another preload made it one.
    const answer =
      typeof payload === "string" ? Buffer.from(payload, "utf8") : payload;
    if (
      !Buffer.isBuffer(answer) ||
      servedFromCache.has(request) ||
      !isGraphqlPost(request) ||
      reply.statusCode !== 200 ||
      answers.size >= MAX_ANSWERS
    ) {
      return payload;
    }
    const parsed = JSON.parse(answer.toString("utf8")) as { errors?: unknown };
    if (parsed.errors === undefined) {
      answers.set(JSON.stringify(request.body), answer);
    }
    return payload;
  });
  return app;
});
