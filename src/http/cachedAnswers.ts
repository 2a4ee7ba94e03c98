import type { FastifyReply, FastifyRequest } from "fastify";

import type { TokenAudit } from "../audit/tokenAudit";
import type { CacheableAnswer } from "../graphql/RequestContext";
import type { Logger } from "../logging/logger";
import type { Metrics } from "../observability/metrics";
import type {
  AnswerCache,
  CachedAnswer,
} from "../services/answers/AnswerCache";
import { nextMidnightInChina } from "../services/normalize/dates";
import type { NfcDocumentData } from "../services/normalize/NfcDocumentData";

export interface CachedAnswersOptions {
  cache: AnswerCache;
  /** The document a token's answer shows, while it is cached. */
  cachedDocument(nfcToken: string): NfcDocumentData | undefined;
  audit: Pick<TokenAudit, "record">;
  metrics: Pick<
    Metrics,
    "graphqlOperations" | "answerCacheHits" | "answerCacheMisses"
  >;
}

/** The GraphQL route's three points of contact with the answer cache. */
export interface CachedAnswers {
  /**
   * Looks up the answer kept for a request, from its JSON body's text,
   * and says whether there is one: the body then need not be parsed. For
   * the body parser; credentials are checked by then.
   */
  lookUp(request: FastifyRequest, bodyText: string): boolean;
  /**
   * Sends the answer {@link lookUp} found, skipping Apollo, and says
   * whether it did: not if its document has left the cache since. For
   * the route's preHandler.
   */
  serve(request: FastifyRequest, reply: FastifyReply): boolean;
  /**
   * Keeps the bytes of an answer the GraphQL layer marked cacheable, for
   * a request that was looked up and not served.
   */
  keep(
    request: FastifyRequest,
    reply: FastifyReply,
    body: Buffer,
    answer: CacheableAnswer,
  ): void;
}

/** What {@link CachedAnswers.lookUp} found for one request. */
interface LookUp {
  key: string;
  answer: CachedAnswer | undefined;
}

/**
 * Serves repeated GraphQL requests from kept answers, with every effect
 * the full path has: the audit line of the pull, the operation metric, a
 * document cache hit. A request matches only the same JSON body text with
 * the same Accept header (which picks the answer's media type): the same
 * operation and variables, which passed every limit.
 *
 * An answer lives no longer than its token's document in the document
 * cache, which is checked on every hit, nor past midnight in China, when
 * `expired` may change; nothing about the asker is in it, since every
 * principal may read every token.
 */
export function createCachedAnswers(
  options: CachedAnswersOptions,
): CachedAnswers {
  const { cache } = options;
  // Each looked-up request's key and answer, for serve() and keep().
  const lookUps = new WeakMap<FastifyRequest, LookUp>();
  const miss = () => {
    options.metrics.answerCacheMisses.inc();
    return false;
  };
  return {
    lookUp(request, bodyText) {
      if (request.method !== "POST") {
        return false;
      }
      const key = answerKey(request, bodyText);
      const answer = cache.get(key);
      lookUps.set(request, { key, answer });
      return answer !== undefined;
    },

    serve(request, reply) {
      const lookUp = lookUps.get(request);
      if (lookUp === undefined) {
        // Not a JSON POST: Apollo's alone.
        return false;
      }
      const { key, answer } = lookUp;
      if (answer === undefined) {
        return miss();
      }
      const document = options.cachedDocument(answer.nfcToken);
      if (document === undefined) {
        // Its document expired or was evicted: the answer goes with it.
        cache.delete(key);
        return miss();
      }

      options.audit.record(
        request.principal ?? { kind: "anonymous" },
        request.log as Logger,
        answer.nfcToken,
        document,
      );
      options.metrics.graphqlOperations.inc({
        operationName: answer.operationName,
        outcome: "ok",
      });
      options.metrics.answerCacheHits.inc();
      void reply.header("content-type", answer.contentType).send(answer.body);
      return true;
    },

    keep(request, reply, body, answer) {
      const key = lookUps.get(request)?.key;
      const contentType = reply.getHeader("content-type");
      if (
        key === undefined ||
        reply.statusCode !== 200 ||
        typeof contentType !== "string"
      ) {
        return;
      }
      const { nfcToken, operationName, startedAt } = answer;
      cache.set(
        key,
        { nfcToken, operationName, body, contentType },
        nextMidnightInChina(startedAt),
      );
    },
  };
}

/**
 * The cache key of a GraphQL POST: the Accept header and the JSON body's
 * text. Bodies that differ only in spacing are kept apart, which costs
 * room, not answers. GET requests are left to Apollo; they are rare
 * outside Sandbox, and their query strings would need the same care.
 */
function answerKey(request: FastifyRequest, bodyText: string): string {
  return `${request.headers.accept ?? ""}\n${bodyText}`;
}
