import type { FastifyInstance } from "fastify";

import { createAuthenticator } from "../auth/createAuthenticator";
import type { Config } from "../config/config";
import { requireAuthentication } from "./authenticationHook";
import { registerCors } from "./cors";
import { installErrorReplies } from "./errorReplies";
import { registerSecurityHeaders } from "./securityHeaders";

/** Routes anyone may call: probes must work without credentials. */
const PROBE_ROUTES = ["/healthz", "/readyz"];

/**
 * Everything that guards the HTTP layer, in the order it must run: typed
 * error replies, CORS (which answers preflights before authentication),
 * security headers, then authentication. Call it before adding routes.
 */
export async function secureHttpServer(
  app: FastifyInstance,
  config: Pick<
    Config,
    | "apiKeys"
    | "jwt"
    | "corsOrigins"
    | "metricsPublic"
    | "introspection"
    | "bodyLimitBytes"
  >,
): Promise<void> {
  installErrorReplies(app, config.bodyLimitBytes);
  await registerCors(app, config.corsOrigins);
  registerSecurityHeaders(app);

  const openRoutes = new Set(PROBE_ROUTES);
  if (config.metricsPublic) {
    openRoutes.add("/metrics");
  }
  requireAuthentication(app, {
    authenticator: createAuthenticator(config),
    openRoutes,
    openLandingPage: config.introspection,
  });
}
