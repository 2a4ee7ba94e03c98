import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * The API answers JSON only, so its pages may load, frame or submit
 * nothing. Apollo's landing page is the one HTML page; it brings its own
 * policy in a meta tag, naming the CDN that serves Sandbox.
 */
const API_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
};

/**
 * Security headers on every answer (helmet's set, with the strict policy
 * above) and `Cache-Control: no-store`, because GraphQL answers hold
 * identity documents that no cache may keep.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
  });

  app.addHook("onSend", async (_request, reply, payload) => {
    void reply.header("cache-control", "no-store");

    // Both policies would apply, and ours would block Sandbox's scripts.
    if (isHtml(reply)) {
      reply.raw.removeHeader("content-security-policy");
    }
    return payload;
  });
}

function isHtml(reply: FastifyReply): boolean {
  const type = reply.getHeader("content-type");
  return typeof type === "string" && type.startsWith("text/html");
}
