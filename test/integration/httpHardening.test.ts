import { listFixturePersonalValues } from "../../src/emulator";
import { startTestStack, type TestStack } from "../support/testStack";

const KEY = "hardening-test-key-0123456789";
const ALLOWED_ORIGIN = "https://app.example.test";
const OTHER_ORIGIN = "https://elsewhere.example.test";
/** A value that must never come back in a refusal or reach the log. */
const MARKER = "MARKER-6f1c0b-secret-looking-input";

const authorized = { authorization: `Bearer ${KEY}` };

describe("the HTTP layer", () => {
  let stack: TestStack;
  let url: string;
  beforeAll(async () => {
    stack = await startTestStack({
      apiKey: KEY,
      env: { CORS_ORIGINS: ALLOWED_ORIGIN },
    });
    url = stack.server.url;
  });
  afterAll(() => stack.close());

  describe("CORS", () => {
    const preflight = (origin: string) =>
      fetch(`${url}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });

    it("answers a preflight from a configured origin, without credentials", async () => {
      const response = await preflight(ALLOWED_ORIGIN);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(
        ALLOWED_ORIGIN,
      );
      expect(response.headers.get("access-control-allow-headers")).toContain(
        "authorization",
      );
    });

    it("gives any other origin no CORS permission", async () => {
      const response = await preflight(OTHER_ORIGIN);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    });

    it.each([
      [ALLOWED_ORIGIN, ALLOWED_ORIGIN],
      [OTHER_ORIGIN, null],
    ])("marks a POST from %s as readable by %s", async (origin, allowed) => {
      const { headers } = await stack.graphql("{ __typename }", undefined, {
        origin,
      });
      expect(headers.get("access-control-allow-origin")).toBe(allowed);
    });
  });

  describe("headers on every answer", () => {
    it.each<[string, () => Promise<Response>]>([
      [
        "a GraphQL answer",
        () =>
          fetch(`${url}/graphql`, {
            method: "POST",
            headers: { ...authorized, "content-type": "application/json" },
            body: JSON.stringify({ query: "{ __typename }" }),
          }),
      ],
      ["a 401", () => fetch(`${url}/graphql`, { method: "POST" })],
      ["a health check", () => fetch(`${url}/healthz`)],
    ])("sends no-store and a strict policy on %s", async (_label, send) => {
      const { headers } = await send();
      expect(headers.get("cache-control")).toBe("no-store");
      expect(headers.get("content-security-policy")).toContain(
        "default-src 'none'",
      );
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("referrer-policy")).toBe("no-referrer");
      expect(headers.get("strict-transport-security")).toMatch(/^max-age=/);
    });
  });

  describe("Fastify's own refusals", () => {
    const send = (init: RequestInit, path = "/graphql") =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { ...authorized, ...init.headers },
      });

    it.each<[string, number, string, () => Promise<Response>]>([
      [
        "malformed JSON",
        400,
        "BAD_REQUEST",
        () =>
          send({
            method: "POST",
            headers: { "content-type": "application/json" },
            body: `{"query": "${MARKER}`,
          }),
      ],
      [
        // Our parser hands the body's text to the answer cache first, and
        // must still refuse what Fastify's own refuses.
        "a JSON body with a __proto__ key",
        400,
        "BAD_REQUEST",
        () =>
          send({
            method: "POST",
            headers: { "content-type": "application/json" },
            body: `{"query": "{ __typename }", "__proto__": {"${MARKER}": 1}}`,
          }),
      ],
      [
        "an empty JSON body",
        400,
        "BAD_REQUEST",
        () =>
          send({
            method: "POST",
            headers: { "content-type": "application/json" },
          }),
      ],
      [
        "a body that is not JSON",
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        () =>
          send({
            method: "POST",
            headers: { "content-type": `text/${MARKER}` },
            body: MARKER,
          }),
      ],
      [
        // Paths are logged; query strings, which may hold tokens, are not.
        "an unknown route",
        404,
        "NOT_FOUND",
        () => send({ method: "GET" }, `/no-such-route?token=${MARKER}`),
      ],
    ])(
      "answers %s with %i %s, echoing nothing",
      async (_label, status, code, request) => {
        const response = await request();
        const text = await response.text();
        expect(response.status).toBe(status);
        expect(JSON.parse(text)).toEqual({
          errors: [{ message: expect.any(String), extensions: { code } }],
        });
        expect(text).not.toContain(MARKER);
        expect(stack.logs()).not.toContain(MARKER);
      },
    );

    it("asks for credentials before saying a route does not exist", async () => {
      const response = await fetch(`${url}/no-such-route`);
      expect(response.status).toBe(401);
    });
  });

  it("masks an upstream answer it cannot read, quoting none of it", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    stack.emulator.injectFault({ kind: "truncatedJson", token });
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { ...authorized, "content-type": "application/json" },
      body: JSON.stringify({
        query: `query($t: String!) { nfcDocument(nfcToken: $t) { name } }`,
        variables: { t: token },
      }),
    });
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      data: null,
      errors: [
        {
          message: expect.any(String),
          locations: expect.any(Array),
          path: ["nfcDocument"],
          extensions: { code: "UPSTREAM_UNAVAILABLE" },
        },
      ],
    });
    const leaked = listFixturePersonalValues().filter((value) =>
      text.includes(value),
    );
    expect(leaked).toEqual([]);
    expect(text).not.toMatch(/stacktrace|JSON|Unexpected|\bat \w/);
  });
});

