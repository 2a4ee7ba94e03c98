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
import { replyToClientError } from "./clientErrorReply";

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
  return Fastify({
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
}

/** Adds the GraphQL and health routes once Apollo has started. */
export function addRoutes(
  app: FastifyInstance,
  apollo: ApolloServer<RequestContext>,
  createContext: (request: FastifyRequest) => RequestContext,
): void {
  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => createContext(request),
  });
  app.route({
    method: ["GET", "POST"],
    url: "/graphql",
    handler,
    // A Buffer answer spares Fastify a pass over the text to measure it: a
    // document's Chinese text makes the answer a two-byte string, and that
    // pass cost a fifth of a cached full document's time (BENCHMARKS.md).
    onSend: async (_request, _reply, payload) =>
      typeof payload === "string" ? Buffer.from(payload) : payload,
  });
  app.get("/healthz", async () => ({ status: "ok" }));
}
