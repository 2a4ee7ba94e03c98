import {
  baseUrl,
  boolean,
  ConfigProblem,
  integer,
  oneOf,
  text,
} from "./parsers";
import type { Parser } from "./parsers";
import { readSecurityConfig, type SecurityConfig } from "./securityConfig";

const LOG_LEVELS = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
] as const;

/** Tencent Cloud API credentials; absent means "use the emulator". */
export interface TencentCredentials {
  secretId: string;
  secretKey: string;
}

/** The server's whole configuration, validated once and frozen. */
export interface Config extends SecurityConfig {
  production: boolean;
  host: string;
  port: number;
  credentials: TencentCredentials | null;
  region: string | null;
  faceIdEndpoint: URL;
  /** How long a token's document is kept after its first pull. */
  tokenTtlMs: number;
  /** Upper bound of the document cache, in bytes of document text. */
  cacheMaxBytes: number;
  /** Upper bound of the cache of whole answers, in bytes; 0 turns it off. */
  answerCacheMaxBytes: number;
  /** Most distinct tokens one GraphQL operation may ask for. */
  maxTokensPerRequest: number;
  /** Introspection and the Apollo Sandbox landing page. */
  introspection: boolean;
  /** Largest HTTP request body accepted, in bytes. */
  bodyLimitBytes: number;
  logLevel: (typeof LOG_LEVELS)[number];
  logPretty: boolean;
  /** Most upstream attempts started in any one second (Tencent: 20). */
  faceIdMaxRps: number;
  /** Most calls waiting for upstream budget; past it they are refused. */
  faceIdQueueLimit: number;
  /** Longest a call waits for upstream budget. */
  faceIdQueueTimeoutMs: number;
  /** Longest one upstream attempt may take. */
  faceIdAttemptTimeoutMs: number;
  /** Upstream attempts per call, the first included. */
  faceIdMaxAttempts: number;
  /** Longest a whole upstream call may take, retries included. */
  faceIdDeadlineMs: number;
  /** Consecutive failed upstream calls that open the circuit breaker. */
  faceIdBreakerFailures: number;
  /** How long the open circuit breaker fails fast before a probe. */
  faceIdBreakerCooldownMs: number;
}

/**
 * The longest upstream deadline allowed: well under the 30 s a stopping
 * server grants requests in flight, so none is cut off mid-call.
 */
export const MAX_FACEID_DEADLINE_MS = 20_000;

export const DEFAULT_FACEID_ENDPOINT =
  "https://faceid.intl.tencentcloudapi.com";

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the configuration from `env`. Every wrong value is
 * reported at once, each on its own line, so an operator fixes them in one
 * pass; secrets are never echoed.
 */
export function loadConfig(env: Environment = process.env): Readonly<Config> {
  const problems: string[] = [];

  // Read one variable, recording a problem instead of throwing.
  function read<T>(name: string, parse: Parser<T>, fallback: T): T {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") {
      return fallback;
    }
    try {
      return parse(raw);
    } catch (error) {
      if (!(error instanceof ConfigProblem)) {
        throw error;
      }
      problems.push(`${name} ${error.message}`);
      return fallback;
    }
  }

  const production = env.NODE_ENV === "production";
  const config: Config = {
    production,
    host: read("HOST", text, "127.0.0.1"),
    port: read("PORT", integer(0, 65535), 4000),
    credentials: readCredentials(env, problems),
    region: read<string | null>("TENCENTCLOUD_REGION", text, null),
    faceIdEndpoint: read(
      "FACEID_ENDPOINT",
      baseUrl,
      new URL(DEFAULT_FACEID_ENDPOINT),
    ),
    tokenTtlMs: read("NFC_TOKEN_TTL_SECONDS", integer(1, 86_400), 600) * 1000,
    cacheMaxBytes: read("CACHE_MAX_BYTES", integer(0, 2 ** 40), 64 * 2 ** 20),
    answerCacheMaxBytes: read(
      "ANSWER_CACHE_MAX_BYTES",
      integer(0, 2 ** 40),
      16 * 2 ** 20,
    ),
    maxTokensPerRequest: read("MAX_TOKENS_PER_REQUEST", integer(1, 1000), 50),
    // Sandbox works out of the box in development, never by accident in
    // production.
    introspection: read("GRAPHQL_INTROSPECTION", boolean, !production),
    bodyLimitBytes: read("BODY_LIMIT_BYTES", integer(1024, 2 ** 24), 102_400),
    logLevel: read("LOG_LEVEL", oneOf(LOG_LEVELS), "info"),
    logPretty: read("LOG_PRETTY", boolean, false),
    faceIdMaxRps: read("FACEID_MAX_RPS", integer(1, 1000), 20),
    faceIdQueueLimit: read("FACEID_QUEUE_LIMIT", integer(0, 100_000), 500),
    faceIdQueueTimeoutMs: read(
      "FACEID_QUEUE_TIMEOUT_MS",
      integer(0, MAX_FACEID_DEADLINE_MS),
      5000,
    ),
    faceIdAttemptTimeoutMs: read(
      "FACEID_ATTEMPT_TIMEOUT_MS",
      integer(100, MAX_FACEID_DEADLINE_MS),
      3000,
    ),
    faceIdMaxAttempts: read("FACEID_MAX_ATTEMPTS", integer(1, 10), 4),
    faceIdDeadlineMs: read(
      "FACEID_DEADLINE_MS",
      integer(100, MAX_FACEID_DEADLINE_MS),
      10_000,
    ),
    faceIdBreakerFailures: read("FACEID_BREAKER_FAILURES", integer(1, 1000), 5),
    faceIdBreakerCooldownMs: read(
      "FACEID_BREAKER_COOLDOWN_MS",
      integer(100, 600_000),
      10_000,
    ),
    ...readSecurityConfig(read, production, problems),
  };

  // An attempt may not outlast the call it belongs to.
  if (config.faceIdAttemptTimeoutMs > config.faceIdDeadlineMs) {
    problems.push(
      "FACEID_ATTEMPT_TIMEOUT_MS must not exceed FACEID_DEADLINE_MS",
    );
  }

  if (problems.length > 0) {
    throw new ConfigProblem(
      `Invalid configuration:\n${problems.map((p) => `- ${p}`).join("\n")}`,
    );
  }
  return Object.freeze(config);
}

function readCredentials(
  env: Environment,
  problems: string[],
): TencentCredentials | null {
  const secretId = env.TENCENTCLOUD_SECRET_ID?.trim() ?? "";
  const secretKey = env.TENCENTCLOUD_SECRET_KEY?.trim() ?? "";
  if (secretId === "" && secretKey === "") {
    return null;
  }
  if (secretId === "" || secretKey === "") {
    problems.push(
      "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set together",
    );
    return null;
  }
  return { secretId, secretKey };
}
