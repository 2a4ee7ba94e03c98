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
}
