import type { IncomingHttpHeaders } from "node:http";

import type { SecurityConfig } from "../config/securityConfig";
import { type ApiKeyMatcher, createApiKeyMatcher } from "./apiKeys";
import {
  createJwtVerifier,
  type JwtVerifier,
  looksLikeJwt,
} from "./createJwtVerifier";
import type { Principal } from "./Principal";
import { readPresentedCredential } from "./presentedCredential";

/** The outcome of authenticating one request. */
export type Authentication =
  | { readonly ok: true; readonly principal: Principal }
  /** `reason` is for the log: `missing`, `unknown_key` or a JWT code. */
  | { readonly ok: false; readonly reason: string };

/** Decides who sent a request from its headers. */
export interface Authenticator {
  /** False when nothing is configured: every request is anonymous. */
  readonly required: boolean;
  /**
   * Settles at once for an API key or no credential; only a JWT, whose
   * keys may have to be fetched, returns a promise. A promise per request
   * costs a measurable share of a cached answer's time (BENCHMARKS.md).
   */
  authenticate(
    headers: IncomingHttpHeaders,
  ): Authentication | Promise<Authentication>;
}

/**
 * Builds the authenticator from the configured API keys and JWT settings.
 * With neither configured, which only a non-production server allows,
 * every request passes as anonymous.
 */
export function createAuthenticator(
  config: Pick<SecurityConfig, "apiKeys" | "jwt">,
): Authenticator {
  const matchApiKey = createApiKeyMatcher(config.apiKeys);
  const verifyJwt = config.jwt === null ? null : createJwtVerifier(config.jwt);
  const required = config.apiKeys.length > 0 || verifyJwt !== null;

  return {
    required,
    authenticate(headers) {
      if (!required) {
        return { ok: true, principal: { kind: "anonymous" } };
      }
      const credential = readPresentedCredential(headers);
      if (credential === null) {
        return { ok: false, reason: "missing" };
      }

      // A key is checked first: it costs a hash, a JWT may cost a fetch.
      const byKey = checkApiKey(credential.value, matchApiKey);
      if (byKey.ok || credential.kind === "apiKey" || verifyJwt === null) {
        return byKey;
      }
      return checkJwt(credential.value, verifyJwt);
    },
  };
}

function checkApiKey(
  value: string,
  matchApiKey: ApiKeyMatcher,
): Authentication {
  const keyId = matchApiKey(value);
  return keyId === null
    ? { ok: false, reason: "unknown_key" }
    : { ok: true, principal: { kind: "apiKey", keyId } };
}

async function checkJwt(
  value: string,
  verifyJwt: JwtVerifier,
): Promise<Authentication> {
  if (!looksLikeJwt(value)) {
    return { ok: false, reason: "unknown_key" };
  }
  const check = await verifyJwt(value);
  return check.ok
    ? { ok: true, principal: { kind: "jwt", subject: check.subject } }
    : { ok: false, reason: check.reason };
}
