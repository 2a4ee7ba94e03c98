import type { ApolloServerPlugin } from "@apollo/server";

import type { RequestContext } from "./RequestContext";

/**
 * Marks an answer the HTTP layer may keep whole: a single result, no
 * error at all, about exactly one token. Errors are never kept, because
 * most are about a moment (a timeout, a full queue) rather than the
 * token; answers about several tokens are left to Apollo, since keeping
 * one would have to follow several documents' lifetimes.
 */
export function cacheableAnswerPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = contextValue.now();
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const { answer } = contextValue;
          const { pulledTokens } = answer;
          const [nfcToken] = pulledTokens;
          const withoutErrors =
            response.body.kind === "single" &&
            response.body.singleResult.errors === undefined;
          const status = response.http.status ?? 200;
          if (
            !withoutErrors ||
            status !== 200 ||
            pulledTokens.size !== 1 ||
            nfcToken === undefined
          ) {
            return;
          }
          answer.cacheable = {
            nfcToken,
            operationName: operationName ?? null,
            startedAt,
          };
        },
      };
    },
  };
}
