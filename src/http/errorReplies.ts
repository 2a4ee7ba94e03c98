import type { FastifyError, FastifyInstance } from "fastify";

import type { AppError } from "../errors/AppError";
import {
  badRequest,
  internalServerError,
  payloadTooLarge,
  routeNotFound,
  unsupportedMediaType,
} from "../errors/catalog";
import { errorBody } from "./errorBody";

/**
 * Makes Fastify's own refusals (unreadable JSON, a body over the limit, an
 * unknown content type or route) answer like the rest of the API: a typed
 * code, a fixed message, the right 4xx status. Fastify's messages are not
 * used, because some quote the input (V8's JSON errors quote the body).
 */
export function installErrorReplies(
  app: FastifyInstance,
  bodyLimitBytes: number,
): void {
  app.setNotFoundHandler((request, reply) => {
    // The path only: a query string may carry tokens.
    request.log.info(
      { method: request.method, path: request.url.split("?", 1)[0] },
      "route not found",
    );
    return reply.code(404).send(errorBody(routeNotFound()));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) {
      request.log.error(
        { err: { type: error.name, code: error.code, stack: framesOf(error) } },
        "request failed; answered INTERNAL_SERVER_ERROR",
      );
      return reply.code(500).send(errorBody(internalServerError()));
    }
    request.log.info(
      { statusCode: status, fastifyCode: error.code },
      "request refused before GraphQL",
    );
    return reply
      .code(status)
      .send(errorBody(refusalFor(status, bodyLimitBytes)));
  });
}

/** Fastify's status for its own errors; 500 for anything unexpected. */
function statusOf(error: FastifyError): number {
  const status = error.statusCode;
  return status !== undefined && status >= 400 && status < 600 ? status : 500;
}

function refusalFor(status: number, bodyLimitBytes: number): AppError {
  switch (status) {
    case 404:
      return routeNotFound();
    case 413:
      return payloadTooLarge(bodyLimitBytes);
    case 415:
      return unsupportedMediaType();
    default:
      return badRequest();
  }
}

/** The stack without its first line, which repeats the message. */
function framesOf(error: Error): string | undefined {
  return error.stack?.split("\n").slice(1).join("\n");
}
