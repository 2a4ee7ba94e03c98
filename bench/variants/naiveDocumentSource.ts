import type { NfcDocumentData } from "../../src/services/normalize/NfcDocumentData";
import { normalizeDocument } from "../../src/services/normalize/normalizeDocument";
import { createFaceIdGateway } from "../../src/services/tencent/FaceIdGateway";

/** Where a naive server gets a token's document from. */
export type DocumentSource = (nfcToken: string) => Promise<NfcDocumentData>;

const CALL_TIMEOUT_MS = 10_000;

/**
 * One upstream call per pull, through the SDK: no cache, no single flight,
 * no rate limiter, no retries. What a first implementation would do.
 */
export function upstreamSource(options: {
  endpoint: URL;
  credentials: { secretId: string; secretKey: string };
}): DocumentSource {
  const gateway = createFaceIdGateway({
    endpoint: options.endpoint,
    credentials: options.credentials,
    region: null,
    backstopTimeoutMs: CALL_TIMEOUT_MS,
  });
  return async (nfcToken) => {
    const result = await gateway.getWxNfcResult(
      nfcToken,
      AbortSignal.timeout(CALL_TIMEOUT_MS),
    );
    return normalizeDocument(nfcToken, result, {
      onUnreadableCheckMrtd: () => {},
    });
  };
}

/**
 * Documents pulled once at start-up and then served from a plain Map. For
 * cache-hit comparisons this is the fair opponent: the same warm data, so
 * that only the GraphQL and HTTP stack is measured.
 */
export async function memorySource(
  upstream: DocumentSource,
  nfcTokens: readonly string[],
): Promise<DocumentSource> {
  const documents = new Map<string, NfcDocumentData>();
  for (const nfcToken of nfcTokens) {
    documents.set(nfcToken, await upstream(nfcToken));
  }
  return (nfcToken) => {
    const document = documents.get(nfcToken);
    return document === undefined
      ? upstream(nfcToken)
      : Promise.resolve(document);
  };
}
