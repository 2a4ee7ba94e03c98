import {
  ApolloServer,
  type ApolloServerOptions,
  type BaseContext,
} from "@apollo/server";

import { jitGateway } from "./jitGateway";

/*
 * Preloaded (`node -r`) into our unchanged server to measure one proposed
 * change: graphql-jit as the executor, through Apollo's gateway hook, with
 * every other option (plugins, validation rules, error formatting) as our
 * server sets it.
 */

class ApolloServerWithJit<
  TContext extends BaseContext,
> extends ApolloServer<TContext> {
  constructor(config: ApolloServerOptions<TContext>) {
    if (!("schema" in config) || config.schema === undefined) {
      throw new Error("withGraphqlJit expects a server built from a schema");
    }
    const { schema, ...options } = config;
    super({ ...options, gateway: jitGateway(schema) });
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
  ApolloServer: ApolloServerWithJit,
};
