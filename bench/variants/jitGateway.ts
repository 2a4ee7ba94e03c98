import type {
  ApolloServerOptionsWithGateway,
  BaseContext,
} from "@apollo/server";
import { type GraphQLSchema, printSchema } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type SchemaListener = Parameters<Gateway["onSchemaLoadOrUpdate"]>[0];

/** Compiled operations kept; the benchmark sends one or two. */
const MAX_COMPILED_OPERATIONS = 100;

/**
 * Apollo Server with graphql-jit as its executor, through the gateway hook
 * that Apollo Federation's gateway uses: Apollo still parses and validates
 * (with its document cache), then hands each operation to a function
 * graphql-jit compiled once per distinct document.
 */
export function jitGateway(schema: GraphQLSchema): Gateway {
  const compiled = new Map<string, CompiledQuery>();
  let listener: SchemaListener | null = null;

  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => (listener = null);
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return {
        async executor(requestContext) {
          let query = compiled.get(requestContext.queryHash);
          if (query === undefined) {
            const result = compileQuery(
              schema,
              requestContext.document,
              requestContext.operationName ?? undefined,
            );
            if (!isCompiledQuery(result)) {
              return result;
            }
            query = result;
            if (compiled.size < MAX_COMPILED_OPERATIONS) {
              compiled.set(requestContext.queryHash, query);
            }
          }
          return query.query(
            undefined,
            requestContext.context,
            requestContext.request.variables ?? {},
          );
        },
      };
    },
    async stop() {},
  };
}
