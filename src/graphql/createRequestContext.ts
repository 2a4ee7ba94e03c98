import DataLoader from "dataloader";

import type { Logger } from "../logging/logger";
import type { NfcDocumentService } from "../services/documents/NfcDocumentService";
import type { NfcDocumentData } from "../services/normalize/NfcDocumentData";
import type { RequestContext } from "./RequestContext";

export interface RequestContextDependencies {
  documents: NfcDocumentService;
  maxTokensPerRequest: number;
  now: () => number;
}

/**
 * A fresh context per GraphQL request. Its loader dedupes a token across
 * aliases and list entries of one operation; the service behind it dedupes
 * across requests.
 */
export function createRequestContext(
  dependencies: RequestContextDependencies,
  request: { id: string; log: Logger },
): RequestContext {
  const { documents } = dependencies;
  const nfcDocument = new DataLoader<string, NfcDocumentData>((tokens) =>
    // One value or Error per key, in key order, so that a failed token
    // fails only its own field.
    Promise.all(
      tokens.map((token) => documents.load(token, request.log).catch(asError)),
    ),
  );

  return {
    requestId: request.id,
    logger: request.log,
    loaders: { nfcDocument },
    maxTokensPerRequest: dependencies.maxTokensPerRequest,
    now: dependencies.now,
  };
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error("non-error rejection");
}
