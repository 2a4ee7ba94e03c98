import cors from "@fastify/cors";
import type { FastifyInstance } from "fastify";

/** Request headers a browser client may send across origins. */
const ALLOWED_HEADERS = [
  "authorization",
  "x-api-key",
  "content-type",
  "apollo-require-preflight",
  "x-apollo-operation-name",
];

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Lets browsers on the configured origins call the API. With none
 * configured no CORS header is ever sent, and browsers keep other sites
 * out. Must be registered before authentication: preflights carry no
 * credentials, and this plugin answers them in its own onRequest hook.
 */
export async function registerCors(
  app: FastifyInstance,
  origins: readonly string[],
): Promise<void> {
  if (origins.length === 0) {
    return;
  }
  await app.register(cors, {
    origin: [...origins],
    methods: ["GET", "POST"],
    allowedHeaders: ALLOWED_HEADERS,
    // Credentials travel in headers, never in cookies.
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
