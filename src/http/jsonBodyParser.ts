import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * Says, from a JSON body's text, whether its request will likely be
 * answered without anyone reading the parsed body.
 */
export type SkipParse = (request: FastifyRequest, text: string) => boolean;

/** The JSON body parser, and the way to finish a parse it skipped. */
export interface JsonBodyParser {
  /**
   * Parses a body that was skipped, before anything reads it, and calls
   * `done` with the parse's error, if any; a parsed body passes at once.
   */
  finish(request: FastifyRequest, done: (error?: Error) => void): void;
}

/** A body left as text: what `request.body` holds until finished. */
class UnparsedJson {
  constructor(readonly text: string) {}
}

/**
 * Parses JSON bodies exactly as Fastify's own parser does, with the same
 * prototype-poisoning checks, limits and typed errors, but hands each
 * body's text to `skipParse` first. A request whose whole answer is kept
 * needs no parsed body, and the parse was a measurable share of such an
 * answer's time; should the answer not be sent after all, {@link
 * JsonBodyParser.finish} parses the text then.
 */
export function registerJsonBodyParser(
  app: FastifyInstance,
  skipParse: SkipParse,
): JsonBodyParser {
  const { onProtoPoisoning, onConstructorPoisoning } = app.initialConfig;
  const parse = app.getDefaultJsonParser(
    onProtoPoisoning ?? "error",
    onConstructorPoisoning ?? "error",
  );
  app.addContentTypeParser(
    "application/json",
    { parseAs: "string" },
    (request, body, done) => {
      // parseAs "string" hands over text; the type allows either form.
      const text = body.toString();
      if (skipParse(request, text)) {
        done(null, new UnparsedJson(text));
      } else {
        parse(request, text, done);
      }
    },
  );
  return {
    finish(request, done) {
      const { body } = request;
      if (!(body instanceof UnparsedJson)) {
        done();
        return;
      }
      // Fastify's parser answers at once, through its callback.
      parse(request, body.text, (error, parsed) => {
        if (error) {
          done(error);
          return;
        }
        request.body = parsed;
        done();
      });
    },
  };
}
