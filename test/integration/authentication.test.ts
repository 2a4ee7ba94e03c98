import { createHash } from "node:crypto";

import { AUDIT_EVENT } from "../../src/audit/tokenAudit";
import {
  type LocalJwks,
  signWithStrangerKey,
  startLocalJwks,
} from "../support/localJwks";
import {
  type GraphQLResponse,
  startTestStack,
  type TestStack,
} from "../support/testStack";

const KEY = "integration-key-0123456789";
const HASHED_ONLY_KEY = "hashed-only-key-0123456789";
const QUERY = `query Pull($token: String!) {
  nfcDocument(nfcToken: $token) { idType }
}`;
const TOKEN = { token: "sample-id-card" };

const sha256 = (text: string) =>
  createHash("sha256").update(text).digest("hex");

/** The audit lines in a stack's log so far. */
function auditLines(stack: TestStack): Array<Record<string, unknown>> {
  return stack
    .logs()
    .split("\n")
    .filter((line) => line.includes(AUDIT_EVENT))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function expectUnauthenticated(response: GraphQLResponse): void {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  expect(response.body).toEqual({
    errors: [
      {
        message: expect.any(String),
        extensions: { code: "UNAUTHENTICATED" },
      },
    ],
  });
}

describe("authentication with API keys", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      apiKey: KEY,
      env: { API_KEYS: `sha256:${sha256(HASHED_ONLY_KEY)}` },
    });
  });
  afterAll(() => stack.close());

  it.each([
    ["a bearer key", { authorization: `Bearer ${KEY}` }],
    ["an x-api-key header", { "x-api-key": KEY, authorization: "" }],
    [
      "a key configured only by its sha256 digest",
      { authorization: `Bearer ${HASHED_ONLY_KEY}` },
    ],
  ])("serves a request with %s", async (_label, headers) => {
    const { status, body } = await stack.graphql(QUERY, TOKEN, headers);
    expect(status).toBe(200);
    expect(body.data?.nfcDocument).toEqual({ idType: "ID_CARD" });
  });

  it.each([
    ["no credential", { authorization: "" }],
    ["a wrong bearer key", { authorization: "Bearer not-a-configured-key" }],
    ["a wrong x-api-key", { authorization: "", "x-api-key": "wrong-key" }],
    ["another scheme", { authorization: `Basic ${KEY}` }],
  ])(
    "answers 401 UNAUTHENTICATED without data for %s",
    async (_label, headers) => {
      const before = stack.emulator.stats().actionRequests;
      expectUnauthenticated(await stack.graphql(QUERY, TOKEN, headers));
      expect(stack.emulator.stats().actionRequests).toBe(before);
    },
  );

  it.each(["/healthz", "/readyz"])("leaves %s open", async (path) => {
    const response = await fetch(`${stack.server.url}${path}`);
    expect(response.status).toBe(200);
  });

  it("guards /metrics unless METRICS_PUBLIC is set", async () => {
    const url = `${stack.server.url}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const authorized = await fetch(url, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(authorized.status).toBe(200);
  });

  it("audits each pull by key id and logs neither key", async () => {
    await stack.graphql(QUERY, TOKEN);
    expect(auditLines(stack).at(-1)).toMatchObject({
      who: `key:${sha256(KEY).slice(0, 8)}`,
      outcome: "READ_SUCCEEDED",
      upstreamRequestId: expect.any(String),
    });
    expect(stack.logs()).not.toContain(KEY);
    expect(stack.logs()).not.toContain(HASHED_ONLY_KEY);
  });
});

describe("a public /metrics", () => {
  it("answers without credentials when METRICS_PUBLIC=true", async () => {
    const stack = await startTestStack({
      apiKey: KEY,
      env: { METRICS_PUBLIC: "true" },
    });
    try {
      expect((await fetch(`${stack.server.url}/metrics`)).status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});

describe("authentication with JWTs from a local JWKS", () => {
  const ISSUER = "https://issuer.test/";
  const AUDIENCE = "faceid-nfc-graphql";
  let jwks: LocalJwks;
  let stack: TestStack;

  beforeAll(async () => {
    jwks = await startLocalJwks();
    stack = await startTestStack({
      env: {
        AUTH_JWKS_URL: jwks.url,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
      },
    });
  });
  afterAll(async () => {
    await stack.close();
    await jwks.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const valid = { iss: ISSUER, aud: AUDIENCE, sub: "client-42" };

  it("serves a valid token and audits its subject", async () => {
    const token = await jwks.sign(valid);
    const { status, body } = await stack.graphql(QUERY, TOKEN, bearer(token));
    expect(status).toBe(200);
    expect(body.data?.nfcDocument).toEqual({ idType: "ID_CARD" });
    expect(auditLines(stack).at(-1)).toMatchObject({ who: "jwt:client-42" });
    expect(stack.logs()).not.toContain(token);
  });

  const CLAIM_FAILED = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  it.each<[string, () => Promise<string>, string]>([
    [
      "an expired token",
      () => jwks.sign(valid, Math.floor(Date.now() / 1000) - 60),
      "ERR_JWT_EXPIRED",
    ],
    [
      "a token for another audience",
      () => jwks.sign({ ...valid, aud: "other" }),
      CLAIM_FAILED,
    ],
    [
      "a token from another issuer",
      () => jwks.sign({ ...valid, iss: "https://evil.test/" }),
      CLAIM_FAILED,
    ],
    [
      "a token without a subject",
      () => jwks.sign({ iss: ISSUER, aud: AUDIENCE }),
      CLAIM_FAILED,
    ],
    [
      "a token signed by a key the JWKS lacks",
      () => signWithStrangerKey(valid),
      "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    ],
  ])("refuses %s with 401", async (_label, makeToken, reason) => {
    const token = await makeToken();
    expectUnauthenticated(await stack.graphql(QUERY, TOKEN, bearer(token)));
    const refusals = stack
      .logs()
      .split("\n")
      .filter((line) => line.includes("request not authenticated"));
    expect(JSON.parse(refusals.at(-1) ?? "{}")).toMatchObject({ reason });
  });
});
