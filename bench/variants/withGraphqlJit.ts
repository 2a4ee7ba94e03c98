import { jitGateway } from "./jitGateway";
import { replaceApolloServer } from "./replaceApolloServer";

/*
 * Preloaded (`node -r`) into our unchanged server to measure one proposed
 * change: graphql-jit as the executor, through Apollo's gateway hook, with
 * every other option (plugins, validation rules, error formatting) as our
 * server sets it.
 */

replaceApolloServer((options) => {
  if (!("schema" in options) || options.schema === undefined) {
    throw new Error("withGraphqlJit expects a server built from a schema");
  }
  const { schema, ...rest } = options;
  return { ...rest, gateway: jitGateway(schema) };
});
