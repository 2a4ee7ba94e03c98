import fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
} from "fastify";

/**
 * Replaces the `fastify` module's factory for every later `require`, so
 * that a preload can change how our unchanged server builds its app. src/
 * imports Fastify's default export, which is the module object itself.
 */
export function replaceFastifyFactory(
  build: (
    original: typeof fastify,
    options: FastifyServerOptions,
  ) => FastifyInstance,
): void {
  const cached = require.cache[require.resolve("fastify")];
  if (cached === undefined) {
    throw new Error("fastify should be in the module cache by now");
  }
  const factory = (options: FastifyServerOptions = {}) =>
    build(fastify, options);
  cached.exports = Object.assign(factory, fastify, {
    default: factory,
    fastify: factory,
  });
}
