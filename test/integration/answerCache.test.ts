import { createHash } from "node:crypto";

import { AUDIT_EVENT } from "../../src/audit/tokenAudit";
import { startTestStack, type TestStack } from "../support/testStack";

const KEY = "answer-cache-key-0123456789";
const OTHER_KEY = "answer-cache-other-key-0123";
const PULL = `query Pull($token: String!) {
  nfcDocument(nfcToken: $token) { nfcToken idType endTime expired }
}`;

const sha256 = (text: string) =>
  createHash("sha256").update(text).digest("hex");

/** Sends one GraphQL POST and keeps the answer's exact bytes. */
async function post(
  stack: TestStack,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${stack.server.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${KEY}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    text: await response.text(),
  };
}

/** One series' value on /metrics, 0 when absent. */
async function metric(stack: TestStack, series: string): Promise<number> {
  const response = await fetch(`${stack.server.url}/metrics`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  const line = (await response.text())
    .split("\n")
    .find((each) => each.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.split(" ")[1]);
}

const hits = (stack: TestStack) =>
  metric(stack, "faceid_answer_cache_hits_total");

function auditLines(stack: TestStack): Array<Record<string, unknown>> {
  return stack
    .logs()
    .split("\n")
    .filter((line) => line.includes(AUDIT_EVENT))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Headers that differ between any two answers. */
const PER_ANSWER_HEADERS = new Set(["date"]);

function stableHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries(
    [...headers].filter(([name]) => !PER_ANSWER_HEADERS.has(name)),
  );
}

describe("answers kept for repeated requests", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      apiKey: KEY,
      env: { API_KEYS: OTHER_KEY },
    });
  });
  afterAll(() => stack.close());

  it("serves a repeat with the first answer's bytes and headers", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    const body = { query: PULL, variables: { token } };

    const first = await post(stack, body);
    const before = await hits(stack);
    const again = await post(stack, body);

    expect(await hits(stack)).toBe(before + 1);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(stableHeaders(again.headers)).toEqual(stableHeaders(first.headers));
    expect(stack.emulator.callsFor(token)).toBe(1);
  });

  it("writes every pull's audit line, with who asked this time", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    const body = { query: PULL, variables: { token } };
    const already = auditLines(stack).length;

    await post(stack, body);
    await post(stack, body);
    await post(stack, body, { authorization: `Bearer ${OTHER_KEY}` });

    const lines = auditLines(stack).slice(already);
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((line) => line.tokenHash)).size).toBe(1);
    expect(lines.map((line) => line.who)).toEqual([
      `key:${sha256(KEY).slice(0, 8)}`,
      `key:${sha256(KEY).slice(0, 8)}`,
      `key:${sha256(OTHER_KEY).slice(0, 8)}`,
    ]);
    expect(lines.every((line) => line.outcome === "READ_SUCCEEDED")).toBe(true);
  });

  it("counts a kept answer as an operation and a document cache hit", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    const body = { query: PULL, variables: { token } };
    const operations =
      'faceid_graphql_operations_total{operation_name="Pull",outcome="ok"}';
    await post(stack, body);
    const [operationsBefore, documentHitsBefore] = await Promise.all([
      metric(stack, operations),
      metric(stack, "faceid_document_cache_hits_total"),
    ]);

    await post(stack, body);

    expect(await metric(stack, operations)).toBe(operationsBefore + 1);
    expect(await metric(stack, "faceid_document_cache_hits_total")).toBe(
      documentHitsBefore + 1,
    );
  });

  it("keeps answers apart by variables and by the media type asked for", async () => {
    const first = stack.emulator.mintToken({ fixture: "id-card" });
    const second = stack.emulator.mintToken({ fixture: "chinese-passport" });
    await post(stack, { query: PULL, variables: { token: first.token } });

    const other = await post(stack, {
      query: PULL,
      variables: { token: second.token },
    });
    const graphqlResponse = await post(
      stack,
      { query: PULL, variables: { token: first.token } },
      { accept: "application/graphql-response+json" },
    );

    expect(other.text).toContain(second.token);
    expect(other.text).not.toContain(first.token);
    expect(graphqlResponse.headers.get("content-type")).toMatch(
      /^application\/graphql-response\+json/,
    );
  });

  it("keeps apart bodies that differ only in spacing, answering alike", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    const body = { query: PULL, variables: { token } };
    const first = await post(stack, body);
    const before = await hits(stack);

    const spaced = await fetch(`${stack.server.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${KEY}`,
      },
      body: JSON.stringify(body, null, 2),
    });

    expect(await spaced.text()).toBe(first.text);
    expect(await hits(stack)).toBe(before);
    expect(stack.emulator.callsFor(token)).toBe(1);
  });

  it("never keeps an answer that holds an error", async () => {
    const body = { query: PULL, variables: { token: "no-such-token-0001" } };
    await post(stack, body);
    const before = await hits(stack);

    const again = await post(stack, body);

    expect(JSON.parse(again.text)).toHaveProperty("errors");
    expect(await hits(stack)).toBe(before);
  });

  it("leaves answers about several tokens to Apollo", async () => {
    const first = stack.emulator.mintToken({ fixture: "id-card" });
    const second = stack.emulator.mintToken({ fixture: "id-card" });
    const body = {
      query: `query Both($tokens: [String!]!) {
        nfcDocuments(nfcTokens: $tokens) { nfcToken }
      }`,
      variables: { tokens: [first.token, second.token] },
    };
    await post(stack, body);
    const before = await hits(stack);

    await post(stack, body);

    expect(await hits(stack)).toBe(before);
  });

  it("keeps nothing for a request that is refused", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    const body = { query: PULL, variables: { token } };
    await post(stack, body);

    const refused = await post(stack, body, { authorization: "Bearer wrong" });

    expect(refused.status).toBe(401);
    expect(refused.text).not.toContain(token);
  });
});

