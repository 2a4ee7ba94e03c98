import { randomUUID } from "node:crypto";

import type { ApolloServer } from "@apollo/server";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from "fastify";

import type { RequestContext } from "../graphql/RequestContext";
import type { Logger } from "../logging/logger";
import { AccessLogController } from "./AccessLogController";
import type { CachedAnswers } from "./cachedAnswers";
import { replyToClientError } from "./clientErrorReply";
import { registerJsonBodyParser } from "./jsonBodyParser";

export interface HttpServerOptions {
  logger: Logger;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
}

/**
 * The HTTP layer: Fastify with the GraphQL route and the health check. The
 * Apollo server must be started before the routes are added.
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    // Fastify's logger type is pino's, narrowed; the instance is ours.
    loggerInstance: options.logger as FastifyBaseLogger,
    // Ids are ours: a client-chosen id would let anyone write into our logs.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logController: new AccessLogController(),
    bodyLimit: options.bodyLimitBytes,
    // Slow clients must not hold sockets forever.
    requestTimeout: 60_000,
    // While draining, a request that still arrives on an open connection is
    // served (with `Connection: close`) rather than given Fastify's untyped
    // 503; /readyz is what tells balancers to go elsewhere.
    return503OnClosing: false,
    // Bytes Node cannot parse get the API's typed error body too.
    clientErrorHandler: replyToClientError,
  });
  return app;
}

/** Adds the GraphQL and health routes once Apollo has started. */
export function addRoutes(
  app: FastifyInstance,
  apollo: ApolloServer<RequestContext>,
  createContext: (request: FastifyRequest) => RequestContext,
  answers: CachedAnswers | null,
): void {
  // A body whose request has a kept answer is parsed only if it is not sent.
  const jsonBodies = registerJsonBodyParser(
    app,
    (request, text) => answers?.lookUp(request, text) ?? false,
  );
  // Each request's GraphQL context, for keeping its answer once sent.
  const contexts = new WeakMap<FastifyRequest, RequestContext>();
  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      const context = createContext(request);
      contexts.set(request, context);
      return context;
    },
  });
  app.route({
    method: ["GET", "POST"],
    url: "/graphql",
    // Both hooks take callbacks: they await nothing, and on a kept answer
    // an async hook's promise is a measurable share of the time spent.
    // Credentials are checked and the body read by the preHandler.
    preHandler: (request, reply, done) => {
      // A kept answer is sent, and the request ends without done().
      if (!answers?.serve(request, reply)) {
        jsonBodies.finish(request, done);
      }
    },
    handler,
    onSend: (request, reply, payload, done) => {
      // A Buffer answer spares Fastify a pass over the text to measure it:
      // a document's Chinese text makes the answer a two-byte string, and
      // that pass cost a fifth of a cached full document's time.
      const body = typeof payload === "string" ? Buffer.from(payload) : payload;
      const cacheable = contexts.get(request)?.answer.cacheable;
      if (answers !== null && cacheable && Buffer.isBuffer(body)) {
        answers.keep(request, reply, body, cacheable);
      }
      done(null, body);
    },
  });
  app.get("/healthz", async () => ({ status: "ok" }));
}
