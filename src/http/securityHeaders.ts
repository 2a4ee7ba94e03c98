import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * The headers OWASP's REST Security Cheat Sheet asks of an API, fixed at
 * start-up: answers hold identity documents that no cache may keep, the
 * API speaks only HTTPS in production, and its JSON may be neither
 * sniffed into HTML, framed, nor followed by a referrer.
 */
const DOCUMENT_HEADERS = {
  "cache-control": "no-store",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
} as const;

/**
 * JSON answers may load, frame or submit nothing. Apollo's landing page,
 * the one HTML page, brings its own policy in a meta tag naming the CDN
 * that serves Sandbox; both would apply, and this one would block it.
 */
const API_HEADERS = {
  ...DOCUMENT_HEADERS,
  "content-security-policy":
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; " +
    "form-action 'none'",
} as const;

/**
 * Adds the security headers to every answer, including refusals, in one
 * hook. A fixed set written at once costs a fraction of a middleware that
 * rebuilds its headers per request, and a callback hook spares the
 * promise an async one costs (BENCHMARKS.md).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", (_request, reply, payload, done) => {
    void reply.headers(isHtml(reply) ? DOCUMENT_HEADERS : API_HEADERS);
    done(null, payload);
  });
}

function isHtml(reply: FastifyReply): boolean {
  const type = reply.getHeader("content-type");
  return typeof type === "string" && type.startsWith("text/html");
}
