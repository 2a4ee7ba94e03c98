import {
  ApolloServer,
  type ApolloServerOptions,
  type BaseContext,
} from "@apollo/server";

/**
 * Replaces the ApolloServer class for every later `require` of
 * `@apollo/server`, so that a preload can change the options our unchanged
 * server constructs it with.
 */
export function replaceApolloServer(
  rewrite: (
    options: ApolloServerOptions<BaseContext>,
  ) => ApolloServerOptions<BaseContext>,
): void {
  class RewrittenApolloServer extends ApolloServer<BaseContext> {
    constructor(options: ApolloServerOptions<BaseContext>) {
      super(rewrite(options));
    }
  }

  const cached = require.cache[require.resolve("@apollo/server")];
  if (cached === undefined) {
    throw new Error("@apollo/server should be in the module cache by now");
  }
  // Its exports are getters that cannot be redefined, so copy them.
  cached.exports = {
    ...(cached.exports as object),
    __esModule: true,
    ApolloServer: RewrittenApolloServer,
  };
}
