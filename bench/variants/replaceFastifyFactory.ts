// Loaded for its side effect: the module must be in the cache to replace.
import "fastify";

import type fastify from "fastify";
import type { FastifyInstance, FastifyServerOptions } from "fastify";

/**
 * Replaces the `fastify` module's factory for every later `require`, so
 * that a preload can change how our unchanged server builds its app. src/
 * imports Fastify's default export, which is the module object itself.
 * `build` gets the factory in place when it is called, so that several
 * preloads stack.
 */
export function replaceFastifyFactory(
  build: (
    previous: typeof fastify,
    options: FastifyServerOptions,
  ) => FastifyInstance,
): void {
  const cached = require.cache[require.resolve("fastify")];
  if (cached === undefined) {
    throw new Error("fastify should be in the module cache by now");
  }
  const previous = cached.exports as typeof fastify;
  const factory = (options: FastifyServerOptions = {}) =>
    build(previous, options);
  cached.exports = Object.assign(factory, previous, {
    default: factory,
    fastify: factory,
  });
}
