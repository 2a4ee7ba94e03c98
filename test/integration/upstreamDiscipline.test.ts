import type { FaultKind } from "../../src/emulator";
import { startTestStack, type TestStack } from "../support/testStack";

const QUERY = `query Pull($token: String!) {
  nfcDocument(nfcToken: $token) { nfcToken idType }
}`;

/** The first error's extensions, or undefined when the pull succeeded. */
async function pull(stack: TestStack, token: string) {
  const { body } = await stack.graphql(QUERY, { token });
  return { document: body.data?.nfcDocument, error: body.errors?.[0] };
}

describe("upstream discipline against the emulator", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());
  afterEach(() => stack.emulator.clearFaults());

  it("spreads a burst of 60 distinct tokens without an upstream rejection", async () => {
    stack.emulator.reset();
    const tokens = Array.from(
      { length: 60 },
      () => stack.emulator.mintToken({ fixture: "id-card" }).token,
    );

    const results = await Promise.all(tokens.map((t) => pull(stack, t)));

    expect(results.filter((r) => r.document).length).toBe(60);
    const stats = stack.emulator.stats();
    expect(stats.rateLimitRejections).toBe(0);
    expect(stats.busiestSecond).toBeLessThanOrEqual(20);
    expect(stats.actionRequests).toBe(60);
  });

  it.each<FaultKind>([
    "internalError",
    "http5xx",
    "connectionReset",
    "truncatedJson",
    "nonJson",
    "rateLimited",
  ])("retries a passing %s and serves the document", async (kind) => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    stack.emulator.injectFault({ kind, token, times: 1 });

    const { document } = await pull(stack, token);

    expect(document).toMatchObject({ idType: "ID_CARD" });
    expect(stack.emulator.callsFor(token)).toBe(2);
  });

  it("does not retry a token the upstream does not know", async () => {
    const { error } = await pull(stack, "never-issued-token-x");
    expect(error?.extensions?.code).toBe("NFC_TOKEN_NOT_FOUND");
    expect(stack.emulator.callsFor("never-issued-token-x")).toBe(1);
  });

  it("logs the upstream RequestId and no token on a failed attempt", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    stack.emulator.injectFault({ kind: "internalError", token, times: 1 });
    await pull(stack, token);

    const failure = stack
      .logs()
      .split("\n")
      .find((line) => line.includes("upstream attempt failed"));
    expect(failure).toMatch(/"upstreamRequestId":"[0-9a-f-]{36}"/);
    expect(failure).toMatch(/"requestId":"[0-9a-f-]{36}"/);
    expect(stack.logs()).not.toContain(token);
  });

  it("exposes upstream, cache and GraphQL series on /metrics", async () => {
    const response = await fetch(`${stack.server.url}/metrics`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toMatch(/faceid_upstream_attempts_total\{outcome="ok"\} \d+/);
    expect(text).toContain("faceid_upstream_retries_total");
    expect(text).toMatch(/faceid_document_cache_misses_total \d+/);
    expect(text).toMatch(
      /faceid_graphql_operations_total\{operation_name="Pull",outcome="ok"\}/,
    );
    expect(text).not.toMatch(/never-issued|sample-/);
  });
});

describe("upstream discipline when the upstream refuses our credentials", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      credentials: { secretId: "AKIDunknown000000", secretKey: "wrong" },
    });
  });
  afterAll(() => stack.close());

  it("answers UPSTREAM_AUTH_FAILED without retrying or leaking the key", async () => {
    const { error } = await pull(stack, "sample-id-card");
    expect(error?.extensions).toMatchObject({
      code: "UPSTREAM_AUTH_FAILED",
      upstreamCode: "AuthFailure.SecretIdNotFound",
    });
    expect(JSON.stringify(error)).not.toContain("AKIDunknown");
    expect(stack.emulator.callsFor("sample-id-card")).toBe(1);
  });
});

describe("upstream discipline under sustained failure", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        FACEID_MAX_ATTEMPTS: "2",
        FACEID_DEADLINE_MS: "2000",
        FACEID_ATTEMPT_TIMEOUT_MS: "1000",
        FACEID_BREAKER_FAILURES: "2",
        FACEID_BREAKER_COOLDOWN_MS: "300",
      },
    });
  });
  afterAll(() => stack.close());

  it("answers within the deadline, opens the breaker, then recovers", async () => {
    stack.emulator.injectFault({ kind: "http5xx", probability: 1 });

    // Two failed pulls, each retried once, open the breaker.
    for (const token of ["down-1", "down-2"]) {
      const { error } = await pull(stack, token);
      expect(error?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(stack.emulator.callsFor(token)).toBe(2);
    }

    // Open: fails fast without reaching the upstream.
    const before = stack.emulator.stats().actionRequests;
    const { error } = await pull(stack, "down-3");
    expect(error?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(stack.emulator.stats().actionRequests).toBe(before);

    // After the cool-down a probe finds the upstream back and closes it.
    stack.emulator.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const { document } = await pull(stack, "sample-id-card");
    expect(document).toMatchObject({ idType: "ID_CARD" });
    expect((await pull(stack, "sample-other-document")).document).toBeTruthy();
  });
});

describe("upstream discipline when the queue is full", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: { FACEID_MAX_RPS: "1", FACEID_QUEUE_LIMIT: "1" },
    });
  });
  afterAll(() => stack.close());

  it("answers UPSTREAM_RATE_LIMITED at once instead of queueing", async () => {
    const tokens = [
      "sample-id-card",
      "sample-other-document",
      "sample-png-portrait",
    ];
    const results = await Promise.all(tokens.map((t) => pull(stack, t)));
    const codes = results.map((r) => r.error?.extensions?.code ?? "ok");

    expect(codes.filter((code) => code === "ok")).toHaveLength(2);
    expect(codes).toContain("UPSTREAM_RATE_LIMITED");
    expect(stack.emulator.stats().actionRequests).toBe(2);
  });
});
