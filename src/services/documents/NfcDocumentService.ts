import { nfcTokenNotFound } from "../../errors/catalog";
import { ErrorCode } from "../../errors/ErrorCode";
import { UpstreamError } from "../../errors/UpstreamError";
import type { Logger } from "../../logging/logger";
import type { NfcDocumentData } from "../normalize/NfcDocumentData";
import { normalizeDocument } from "../normalize/normalizeDocument";
import type { WxNfcResult } from "../tencent/WxNfcResult";
import type { CachedOutcome, DocumentCache } from "./DocumentCache";
import { SingleFlight } from "./SingleFlight";

/**
 * Fetches one token's raw result from the upstream, retries included,
 * logging through the logger of the request that asked for it.
 */
export type FetchWxNfcResult = (
  nfcToken: string,
  logger: Logger,
) => Promise<WxNfcResult>;

export interface NfcDocumentServiceOptions {
  fetchResult: FetchWxNfcResult;
  cache: DocumentCache;
  logger: Logger;
  /** Called when a caller joins a pull already under way. */
  onSingleFlightJoin?: () => void;
}

/**
 * Turns tokens into documents, reaching the upstream at most once per token:
 * a cached definitive answer is served from memory, and concurrent pulls of
 * a token share one upstream call.
 */
export class NfcDocumentService {
  readonly #fetchResult: FetchWxNfcResult;
  readonly #cache: DocumentCache;
  readonly #logger: Logger;
  readonly #inFlight: SingleFlight<CachedOutcome>;

  constructor(options: NfcDocumentServiceOptions) {
    this.#fetchResult = options.fetchResult;
    this.#cache = options.cache;
    this.#logger = options.logger;
    this.#inFlight = new SingleFlight(options.onSingleFlightJoin);
  }

  /**
   * The document for a valid token. Rejects with an UpstreamError when the
   * upstream does not know the token or cannot answer.
   */
  async load(
    nfcToken: string,
    logger: Logger = this.#logger,
  ): Promise<NfcDocumentData> {
    const outcome =
      this.#cache.get(nfcToken) ??
      (await this.#inFlight.run(nfcToken, () => this.#pull(nfcToken, logger)));

    if (outcome.kind === "tokenNotFound") {
      // A fresh error per caller: GraphQL errors carry their own path.
      throw nfcTokenNotFound(outcome.details);
    }
    return outcome.document;
  }

  /**
   * The document for `nfcToken` while the cache holds one, else
   * undefined; never reaches the upstream.
   */
  cachedDocument(nfcToken: string): NfcDocumentData | undefined {
    const outcome = this.#cache.getIfHeld(nfcToken);
    return outcome?.kind === "document" ? outcome.document : undefined;
  }

  /** One upstream pull; definitive outcomes are cached, others are not. */
  async #pull(nfcToken: string, logger: Logger): Promise<CachedOutcome> {
    let outcome: CachedOutcome;
    try {
      const result = await this.#fetchResult(nfcToken, logger);
      const document = normalizeDocument(nfcToken, result, {
        onUnreadableCheckMrtd: (problem) =>
          logger.warn(
            { problem, upstreamRequestId: result.RequestId },
            "upstream CheckMRTD could not be read; serving null",
          ),
      });
      outcome = { kind: "document", document };
    } catch (error) {
      if (!isTokenNotFound(error)) {
        throw error;
      }
      outcome = {
        kind: "tokenNotFound",
        details: {
          upstreamCode: error.upstreamCode,
          upstreamRequestId: error.upstreamRequestId,
        },
      };
    }

    this.#cache.set(nfcToken, outcome);
    return outcome;
  }
}

function isTokenNotFound(error: unknown): error is UpstreamError {
  return (
    error instanceof UpstreamError &&
    error.code === ErrorCode.NFC_TOKEN_NOT_FOUND
  );
}
