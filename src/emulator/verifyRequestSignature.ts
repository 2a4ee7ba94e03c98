import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

import type { ApiError } from "./apiErrors";
import { API_ERRORS } from "./apiErrors";
import { MAX_CLOCK_SKEW_SECONDS } from "./defaults";
import {
  canonicalRequest,
  parseTc3Authorization,
  tc3Signature,
  utcDate,
} from "./tc3Signature";

/** What signature verification reads from an HTTP request. */
export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * Checks a request's TC3-HMAC-SHA256 signature the way the API does, in
 * this order: header shape, SecretId, timestamp, clock skew, signature.
 * Returns the API error to answer with, or undefined when the request is
 * authentic.
 *
 * @param secretKeys secret key of every accepted SecretId
 * @param nowMs the emulator's clock, in milliseconds
 */
export function verifyRequestSignature(
  request: SignedRequest,
  secretKeys: ReadonlyMap<string, string>,
  nowMs: number,
): ApiError | undefined {
  const header = request.headers.authorization;
  if (header === undefined) {
    return API_ERRORS.invalidAuthorization("the header is missing");
  }
  const authorization = parseTc3Authorization(header);
  if (authorization === undefined) {
    return API_ERRORS.invalidAuthorization(
      "expected TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...",
    );
  }
  if (authorization.signedHeaders !== "content-type;host") {
    return API_ERRORS.invalidAuthorization(
      "SignedHeaders must be content-type;host",
    );
  }

  // A SecretId the emulator does not know cannot have a key to check with.
  const secretKey = secretKeys.get(authorization.secretId);
  if (secretKey === undefined) {
    return API_ERRORS.secretIdNotFound();
  }

  const timestampText = headerValue(request.headers, "x-tc-timestamp");
  if (timestampText === "") {
    return API_ERRORS.missingParameter("X-TC-Timestamp");
  }
  if (!/^\d{1,12}$/.test(timestampText)) {
    return API_ERRORS.invalidParameterValue(
      "X-TC-Timestamp",
      "a Unix time in seconds",
    );
  }
  const timestamp = Number(timestampText);

  // The scope's date is part of the key derivation, so a scope dated other
  // than the timestamp can never verify; saying so helps more than a
  // generic mismatch.
  if (authorization.date !== utcDate(timestamp)) {
    return API_ERRORS.signatureFailure(
      "the credential date is not the UTC date of X-TC-Timestamp",
    );
  }

  // Skew is checked before the signature so that a stale but otherwise
  // correct request is reported as expired, as the API does.
  const serverTime = Math.floor(nowMs / 1000);
  if (Math.abs(serverTime - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return API_ERRORS.signatureExpire(timestamp, serverTime);
  }

  const expected = tc3Signature({
    secretKey,
    timestamp,
    service: authorization.service,
    canonicalRequest: canonicalRequest({
      method: request.method,
      path: request.path,
      query: request.query,
      contentType: headerValue(request.headers, "content-type"),
      hostname: hostnameOf(headerValue(request.headers, "host")),
      body: request.body,
    }),
  });

  // Constant-time comparison, so response timing reveals nothing about how
  // much of a forged signature was right. Both sides are 64 hex digits.
  const matches = timingSafeEqual(
    Buffer.from(expected, "ascii"),
    Buffer.from(authorization.signature, "ascii"),
  );
  return matches
    ? undefined
    : API_ERRORS.signatureFailure("the signature does not match the request");
}

/** One header's value as text; repeated headers are joined by commas. */
export function headerValue(
  headers: IncomingHttpHeaders,
  name: string,
): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

/**
 * The Host header without its port, as the SDK signs it (it sends the port
 * but signs `URL.hostname`). A bracketed IPv6 address keeps its brackets.
 */
export function hostnameOf(host: string): string {
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.indexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}
