import type DataLoader from "dataloader";

import type { Principal } from "../auth/Principal";
import type { Logger } from "../logging/logger";
import type { NfcDocumentData } from "../services/normalize/NfcDocumentData";

/** What every resolver of one GraphQL request shares. */
export interface RequestContext {
  /** The HTTP request's id, on every log line it causes. */
  requestId: string;
  /** Who sent the request, as authentication established. */
  principal: Principal;
  logger: Logger;
  /** Per-request loaders: aliases and list entries of a token share one. */
  loaders: {
    nfcDocument: DataLoader<string, NfcDocumentData>;
  };
  /** Most tokens one `nfcDocuments` list may hold. */
  maxTokensPerRequest: number;
  /** The clock, in epoch milliseconds; injectable for tests. */
  now: () => number;
  /**
   * What the answer is about, shared by reference: Apollo runs each
   * operation on a shallow copy of the context, so that fields set on the
   * copy never reach the HTTP layer.
   */
  answer: AnswerFacts;
}

/** Facts the GraphQL layer gathers for the HTTP layer's answer cache. */
export interface AnswerFacts {
  /** Every distinct token this request asked the document service for. */
  readonly pulledTokens: Set<string>;
  /**
   * Set when the answer may be kept whole and served again: it holds no
   * error and shows exactly one token's document.
   */
  cacheable: CacheableAnswer | null;
}

/** What the HTTP layer needs to keep an answer and replay its effects. */
export interface CacheableAnswer {
  nfcToken: string;
  operationName: string | null;
  /**
   * When the operation started, on the context's clock: what the answer
   * says about dates (`expired`) holds until the next midnight in China
   * after it.
   */
  startedAt: number;
}
