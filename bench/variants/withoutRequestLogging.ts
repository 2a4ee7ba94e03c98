import { replaceFastifyFactory } from "./replaceFastifyFactory";

/*
 * Preloaded (`node -r`) into our unchanged server to measure one proposed
 * change: Fastify's `disableRequestLogging: true`, which drops the
 * "incoming request" and "request completed" lines while every other log
 * line, the audit trail included, stays.
 */

replaceFastifyFactory((fastify, options) =>
  fastify({ ...options, disableRequestLogging: true }),
);