describe("how long a kept answer lives", () => {
  it("no longer than its token's document in the document cache", async () => {
    const stack = await startTestStack({
      apiKey: KEY,
      env: { NFC_TOKEN_TTL_SECONDS: "1" },
    });
    try {
      const body = { query: PULL, variables: { token: "sample-id-card" } };
      const first = await post(stack, body);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const before = await hits(stack);

      const again = await post(stack, body);

      // The document expired, so the answer went with it: pulled again.
      expect(await hits(stack)).toBe(before);
      expect(stack.emulator.callsFor("sample-id-card")).toBe(2);
      // The body, left unparsed while the answer seemed kept, reached
      // Apollo whole: the same operation ran on the same variables.
      expect(again.status).toBe(200);
      expect(JSON.parse(again.text)).toEqual(JSON.parse(first.text));
    } finally {
      await stack.close();
    }
  });

  it("until midnight in China, when `expired` may turn true", async () => {
    let now = Date.parse("2026-12-03T15:59:59Z");
    const stack = await startTestStack({ apiKey: KEY, now: () => now });
    try {
      const { token } = stack.emulator.mintToken({
        fixture: "id-card",
        overrides: { EndTime: "20261203" },
      });
      const body = { query: PULL, variables: { token } };
      const expired = async () =>
        (
          JSON.parse((await post(stack, body)).text) as {
            data: { nfcDocument: { expired: boolean } };
          }
        ).data.nfcDocument.expired;

      expect(await expired()).toBe(false);
      const before = await hits(stack);
      expect(await expired()).toBe(false);
      expect(await hits(stack)).toBe(before + 1);
      now = Date.parse("2026-12-03T16:00:00Z");

      expect(await expired()).toBe(true);
      expect(await hits(stack)).toBe(before + 1);
      expect(stack.emulator.callsFor(token)).toBe(1);
    } finally {
      await stack.close();
    }
  });

  it("not at all with ANSWER_CACHE_MAX_BYTES=0", async () => {
    const stack = await startTestStack({
      apiKey: KEY,
      env: { ANSWER_CACHE_MAX_BYTES: "0" },
    });
    try {
      const body = { query: PULL, variables: { token: "sample-id-card" } };
      await post(stack, body);
      await post(stack, body);

      expect(await hits(stack)).toBe(0);
      expect(await metric(stack, "faceid_answer_cache_bytes")).toBe(0);
    } finally {
      await stack.close();
    }
  });
});
