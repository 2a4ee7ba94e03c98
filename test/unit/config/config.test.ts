import { loadConfig } from "../../../src/config/config";

describe("loadConfig", () => {
  it("has working defaults for a newcomer", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      host: "127.0.0.1",
      port: 4000,
      credentials: null,
      tokenTtlMs: 600_000,
      cacheMaxBytes: 64 * 2 ** 20,
      answerCacheMaxBytes: 16 * 2 ** 20,
      maxTokensPerRequest: 50,
      introspection: true,
    });
    expect(config.faceIdEndpoint.href).toBe(
      "https://faceid.intl.tencentcloudapi.com/",
    );
  });

  it("turns introspection off by default in production", () => {
    expect(loadConfig({ NODE_ENV: "production" }).introspection).toBe(false);
  });

  it("reads credentials and a local emulator endpoint", () => {
    const config = loadConfig({
      TENCENTCLOUD_SECRET_ID: "id",
      TENCENTCLOUD_SECRET_KEY: "key",
      FACEID_ENDPOINT: "http://127.0.0.1:9000",
    });
    expect(config.credentials).toEqual({ secretId: "id", secretKey: "key" });
    expect(config.faceIdEndpoint.host).toBe("127.0.0.1:9000");
  });

  it("is frozen", () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it("reports every wrong value at once, each on its own line", () => {
    expect(() =>
      loadConfig({
        PORT: "http",
        FACEID_ENDPOINT: "ftp://example.test/path",
        LOG_LEVEL: "loud",
        LOG_PRETTY: "maybe",
      }),
    ).toThrow(
      /PORT must be a whole number[^]*FACEID_ENDPOINT must be[^]*LOG_LEVEL must be one of[^]*LOG_PRETTY must be true or false/,
    );
  });

  it("refuses half a credential pair without echoing it", () => {
    let message = "";
    try {
      loadConfig({ TENCENTCLOUD_SECRET_KEY: "half-a-secret" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("must be set together");
    expect(message).not.toContain("half-a-secret");
  });

  it("has the upstream's documented budget and bounded waits by default", () => {
    expect(loadConfig({})).toMatchObject({
      faceIdMaxRps: 20,
      faceIdQueueLimit: 500,
      faceIdQueueTimeoutMs: 5000,
      faceIdAttemptTimeoutMs: 3000,
      faceIdMaxAttempts: 4,
      faceIdDeadlineMs: 10_000,
      faceIdBreakerFailures: 5,
      faceIdBreakerCooldownMs: 10_000,
    });
  });

  it("refuses an attempt timeout longer than the whole deadline", () => {
    expect(() =>
      loadConfig({
        FACEID_ATTEMPT_TIMEOUT_MS: "5000",
        FACEID_DEADLINE_MS: "4000",
      }),
    ).toThrow(/FACEID_ATTEMPT_TIMEOUT_MS must not exceed FACEID_DEADLINE_MS/);
  });

  it("keeps the deadline under the shutdown grace period", () => {
    expect(() => loadConfig({ FACEID_DEADLINE_MS: "60000" })).toThrow(
      /FACEID_DEADLINE_MS must be a whole number/,
    );
  });
});
