import { type ApiKeyDigest, apiKeyEntry } from "../auth/apiKeys";
import {
  boolean,
  ConfigProblem,
  httpUrl,
  integer,
  list,
  origin,
  type Parser,
  text,
} from "./parsers";

/** Where and how bearer JWTs are verified. */
export interface JwtSettings {
  /** The JSON Web Key Set that signs accepted tokens. */
  jwksUrl: URL;
  /** The `iss` claim every accepted token must carry. */
  issuer: string;
  /** The `aud` claim every accepted token must carry. */
  audience: string;
}

/** Limits on each GraphQL document, checked before it runs. */
export interface QueryLimits {
  /** Deepest field nesting; introspection is exempt. */
  maxDepth: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /** Highest cost in graphql-armor's model (objects 2, scalars 1). */
  maxCost: number;
  /** Most lexical tokens in a document; larger ones are not parsed. */
  maxTokens: number;
}

/** Who may call, from where, what they may send, and how the server stops. */
export interface SecurityConfig {
  /** Accepted API keys, as digests; empty accepts none. */
  apiKeys: readonly ApiKeyDigest[];
  /** JWT verification; null accepts no JWT. */
  jwt: JwtSettings | null;
  /** Key of the audit log's token hashes; null draws one per process. */
  auditSalt: string | null;
  /** Serve `/metrics` to anyone, not only to authenticated callers. */
  metricsPublic: boolean;
  /** Browser origins allowed by CORS; empty allows no cross-origin call. */
  corsOrigins: readonly string[];
  queryLimits: QueryLimits;
  /** Longest a stopping server waits for requests in flight. */
  shutdownGraceMs: number;
}

/** Reads one variable, recording a problem instead of throwing. */
export type ReadSetting = <T>(name: string, parse: Parser<T>, fallback: T) => T;

/** Audit salts shorter than this are too easy to brute-force. */
const MIN_AUDIT_SALT_LENGTH = 16;

/**
 * Reads the security settings. `problems` collects what is wrong, so that
 * the caller reports every mistake in one pass.
 */
export function readSecurityConfig(
  read: ReadSetting,
  production: boolean,
  problems: string[],
): SecurityConfig {
  // Frozen like the config around them: nothing may add a key later.
  return {
    apiKeys: Object.freeze(read("API_KEYS", list(apiKeyEntry), [])),
    jwt: readJwtSettings(read, production, problems),
    auditSalt: read<string | null>(
      "AUDIT_SALT",
      minLength(MIN_AUDIT_SALT_LENGTH),
      null,
    ),
    metricsPublic: read("METRICS_PUBLIC", boolean, false),
    corsOrigins: Object.freeze(read("CORS_ORIGINS", list(origin), [])),
    queryLimits: Object.freeze({
      maxDepth: read("GRAPHQL_MAX_DEPTH", integer(1, 100), 6),
      maxAliases: read("GRAPHQL_MAX_ALIASES", integer(15, 1000), 20),
      maxDirectives: read("GRAPHQL_MAX_DIRECTIVES", integer(0, 1000), 10),
      maxCost: read("GRAPHQL_MAX_COST", integer(1, 1_000_000), 5000),
      maxTokens: read("GRAPHQL_MAX_TOKENS", integer(100, 100_000), 2000),
    }),
    shutdownGraceMs: read("SHUTDOWN_GRACE_MS", integer(0, 10 * 60_000), 30_000),
  };
}

function readJwtSettings(
  read: ReadSetting,
  production: boolean,
  problems: string[],
): JwtSettings | null {
  const jwksUrl = read<URL | null>("AUTH_JWKS_URL", httpUrl, null);
  const issuer = read<string | null>("AUTH_ISSUER", text, null);
  const audience = read<string | null>("AUTH_AUDIENCE", text, null);

  // A token from any issuer or for any audience must never pass.
  if (jwksUrl === null || issuer === null || audience === null) {
    if (jwksUrl !== null || issuer !== null || audience !== null) {
      problems.push(
        "AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE must be set together",
      );
    }
    return null;
  }

  // Keys fetched in clear could be swapped on the way.
  if (production && jwksUrl.protocol !== "https:") {
    problems.push("AUTH_JWKS_URL must use https in production");
  }
  return Object.freeze({ jwksUrl, issuer, audience });
}

function minLength(length: number): Parser<string> {
  return (raw) => {
    const value = raw.trim();
    if (value.length < length) {
      throw new ConfigProblem(`must be at least ${length} characters`);
    }
    return value;
  };
}
