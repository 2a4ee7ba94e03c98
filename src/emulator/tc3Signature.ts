import { createHash, createHmac } from "node:crypto";

/** The parts of a `TC3-HMAC-SHA256` Authorization header. */
export interface Tc3Authorization {
  readonly secretId: string;
  /** The credential scope's date, `YYYY-MM-DD` in UTC. */
  readonly date: string;
  /** The credential scope's service; the SDK uses the host's first label. */
  readonly service: string;
  readonly signedHeaders: string;
  /** 64 lowercase hex digits. */
  readonly signature: string;
}

/** What the canonical request is built from, as the SDK builds it. */
export interface CanonicalRequestParts {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly contentType: string;
  /** The host name without a port, which is what the SDK signs. */
  readonly hostname: string;
  readonly body: Buffer;
}

const AUTHORIZATION_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/**
 * Splits an Authorization header into its parts, or returns undefined when
 * it does not have the exact shape the SDK writes.
 */
export function parseTc3Authorization(
  header: string,
): Tc3Authorization | undefined {
  const match = AUTHORIZATION_PATTERN.exec(header);
  if (match === null) {
    return undefined;
  }
  const [, secretId, date, service, signedHeaders, signature] = match;
  return { secretId, date, service, signedHeaders, signature };
}

/**
 * The canonical request of TC3-HMAC-SHA256 with `content-type;host` signed,
 * following `sign3` in the SDK's `common/sign.js`.
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method,
    parts.path,
    parts.query,
    `content-type:${parts.contentType}\nhost:${parts.hostname}\n`,
    "content-type;host",
    sha256Hex(parts.body),
  ].join("\n");
}

/**
 * The hex signature of a canonical request: the string to sign is keyed by
 * a chain of HMACs over the date, the service and the literal `tc3_request`.
 */
export function tc3Signature(input: {
  readonly secretKey: string;
  readonly timestamp: number;
  readonly service: string;
  readonly canonicalRequest: string;
}): string {
  const date = utcDate(input.timestamp);
  const stringToSign = [
    "TC3-HMAC-SHA256",
    String(input.timestamp),
    `${date}/${input.service}/tc3_request`,
    sha256Hex(input.canonicalRequest),
  ].join("\n");
  const dateKey = hmac(`TC3${input.secretKey}`, date);
  const serviceKey = hmac(dateKey, input.service);
  const signingKey = hmac(serviceKey, "tc3_request");
  return createHmac("sha256", signingKey).update(stringToSign).digest("hex");
}

/** The UTC calendar date of a Unix time in seconds, as `YYYY-MM-DD`. */
export function utcDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, message: string): Buffer {
  return createHmac("sha256", key).update(message).digest();
}
