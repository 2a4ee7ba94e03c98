import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from "fastify";

import type {
  Authentication,
  Authenticator,
} from "../auth/createAuthenticator";
import type { Principal } from "../auth/Principal";
import { unauthenticated } from "../errors/catalog";
import { errorBody } from "./errorBody";

declare module "fastify" {
  interface FastifyRequest {
    /** Who sent the request; null until authenticated, or on open routes. */
    principal: Principal | null;
  }
}

export interface AuthenticationOptions {
  authenticator: Authenticator;
  /** Route URLs anyone may call, such as `/healthz`. */
  openRoutes: ReadonlySet<string>;
  /** Serve Apollo's landing page at `GET /graphql` without credentials. */
  openLandingPage: boolean;
}

/** The GraphQL route, whose landing page may be open. */
const GRAPHQL_ROUTE = "/graphql";

/**
 * Requires a credential on every route but the open ones, before the body
 * is read: anonymous requests cost no parsing. A refusal is HTTP 401 with
 * an UNAUTHENTICATED error and no data; the log says why, never with what.
 * Routes added later, such as `/metrics`, are covered without extra wiring.
 */
export function requireAuthentication(
  app: FastifyInstance,
  options: AuthenticationOptions,
): void {
  app.decorateRequest("principal", null);

  // A callback hook, not an async one: an API key is checked at once, and
  // only a JWT that needs its keys fetched waits for a promise.
  app.addHook("onRequest", (request, reply, done) => {
    if (isOpen(request, options)) {
      done();
      return;
    }
    const result = options.authenticator.authenticate(request.headers);
    if (result instanceof Promise) {
      result.then((settled) => admit(request, reply, settled, done), done);
    } else {
      admit(request, reply, result, done);
    }
  });
}

/** Lets an authenticated request go on; answers any other with 401. */
function admit(
  request: FastifyRequest,
  reply: FastifyReply,
  result: Authentication,
  done: HookHandlerDoneFunction,
): void {
  if (result.ok) {
    request.principal = result.principal;
    done();
    return;
  }

  // Answering without calling done() ends the request here.
  request.log.info({ reason: result.reason }, "request not authenticated");
  void reply
    .code(401)
    .header("www-authenticate", 'Bearer realm="graphql"')
    .send(errorBody(unauthenticated()));
}

function isOpen(
  request: FastifyRequest,
  options: AuthenticationOptions,
): boolean {
  // The matched route, not the raw URL: encodings and queries cannot fool it.
  const route = request.routeOptions.url;
  if (route === undefined) {
    return false;
  }
  if (options.openRoutes.has(route)) {
    return true;
  }
  return options.openLandingPage && isLandingPageRequest(request, route);
}

/**
 * A browser opening `/graphql`: GET, HTML accepted, no query string. Such
 * a request cannot run an operation (it has none), so Apollo answers it
 * with the landing page or a 400, never with data.
 */
function isLandingPageRequest(request: FastifyRequest, route: string): boolean {
  return (
    route === GRAPHQL_ROUTE &&
    request.method === "GET" &&
    !request.url.includes("?") &&
    (request.headers.accept ?? "").includes("text/html")
  );
}
