import DataLoader from "dataloader";

import type { TokenAudit } from "../audit/tokenAudit";
import type { Principal } from "../auth/Principal";
import type { Logger } from "../logging/logger";
import type { NfcDocumentService } from "../services/documents/NfcDocumentService";
import type { NfcDocumentData } from "../services/normalize/NfcDocumentData";
import type { RequestContext } from "./RequestContext";

export interface RequestContextDependencies {
  documents: NfcDocumentService;
  /** Writes one audit line per token this request pulls. */
  audit: TokenAudit;
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
  request: { id: string; log: Logger; principal: Principal },
): RequestContext {
  const { documents } = dependencies;
  const pull = dependencies.audit.forRequest(request.principal, request.log);
  const pulledTokens = new Set<string>();
  const nfcDocument = new DataLoader<string, NfcDocumentData>((tokens) =>
    // One value or Error per key, in key order, so that a failed token
    // fails only its own field; each is audited as it settles.
    Promise.all(
      tokens.map((token) => {
        pulledTokens.add(token);
        return pull(token, documents.load(token, request.log));
      }),
    ),
  );

  return {
    requestId: request.id,
    principal: request.principal,
    logger: request.log,
    loaders: { nfcDocument },
    maxTokensPerRequest: dependencies.maxTokensPerRequest,
    now: dependencies.now,
    answer: { pulledTokens, cacheable: null },
  };
}
