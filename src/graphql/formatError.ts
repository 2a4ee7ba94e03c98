import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";

import { AppError } from "../errors/AppError";
import { internalServerError } from "../errors/catalog";
import type { Logger } from "../logging/logger";

/**
 * Apollo's own codes for requests it refused before execution. Their
 * messages describe the query, not data, so they pass through.
 */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/**
 * Builds Apollo's `formatError` hook. Our own AppErrors and Apollo's request
 * errors reach the client as they are; anything else is masked as
 * INTERNAL_SERVER_ERROR, because its message may quote upstream bytes (V8's
 * JSON.parse does) or internals. The original goes to the log without its
 * message, which could hold the same data.
 */
export function createFormatError(logger: Logger) {
  return (
    formatted: GraphQLFormattedError,
    error: unknown,
  ): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return formatted;
    }

    const code = formatted.extensions?.code;
    const isRequestError =
      original === error &&
      typeof code === "string" &&
      REQUEST_ERROR_CODES.has(code);
    if (isRequestError) {
      return withoutQuotedValue(formatted);
    }

    logger.error(
      { err: describeUnexpected(original), path: formatted.path },
      "unexpected error masked as INTERNAL_SERVER_ERROR",
    );
    const masked = internalServerError();
    return {
      message: masked.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: masked.code },
    };
  };
}

/** An error's type and stack frames, without its message. */
function describeUnexpected(error: unknown): { type: string; stack?: string } {
  if (!(error instanceof Error)) {
    return { type: typeof error };
  }
  const frames = error.stack?.split("\n").slice(1).join("\n");
  return { type: error.constructor.name, stack: frames };
}

/**
 * graphql-js quotes the value a client sent for a variable of the wrong
 * type (`Variable "$t" got invalid value {...}`); the message keeps the
 * variable's name and drops the value, which may be personal data.
 */
function withoutQuotedValue(
  formatted: GraphQLFormattedError,
): GraphQLFormattedError {
  const match = /^(Variable "\$\w+") got invalid value/.exec(formatted.message);
  return match === null
    ? formatted
    : { ...formatted, message: `${match[1]} got an invalid value.` };
}
