import type { FastifyInstance } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    /** A JSON body's text as it arrived; null for any other request. */
    jsonBodyText: string | null;
  }
}

/**
 * Parses JSON bodies exactly as Fastify's own parser does, with the same
 * prototype-poisoning checks, limits and typed errors, and keeps each
 * body's text on its request. The answer cache keys on that text: writing
 * the parsed body back out cost more than the look-up it served.
 */
export function keepJsonBodyText(app: FastifyInstance): void {
  const { onProtoPoisoning, onConstructorPoisoning } = app.initialConfig;
  const parse = app.getDefaultJsonParser(
    onProtoPoisoning ?? "error",
    onConstructorPoisoning ?? "error",
  );
  app.decorateRequest("jsonBodyText", null);
  app.addContentTypeParser(
    "application/json",
    { parseAs: "string" },
    (request, body, done) => {
      // parseAs "string" hands over text; the type allows either form.
      const text = body.toString();
      request.jsonBodyText = text;
      parse(request, text, done);
    },
  );
}
