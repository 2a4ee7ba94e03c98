import { hash, timingSafeEqual } from "node:crypto";

import { ConfigProblem, type Parser } from "../config/parsers";

/**
 * A configured API key, kept only as its SHA-256 digest: the clear key is
 * never stored, logged or compared directly.
 */
export interface ApiKeyDigest {
  /** The first 8 hex characters of the digest: safe to log. */
  readonly keyId: string;
  /** The full SHA-256 digest, 64 lowercase hex characters. */
  readonly sha256Hex: string;
}

/** Clear keys shorter than this are refused as too easy to guess. */
export const MIN_API_KEY_LENGTH = 16;

const DIGEST_PREFIX = "sha256:";

/** The SHA-256 digest of a text, as lowercase hex. */
export function sha256Hex(text: string): string {
  return hash("sha256", text, "hex");
}

/**
 * Reads one `API_KEYS` entry: the key itself, or `sha256:<hex digest>` so
 * that a deployment need not hold its keys in clear.
 */
export const apiKeyEntry: Parser<ApiKeyDigest> = (raw) => {
  const entry = raw.trim();
  if (entry.startsWith(DIGEST_PREFIX)) {
    const hex = entry.slice(DIGEST_PREFIX.length).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw new ConfigProblem(
        "has a sha256: entry that is not 64 hexadecimal characters",
      );
    }
    return digestOf(hex);
  }
  if (entry.length < MIN_API_KEY_LENGTH || /\s/.test(entry)) {
    throw new ConfigProblem(
      `has a key shorter than ${MIN_API_KEY_LENGTH} characters or with spaces`,
    );
  }
  return digestOf(sha256Hex(entry));
};

/** Finds which configured key a client presented: its id, or null. */
export type ApiKeyMatcher = (presented: string) => string | null;

/**
 * Builds the check of presented keys against the configured ones. Both
 * sides are SHA-256 digests of equal length compared with
 * `timingSafeEqual`, and every configured key is compared, so the time
 * taken tells nothing about how much of a key matched or which one did.
 */
export function createApiKeyMatcher(
  keys: readonly ApiKeyDigest[],
): ApiKeyMatcher {
  // Decoded once here: a request's check is then one hash and the compares.
  const digests = keys.map((key) => ({
    keyId: key.keyId,
    digest: Buffer.from(key.sha256Hex, "hex"),
  }));
  return (presented) => {
    // The one-shot hash: half the cost of a Hash object on every request.
    const candidate = hash("sha256", presented, "buffer");
    let match: string | null = null;
    for (const key of digests) {
      const equal = timingSafeEqual(candidate, key.digest);
      if (equal && match === null) {
        match = key.keyId;
      }
    }
    return match;
  };
}

function digestOf(hex: string): ApiKeyDigest {
  return { keyId: hex.slice(0, 8), sha256Hex: hex };
}
