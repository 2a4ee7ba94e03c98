import type { ApolloServerPlugin } from "@apollo/server";

import type { Metrics } from "./metrics";

/**
 * Counts GraphQL operations by name and outcome: `ok`, or the first error's
 * code. Both labels pass the metrics' guard, since names come from clients.
 */
export function graphqlMetricsPlugin<Context extends object>(
  metrics: Metrics,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName }) {
          const errors =
            response.body.kind === "single"
              ? response.body.singleResult.errors
              : undefined;
          const code = errors?.[0]?.extensions?.code;
          metrics.graphqlOperations.inc({
            operationName,
            outcome: errors === undefined ? "ok" : String(code ?? "error"),
          });
        },
      };
    },
  };
}
