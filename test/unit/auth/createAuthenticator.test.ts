import type { IncomingHttpHeaders } from "node:http";

import { apiKeyEntry, sha256Hex } from "../../../src/auth/apiKeys";
import { createAuthenticator } from "../../../src/auth/createAuthenticator";

const KEY = "an-api-key-for-tests-0001";
const KEY_ID = sha256Hex(KEY).slice(0, 8);

describe("createAuthenticator with API keys", () => {
  const authenticator = createAuthenticator({
    apiKeys: [apiKeyEntry(KEY)],
    jwt: null,
  });

  it.each<[string, IncomingHttpHeaders]>([
    ["a bearer key", { authorization: `Bearer ${KEY}` }],
    ["a lower-case bearer scheme", { authorization: `bearer ${KEY}` }],
    ["an x-api-key header", { "x-api-key": KEY }],
  ])("accepts %s as that key's principal", async (_label, headers) => {
    expect(await authenticator.authenticate(headers)).toEqual({
      ok: true,
      principal: { kind: "apiKey", keyId: KEY_ID },
    });
  });

  it.each<[string, IncomingHttpHeaders, string]>([
    ["no credential", {}, "missing"],
    ["another scheme", { authorization: `Basic ${KEY}` }, "missing"],
    ["a wrong key", { "x-api-key": "not-the-key-at-all" }, "unknown_key"],
    ["a JWT-shaped bearer", { authorization: "Bearer a.b.c" }, "unknown_key"],
  ])("refuses %s, saying why", async (_label, headers, reason) => {
    expect(await authenticator.authenticate(headers)).toEqual({
      ok: false,
      reason,
    });
  });

  it("settles an API key at once, without a promise to wait for", () => {
    const result = authenticator.authenticate({ "x-api-key": KEY });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toMatchObject({ ok: true });
  });

  it("prefers the Authorization header over x-api-key", async () => {
    const result = await authenticator.authenticate({
      authorization: "Bearer not-the-key-at-all",
      "x-api-key": KEY,
    });
    expect(result.ok).toBe(false);
  });
});

describe("createAuthenticator with nothing configured", () => {
  it("lets every request through as anonymous", async () => {
    const authenticator = createAuthenticator({ apiKeys: [], jwt: null });
    expect(authenticator.required).toBe(false);
    expect(await authenticator.authenticate({})).toEqual({
      ok: true,
      principal: { kind: "anonymous" },
    });
  });
});
