import type { AddressInfo } from "node:net";

import { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import type { FastifyInstance } from "fastify";

import type { Config, TencentCredentials } from "./config/config";
import { buildGraphQLSchema } from "./graphql/buildGraphQLSchema";
import { createApolloServer } from "./graphql/createApolloServer";
import { createRequestContext } from "./graphql/createRequestContext";
import { addRoutes, createHttpServer } from "./http/createHttpServer";
import type { Logger } from "./logging/logger";
import { DocumentCache } from "./services/documents/DocumentCache";
import {
  type FetchWxNfcResult,
  NfcDocumentService,
} from "./services/documents/NfcDocumentService";
import { createFaceIdGateway } from "./services/tencent/FaceIdGateway";

export interface ServerDependencies {
  config: Readonly<Config>;
  /** The credentials to sign upstream calls with. */
  credentials: TencentCredentials;
  logger: Logger;
  /** The clock, in epoch milliseconds; injectable for tests. */
  now?: () => number;
}

/** A listening server and the way to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  /** The base URL it listens on, such as http://127.0.0.1:4000. */
  url: string;
  /** Stops accepting, lets in-flight requests finish, closes upstreams. */
  close(): Promise<void>;
}

/** The SDK's own timeout behind our per-call signal, in milliseconds. */
const SDK_BACKSTOP_TIMEOUT_MS = 30_000;

/** Per-call upstream timeout, in milliseconds. */
const UPSTREAM_TIMEOUT_MS = 10_000;

/** Wires the layers together and starts listening. */
export async function startServer(
  dependencies: ServerDependencies,
): Promise<RunningServer> {
  const { config, logger } = dependencies;
  const now = dependencies.now ?? Date.now;

  // Upstream: the SDK's FaceID client, one pooled agent per process.
  const gateway = createFaceIdGateway({
    endpoint: config.faceIdEndpoint,
    credentials: dependencies.credentials,
    region: config.region,
    backstopTimeoutMs: SDK_BACKSTOP_TIMEOUT_MS,
  });
  const fetchResult: FetchWxNfcResult = (nfcToken) =>
    gateway.getWxNfcResult(nfcToken, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS));

  // Services: one upstream pull per token, then served from memory.
  const cache = new DocumentCache({
    maxBytes: config.cacheMaxBytes,
    ttlMs: config.tokenTtlMs,
  });
  const documents = new NfcDocumentService({ fetchResult, cache, logger });

  // GraphQL over HTTP: Apollo must start before its route is added.
  const app = createHttpServer({
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
  });
  const apollo = createApolloServer({
    schema: buildGraphQLSchema(),
    logger,
    introspection: config.introspection,
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();
  addRoutes(app, apollo, (request) =>
    createRequestContext(
      { documents, maxTokensPerRequest: config.maxTokensPerRequest, now },
      { id: request.id, log: request.log as Logger },
    ),
  );
  await app.listen({ port: config.port, host: config.host });

  return {
    app,
    url: baseUrl(app),
    async close() {
      // Fastify's close drains Apollo through the drain plugin.
      await app.close();
      gateway.close();
    },
  };
}

function baseUrl(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo;
  const host =
    address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
