import { createHmac, randomBytes } from "node:crypto";

import { LRUCache } from "lru-cache";

import { describePrincipal, type Principal } from "../auth/Principal";
import { AppError } from "../errors/AppError";
import { ErrorCode } from "../errors/ErrorCode";
import { UpstreamError } from "../errors/UpstreamError";
import type { Logger } from "../logging/logger";
import type { NfcDocumentData } from "../services/normalize/NfcDocumentData";

/**
 * Settles one token's pull into its document or an Error, writing the
 * audit line on the way.
 */
export type AuditedPull = (
  nfcToken: string,
  pending: Promise<NfcDocumentData>,
) => Promise<NfcDocumentData | Error>;

/** The audit trail of token pulls: who pulled which token, and the result. */
export interface TokenAudit {
  /** The pull recorder for one request, by one principal. */
  forRequest(principal: Principal, logger: Logger): AuditedPull;
  /** Writes the audit line of a pull that has already settled. */
  record(
    principal: Principal,
    logger: Logger,
    nfcToken: string,
    result: NfcDocumentData | Error,
  ): void;
}

/** Tokens whose hashes are remembered; each costs about 200 bytes. */
const RECENT_HASHES = 4096;

/** An NFC token's documented lifetime. */
const TOKEN_LIFETIME_MS = 10 * 60 * 1000;

/** Marks audit lines, so that they can be routed and kept apart. */
export const AUDIT_EVENT = "nfc_token_pull";

/**
 * Builds the audit trail. Each pulled token gets one structured line at
 * info level: who (`key:<id>`, `jwt:<subject>` or `anonymous`), the
 * token's HMAC-SHA256 under `salt` (never the token), the outcome code and
 * the upstream RequestId. Documents and personal data never appear.
 *
 * @param salt the HMAC key; null draws a random one for this process, so
 *   hashes then match only within one process's lifetime.
 */
export function createTokenAudit(options: {
  salt: string | null;
  logger: Logger;
}): TokenAudit {
  const key = options.salt ?? randomBytes(32).toString("hex");
  if (options.salt === null) {
    options.logger.warn(
      "AUDIT_SALT is not set: audit token hashes use a random salt and " +
        "match only within this process; set it to correlate across " +
        "restarts and instances.",
    );
  }
  // A console polls the same few tokens, and an HMAC's set-up costs a
  // tenth of a kept answer's time: remember the latest tokens' hashes.
  // No longer than a token lives, though: tokens are credentials.
  const recentHashes = new LRUCache<string, string>({
    max: RECENT_HASHES,
    ttl: TOKEN_LIFETIME_MS,
  });
  const hashToken = (token: string) => {
    let hash = recentHashes.get(token);
    if (hash === undefined) {
      hash = createHmac("sha256", key).update(token, "utf8").digest("hex");
      recentHashes.set(token, hash);
    }
    return hash;
  };

  const writeLine = (
    who: string,
    logger: Logger,
    nfcToken: string,
    result: NfcDocumentData | Error,
  ) =>
    logger.info(
      {
        event: AUDIT_EVENT,
        who,
        tokenHash: hashToken(nfcToken),
        ...describeOutcome(result),
      },
      "audit: nfc token pulled",
    );

  return {
    forRequest(principal, logger) {
      const who = describePrincipal(principal);
      return async (nfcToken, pending) => {
        const result = await pending.catch(asError);
        writeLine(who, logger, nfcToken, result);
        return result;
      };
    },
    record(principal, logger, nfcToken, result) {
      writeLine(describePrincipal(principal), logger, nfcToken, result);
    },
  };
}

/** The outcome code and upstream RequestId of a pull, nothing more. */
function describeOutcome(result: NfcDocumentData | Error): {
  outcome: string;
  upstreamRequestId: string | null;
} {
  if (!(result instanceof Error)) {
    return { outcome: result.resultCode, upstreamRequestId: result.requestId };
  }
  return {
    outcome:
      result instanceof AppError
        ? result.code
        : ErrorCode.INTERNAL_SERVER_ERROR,
    upstreamRequestId:
      result instanceof UpstreamError
        ? (result.upstreamRequestId ?? null)
        : null,
  };
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error("non-error rejection");
}
