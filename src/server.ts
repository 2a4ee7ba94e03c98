import type { AddressInfo } from "node:net";

import { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import type { FastifyInstance } from "fastify";

import { createTokenAudit, type TokenAudit } from "./audit/tokenAudit";
import type { Config, TencentCredentials } from "./config/config";
import { buildGraphQLSchema } from "./graphql/buildGraphQLSchema";
import { cacheableAnswerPlugin } from "./graphql/cacheableAnswerPlugin";
import { createApolloServer } from "./graphql/createApolloServer";
import { createRequestContext } from "./graphql/createRequestContext";
import { type CachedAnswers, createCachedAnswers } from "./http/cachedAnswers";
import { addRoutes, createHttpServer } from "./http/createHttpServer";
import { closeConnectionsWhileDraining } from "./http/closeConnectionsWhileDraining";
import { addReadinessRoute } from "./http/healthRoutes";
import { addMetricsRoute } from "./http/metricsRoute";
import { secureHttpServer } from "./http/secureHttpServer";
import { ServerLifecycle } from "./lifecycle/ServerLifecycle";
import type { Logger } from "./logging/logger";
import { graphqlMetricsPlugin } from "./observability/graphqlMetricsPlugin";
import { createMetrics, type Metrics } from "./observability/metrics";
import { AnswerCache } from "./services/answers/AnswerCache";
import { DocumentCache } from "./services/documents/DocumentCache";
import {
  type FetchWxNfcResult,
  NfcDocumentService,
} from "./services/documents/NfcDocumentService";
import { createFaceIdGateway } from "./services/tencent/FaceIdGateway";
import { createResilientUpstream } from "./services/upstream/createResilientUpstream";

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
  /** Its phase: starting, ready, draining or stopped. */
  lifecycle: Pick<ServerLifecycle, "phase">;
  /**
   * Stops accepting, lets in-flight requests finish within the grace
   * period, then closes upstreams.
   */
  close(): Promise<void>;
}

/** How much longer the SDK's own timeout runs than our attempt's. */
const SDK_BACKSTOP_MARGIN_MS = 1000;

/** Wires the layers together and starts listening. */
export async function startServer(
  dependencies: ServerDependencies,
): Promise<RunningServer> {
  const { config, logger } = dependencies;
  const now = dependencies.now ?? Date.now;

  const metrics = createMetrics();

  // Upstream: the SDK's FaceID client behind rate limit, retries and breaker.
  const upstream = createResilientUpstream({
    gateway: createFaceIdGateway({
      endpoint: config.faceIdEndpoint,
      credentials: dependencies.credentials,
      region: config.region,
      backstopTimeoutMs: config.faceIdAttemptTimeoutMs + SDK_BACKSTOP_MARGIN_MS,
    }),
    limiter: {
      maxStarts: config.faceIdMaxRps,
      queueLimit: config.faceIdQueueLimit,
      queueTimeoutMs: config.faceIdQueueTimeoutMs,
    },
    retry: {
      maxAttempts: config.faceIdMaxAttempts,
      deadlineMs: config.faceIdDeadlineMs,
    },
    attemptTimeoutMs: config.faceIdAttemptTimeoutMs,
    breaker: {
      failureThreshold: config.faceIdBreakerFailures,
      cooldownMs: config.faceIdBreakerCooldownMs,
    },
    metrics,
    logger,
  });
  const fetchResult: FetchWxNfcResult = (nfcToken, requestLogger) =>
    upstream.fetch(nfcToken, undefined, requestLogger);

  // Services: one upstream pull per token, then served from memory.
  const cache = new DocumentCache({
    maxBytes: config.cacheMaxBytes,
    ttlMs: config.tokenTtlMs,
    events: {
      hit: () => metrics.cacheHits.inc(),
      miss: () => metrics.cacheMisses.inc(),
      evicted: () => metrics.cacheEvictions.inc(),
    },
  });
  metrics.cacheBytes.measure(() => cache.bytesHeld);
  const documents = new NfcDocumentService({
    fetchResult,
    cache,
    logger,
    onSingleFlightJoin: () => metrics.singleFlightJoins.inc(),
  });

  // GraphQL over HTTP: Apollo must start before its route is added.
  const app = createHttpServer({
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
  });
  await secureHttpServer(app, config);
  const apollo = createApolloServer({
    schema: buildGraphQLSchema(),
    logger,
    introspection: config.introspection,
    limits: config.queryLimits,
    maxTokensPerRequest: config.maxTokensPerRequest,
    plugins: [
      fastifyApolloDrainPlugin(app),
      graphqlMetricsPlugin(metrics),
      cacheableAnswerPlugin(),
    ],
  });
  await apollo.start();
  const audit = createTokenAudit({ salt: config.auditSalt, logger });
  const answers = createAnswerCache(config, { documents, audit, metrics, now });
  addRoutes(
    app,
    apollo,
    (request) =>
      createRequestContext(
        {
          documents,
          audit,
          maxTokensPerRequest: config.maxTokensPerRequest,
          now,
        },
        {
          id: request.id,
          log: request.log as Logger,
          // Null only where authentication is off or no operation can run.
          principal: request.principal ?? { kind: "anonymous" },
        },
      ),
    answers,
  );
  addMetricsRoute(app, metrics);
  const lifecycle = new ServerLifecycle({
    logger,
    graceMs: config.shutdownGraceMs,
  });
  addReadinessRoute(app, lifecycle);
  closeConnectionsWhileDraining(app, lifecycle);
  await app.listen({ port: config.port, host: config.host });
  lifecycle.markReady();

  return {
    app,
    url: baseUrl(app),
    lifecycle,
    close: () =>
      lifecycle.stop({
        closeHttp: () => app.close(),
        closeAllConnections: () => app.server.closeAllConnections(),
        closeUpstream: () => upstream.close(),
      }),
  };
}

/**
 * Whole answers kept for repeated requests, when both caches are on: an
 * answer is served only while its document is cached.
 */
function createAnswerCache(
  config: Pick<Config, "answerCacheMaxBytes" | "cacheMaxBytes">,
  dependencies: {
    documents: NfcDocumentService;
    audit: TokenAudit;
    metrics: Metrics;
    now: () => number;
  },
): CachedAnswers | null {
  if (config.answerCacheMaxBytes === 0 || config.cacheMaxBytes === 0) {
    return null;
  }
  const { documents, metrics } = dependencies;
  const cache = new AnswerCache({
    maxBytes: config.answerCacheMaxBytes,
    now: dependencies.now,
    events: { evicted: () => metrics.answerCacheEvictions.inc() },
  });
  metrics.answerCacheBytes.measure(() => cache.bytesHeld);
  return createCachedAnswers({
    cache,
    cachedDocument: (nfcToken) => documents.cachedDocument(nfcToken),
    audit: dependencies.audit,
    metrics,
  });
}

function baseUrl(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo;
  const host =
    address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
