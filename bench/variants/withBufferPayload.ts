import { replaceFastifyFactory } from "./replaceFastifyFactory";

/*
 * Preloaded (`node -r`) into our unchanged server to measure one proposed
 * change: turning each response body from a string into a Buffer once, in
 * the first onSend hook. Fastify otherwise runs Buffer.byteLength over the
 * string for Content-Length and the socket then encodes it again; an
 * answer holding any non-Latin-1 character (a Chinese name) is a two-byte
 * string, and both passes transcode all of it, images included.
 */

replaceFastifyFactory((fastify, options) => {
  const app = fastify(options);
  app.addHook("onSend", async (_request, _reply, payload) =>
    typeof payload === "string" ? Buffer.from(payload, "utf8") : payload,
  );
  return app;
});