describe("the landing page and introspection", () => {
  const INTROSPECTION = "{ __schema { queryType { name } } }";
  const MISSPELLED = `{ nfcDocumnt(nfcToken: "x") { idType } }`;

  describe("with introspection on (the default outside production)", () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack({ apiKey: KEY });
    });
    afterAll(() => stack.close());

    it("serves Sandbox to a browser without credentials, under Apollo's own policy", async () => {
      const response = await fetch(`${stack.server.url}/graphql`, {
        headers: { accept: "text/html" },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(response.headers.get("content-security-policy")).toBeNull();
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toContain(
        'http-equiv="Content-Security-Policy"',
      );
    });

    it("still requires credentials for a GET that carries a query", async () => {
      const query = encodeURIComponent("{ __typename }");
      const response = await fetch(
        `${stack.server.url}/graphql?query=${query}`,
        { headers: { accept: "text/html", "apollo-require-preflight": "1" } },
      );
      expect(response.status).toBe(401);
    });

    it("answers introspection and suggests field names", async () => {
      const introspection = await stack.graphql(INTROSPECTION);
      expect(introspection.body.data).toEqual({
        __schema: { queryType: { name: "Query" } },
      });
      const misspelled = await stack.graphql(MISSPELLED);
      expect(misspelled.body.errors?.[0]?.message).toContain("Did you mean");
    });
  });

  describe("with GRAPHQL_INTROSPECTION=false (the production default)", () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack({
        apiKey: KEY,
        env: { GRAPHQL_INTROSPECTION: "false" },
      });
    });
    afterAll(() => stack.close());

    it("serves no landing page, and none without credentials", async () => {
      const page = () =>
        fetch(`${stack.server.url}/graphql`, {
          headers: { accept: "text/html", ...authorized },
        });
      const anonymous = await fetch(`${stack.server.url}/graphql`, {
        headers: { accept: "text/html" },
      });
      expect(anonymous.status).toBe(401);
      const response = await page();
      expect(response.headers.get("content-type")).not.toMatch(/text\/html/);
    });

    it("refuses introspection", async () => {
      const { status, body } = await stack.graphql(INTROSPECTION);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe(
        "GRAPHQL_VALIDATION_FAILED",
      );
    });

    it("hides field suggestions", async () => {
      const { body } = await stack.graphql(MISSPELLED);
      const message = body.errors?.[0]?.message ?? "";
      expect(message).toContain("Cannot query field");
      expect(message).not.toContain("Did you mean");
      expect(message).not.toContain("nfcDocument");
    });
  });
});
