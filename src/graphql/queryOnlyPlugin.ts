import type { ApolloServerPlugin } from "@apollo/server";

import { onlyQueriesSupported } from "../errors/catalog";

/**
 * Refuses mutations and subscriptions before execution. The schema defines
 * neither, but graphql-js validation does not check for a missing root
 * type: execution would throw, and the error would be masked as internal.
 */
export function queryOnlyPlugin<
  Context extends object,
>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation !== undefined && operation.operation !== "query") {
            throw onlyQueriesSupported();
          }
        },
      };
    },
  };
}
