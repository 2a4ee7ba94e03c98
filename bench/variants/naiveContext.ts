import DataLoader from "dataloader";

import type { RequestContext } from "../../src/graphql/RequestContext";
import type { NfcDocumentData } from "../../src/services/normalize/NfcDocumentData";
import type { DocumentSource } from "./naiveDocumentSource";

/** The part of our request context that the resolvers read. */
export type NaiveContext = Pick<
  RequestContext,
  "loaders" | "maxTokensPerRequest" | "now"
>;

/** Our default limit, so that both servers accept the same operations. */
const MAX_TOKENS_PER_REQUEST = 50;

/**
 * A context for the naive servers: a per-request DataLoader, as any
 * GraphQL server with list fields would have, straight over `source`.
 */
export function createNaiveContext(source: DocumentSource): NaiveContext {
  return {
    loaders: {
      nfcDocument: new DataLoader<string, NfcDocumentData>((tokens) =>
        Promise.all(tokens.map((token) => source(token).catch(asError))),
      ),
    },
    maxTokensPerRequest: MAX_TOKENS_PER_REQUEST,
    now: Date.now,
  };
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
