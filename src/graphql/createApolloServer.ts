import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";

import type { QueryLimits } from "../config/securityConfig";
import type { Logger } from "../logging/logger";
import { createFormatError } from "./formatError";
import { hideFieldSuggestionsPlugin, queryLimitRules } from "./queryLimits";
import type { RequestContext } from "./RequestContext";
import { queryOnlyPlugin } from "./queryOnlyPlugin";
import { tokenBudgetPlugin } from "./tokenBudgetPlugin";

export interface ApolloServerOptions {
  schema: GraphQLSchema;
  logger: Logger;
  /** Introspection, the Sandbox landing page and field suggestions. */
  introspection: boolean;
  /** Size and shape limits checked before an operation runs. */
  limits: QueryLimits;
  /** Most distinct tokens one operation may name. */
  maxTokensPerRequest: number;
  plugins?: ApolloServerPlugin<RequestContext>[];
}

/** The GraphQL engine: schema, limits, error masking, lifecycle plugins. */
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
    // A long document is cut off while parsing, answered 400.
    parseOptions: { maxTokens: options.limits.maxTokens },
    validationRules: queryLimitRules(options.limits),
    // One operation per request, so that every limit applies per request.
    allowBatchedHttpRequests: false,
    // A GET must carry a header a plain form or <img> cannot set.
    csrfPrevention: true,
    // The process entry stops the server; Apollo would re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      // Every answer is `no-store`: computing cache hints is wasted work.
      ApolloServerPluginCacheControlDisabled(),
      ...discoverabilityPlugins(options.introspection),
      queryOnlyPlugin<RequestContext>(),
      tokenBudgetPlugin<RequestContext>(options.maxTokensPerRequest),
      ...(options.plugins ?? []),
    ],
  });
}

/**
 * With introspection on, Sandbox at `GET /graphql` in every environment
 * (Apollo's production default would show a static page instead); with
 * it off, no landing page and no "Did you mean …?" hints either, since
 * they would reveal the schema field by field.
 */
function discoverabilityPlugins(
  introspection: boolean,
): ApolloServerPlugin<RequestContext>[] {
  if (introspection) {
    return [ApolloServerPluginLandingPageLocalDefault({ embed: true })];
  }
  return [
    ApolloServerPluginLandingPageDisabled(),
    hideFieldSuggestionsPlugin<RequestContext>(),
  ];
}
