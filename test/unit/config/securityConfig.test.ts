import { createHash } from "node:crypto";

import { loadConfig } from "../../../src/config/config";
import { productionRefusal } from "../../../src/config/productionRequirements";

const KEY = "a-test-key-of-some-length";
const KEY_DIGEST = createHash("sha256").update(KEY).digest("hex");

const JWT_ENV = {
  AUTH_JWKS_URL: "https://issuer.example/.well-known/jwks.json",
  AUTH_ISSUER: "https://issuer.example/",
  AUTH_AUDIENCE: "faceid-nfc-graphql",
};

const CREDENTIALS = {
  TENCENTCLOUD_SECRET_ID: "id",
  TENCENTCLOUD_SECRET_KEY: "key",
};

/** The message loadConfig throws for `env`, or "" when it accepts it. */
function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("the security settings", () => {
  it("default to no clients, no CORS, documented limits and a 30 s grace", () => {
    expect(loadConfig({})).toMatchObject({
      apiKeys: [],
      jwt: null,
      auditSalt: null,
      metricsPublic: false,
      corsOrigins: [],
      queryLimits: {
        maxDepth: 6,
        maxAliases: 20,
        maxDirectives: 10,
        maxCost: 5000,
        maxTokens: 2000,
      },
      shutdownGraceMs: 30_000,
    });
  });

  it("keep a clear key and a sha256: entry as the same digest and key id", () => {
    const config = loadConfig({ API_KEYS: `${KEY}, sha256:${KEY_DIGEST}` });
    expect(config.apiKeys).toEqual([
      { keyId: KEY_DIGEST.slice(0, 8), sha256Hex: KEY_DIGEST },
      { keyId: KEY_DIGEST.slice(0, 8), sha256Hex: KEY_DIGEST },
    ]);
    expect(JSON.stringify(config)).not.toContain(KEY);
  });

  it.each([
    ["a key shorter than 16 characters", "short-key"],
    ["a sha256: entry that is not 64 hex characters", "sha256:abc123"],
  ])("refuse %s without echoing it", (_label, entry) => {
    const message = problemsOf({ API_KEYS: entry });
    expect(message).toContain("API_KEYS");
    expect(message).not.toContain(entry);
  });

  it("read the JWT settings when all three are set", () => {
    const { jwt } = loadConfig(JWT_ENV);
    expect(jwt?.jwksUrl.href).toBe(JWT_ENV.AUTH_JWKS_URL);
    expect(jwt).toMatchObject({
      issuer: JWT_ENV.AUTH_ISSUER,
      audience: JWT_ENV.AUTH_AUDIENCE,
    });
  });

  it.each(["AUTH_ISSUER", "AUTH_AUDIENCE", "AUTH_JWKS_URL"])(
    "refuse the JWT settings without %s",
    (missing) => {
      const env: Record<string, string> = { ...JWT_ENV };
      delete env[missing];
      expect(problemsOf(env)).toContain("must be set together");
    },
  );

  it("refuse a JWKS fetched over plain http in production", () => {
    const env = {
      ...JWT_ENV,
      AUTH_JWKS_URL: "http://issuer.example/jwks.json",
      NODE_ENV: "production",
    };
    expect(problemsOf(env)).toContain("must use https in production");
  });

  it("read CORS origins as origins and refuse one with a path", () => {
    const config = loadConfig({
      CORS_ORIGINS: "https://app.example.com, http://127.0.0.1:5173",
    });
    expect(config.corsOrigins).toEqual([
      "https://app.example.com",
      "http://127.0.0.1:5173",
    ]);
    expect(problemsOf({ CORS_ORIGINS: "https://a.example/x" })).toContain(
      "CORS_ORIGINS",
    );
  });

  it("refuse an alias limit under 15, which consoles exceed", () => {
    expect(problemsOf({ GRAPHQL_MAX_ALIASES: "14" })).toContain(
      "GRAPHQL_MAX_ALIASES must be a whole number from 15",
    );
  });

  it("refuse an audit salt shorter than 16 characters", () => {
    expect(problemsOf({ AUDIT_SALT: "salty" })).toContain(
      "AUDIT_SALT must be at least 16 characters",
    );
  });

  it("are frozen, nested values included", () => {
    const config = loadConfig({ API_KEYS: KEY, ...JWT_ENV });
    expect(Object.isFrozen(config.apiKeys)).toBe(true);
    expect(Object.isFrozen(config.queryLimits)).toBe(true);
    expect(Object.isFrozen(config.jwt)).toBe(true);
  });
});

describe("productionRefusal", () => {
  it.each([
    ["no Tencent credentials", {}, "TENCENTCLOUD_SECRET_ID"],
    [
      "no way to authenticate clients",
      CREDENTIALS,
      "API_KEYS or AUTH_JWKS_URL",
    ],
  ])("refuses production with %s, in one line", (_label, env, expected) => {
    const refusal = productionRefusal(
      loadConfig({ NODE_ENV: "production", ...env }),
    );
    expect(refusal).toContain(expected);
    expect(refusal).not.toContain("\n");
  });

  it.each([
    ["API keys", { API_KEYS: KEY }],
    ["JWT settings", JWT_ENV],
  ])("lets production start with credentials and %s", (_label, env) => {
    const config = loadConfig({
      NODE_ENV: "production",
      ...CREDENTIALS,
      ...env,
    });
    expect(productionRefusal(config)).toBeNull();
  });

  it("never refuses outside production", () => {
    expect(productionRefusal(loadConfig({}))).toBeNull();
  });
});
