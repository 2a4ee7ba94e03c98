import { LogController } from "fastify";

import { replaceFastifyFactory } from "./replaceFastifyFactory";

/*
 * Preloaded (`node -r`) into our unchanged server to measure one proposed
 * change: Fastify's per-request lines ("incoming request", "request
 * completed") turned off, while every other log line, the audit trail
 * included, stays. Ours hands Fastify a LogController, which is where the
 * switch lives; its request-id label is kept.
 */

replaceFastifyFactory((fastify, options) =>
  fastify({
    ...options,
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel:
        options.logController?.requestIdLogLabel ?? options.requestIdLogLabel,
    }),
  }),
);
