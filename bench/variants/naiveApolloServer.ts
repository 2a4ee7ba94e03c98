import "reflect-metadata";

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import Fastify from "fastify";

import { buildGraphQLSchema } from "../../src/graphql/buildGraphQLSchema";
import { choiceEnv, requiredEnv } from "./environment";
import { jitGateway } from "./jitGateway";
import { createNaiveContext, type NaiveContext } from "./naiveContext";
import {
  type DocumentSource,
  memorySource,
  upstreamSource,
} from "./naiveDocumentSource";
import { buildSdlSchema } from "./sdlSchema";

/*
 * A stock Apollo Server over the same schema, with a naive data source.
 * Environment, besides HOST, PORT, FACEID_ENDPOINT and the TENCENTCLOUD_
 * credentials, as our server reads them:
 *
 * - NAIVE_STACK: `standalone` (startStandaloneServer) or `fastify` (the
 *   same integration ours uses, with Fastify's logger off)
 * - NAIVE_SCHEMA: `type-graphql` (buildGraphQLSchema) or `sdl`
 * - NAIVE_EXECUTOR: `graphql-js` or `graphql-jit`
 * - NAIVE_SOURCE: `memory` (NAIVE_WARM_TOKENS pulled once at start-up,
 *   then a Map) or `upstream` (an SDK call on every pull)
 */

async function main(): Promise<void> {
  const stack = choiceEnv("NAIVE_STACK", ["standalone", "fastify"]);
  const source = await createSource();
  const context = async () => createNaiveContext(source);
  const apollo = createApollo();
  const host = requiredEnv("HOST");
  const port = Number(requiredEnv("PORT"));

  if (stack === "standalone") {
    await startStandaloneServer(apollo, { listen: { host, port }, context });
    return;
  }
  const app = Fastify({ logger: false });
  await apollo.start();
  app.route({
    method: ["GET", "POST"],
    url: "/graphql",
    handler: fastifyApolloHandler(apollo, { context }),
  });
  await app.listen({ host, port });
}

async function createSource(): Promise<DocumentSource> {
  const upstream = upstreamSource({
    endpoint: new URL(requiredEnv("FACEID_ENDPOINT")),
    credentials: {
      secretId: requiredEnv("TENCENTCLOUD_SECRET_ID"),
      secretKey: requiredEnv("TENCENTCLOUD_SECRET_KEY"),
    },
  });
  if (choiceEnv("NAIVE_SOURCE", ["memory", "upstream"]) === "upstream") {
    return upstream;
  }
  const tokens = (process.env.NAIVE_WARM_TOKENS ?? "").split(",");
  return memorySource(upstream, tokens.filter(Boolean));
}

function createApollo(): ApolloServer<NaiveContext> {
  const schema =
    choiceEnv("NAIVE_SCHEMA", ["type-graphql", "sdl"]) === "sdl"
      ? buildSdlSchema()
      : buildGraphQLSchema();
  if (
    choiceEnv("NAIVE_EXECUTOR", ["graphql-js", "graphql-jit"]) === "graphql-jit"
  ) {
    return new ApolloServer<NaiveContext>({ gateway: jitGateway(schema) });
  }
  return new ApolloServer<NaiveContext>({ schema });
}

main().catch((error: unknown) => {
  process.stderr.write(`naive server failed: ${String(error)}\n`);
  process.exit(1);
});
