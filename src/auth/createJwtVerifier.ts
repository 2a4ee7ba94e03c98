import { createRemoteJWKSet, errors, jwtVerify } from "jose";

import type { JwtSettings } from "../config/securityConfig";

/** The outcome of checking one JWT. */
export type JwtCheck =
  | { readonly ok: true; readonly subject: string }
  /** `reason` is jose's error code, such as `ERR_JWT_EXPIRED`. */
  | { readonly ok: false; readonly reason: string };

/** Checks a compact JWT against the configured JWKS, issuer and audience. */
export type JwtVerifier = (token: string) => Promise<JwtCheck>;

/*
 * Asymmetric algorithms only: a JWKS publishes public keys, and accepting
 * HMAC would let anyone who can read the JWKS sign tokens.
 */
const ACCEPTED_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
];

/** How long a JWKS fetch may take before the request is refused. */
const JWKS_TIMEOUT_MS = 5000;

/** Fewer refetches when an unknown `kid` arrives again and again. */
const JWKS_COOLDOWN_MS = 30_000;

/** Keys are refetched at least this often, so rotations take effect. */
const JWKS_MAX_AGE_MS = 10 * 60_000;

/** Tolerated clock skew between the issuer and this server, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Builds the JWT check on jose's remote key set, which caches the keys and
 * refetches them when a token names an unknown key id. A token passes only
 * with a valid signature, the configured issuer and audience, a subject
 * and an expiry that has not passed.
 */
export function createJwtVerifier(settings: JwtSettings): JwtVerifier {
  const keys = createRemoteJWKSet(settings.jwksUrl, {
    timeoutDuration: JWKS_TIMEOUT_MS,
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_MAX_AGE_MS,
  });

  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ["sub", "exp"],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return { ok: true, subject: String(payload.sub) };
    } catch (error) {
      // jose's codes name the failed check without quoting the token.
      if (error instanceof errors.JOSEError) {
        return { ok: false, reason: error.code };
      }
      return { ok: false, reason: "ERR_JWT_UNREADABLE" };
    }
  };
}

/** A compact JWS has three base64url parts; anything else is no JWT. */
export function looksLikeJwt(value: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value);
}
