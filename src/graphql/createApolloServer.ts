import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import type { GraphQLSchema } from "graphql";

import type { Logger } from "../logging/logger";
import { createFormatError } from "./formatError";
import type { RequestContext } from "./RequestContext";

export interface ApolloServerOptions {
  schema: GraphQLSchema;
  logger: Logger;
  /** Introspection and the Sandbox landing page. */
  introspection: boolean;
  plugins?: ApolloServerPlugin<RequestContext>[];
}

/** The GraphQL engine: schema, error masking and lifecycle plugins. */
export function createApolloServer(
  options: ApolloServerOptions,
): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema: options.schema,
    logger: options.logger,
    introspection: options.introspection,
    formatError: createFormatError(options.logger),
    // Stack traces belong in the log, never in a response.
    includeStacktraceInErrorResponses: false,
    plugins: options.plugins ?? [],
  });
}
