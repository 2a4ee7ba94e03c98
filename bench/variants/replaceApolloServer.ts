// Loaded for its side effect: the module must be in the cache to replace.
import "@apollo/server";

import type {
  ApolloServer,
  ApolloServerOptions,
  BaseContext,
} from "@apollo/server";

type ApolloServerClass = typeof ApolloServer<BaseContext>;

/**
 * Replaces the ApolloServer class for every later `require` of
 * `@apollo/server`, so that a preload can change the options our unchanged
 * server constructs it with. The class extended is the one in place when
 * this is called, so that several preloads stack.
 */
export function replaceApolloServer(
  rewrite: (
    options: ApolloServerOptions<BaseContext>,
  ) => ApolloServerOptions<BaseContext>,
): void {
  const cached = require.cache[require.resolve("@apollo/server")];
  if (cached === undefined) {
    throw new Error("@apollo/server should be in the module cache by now");
  }
  const exports = cached.exports as { ApolloServer: ApolloServerClass };

  class RewrittenApolloServer extends exports.ApolloServer {
    constructor(options: ApolloServerOptions<BaseContext>) {
      super(rewrite(options));
    }
  }
  // Its exports are getters that cannot be redefined, so copy them.
  cached.exports = {
    ...exports,
    __esModule: true,
    ApolloServer: RewrittenApolloServer,
  };
}
