import { startTestStack, type TestStack } from "../support/testStack";

const KEY = "limits-test-key-0123456789";
const EVERY_FIELD = `nfcToken resultCode billed requestId idType idTypeCode
  idNum name enName sex nation nationality address signingOrganization
  otherIdNum personalNumber birthDate beginTime endTime expired
  picture { mimeType byteLength base64 dataUrl }
  idCardFrontImg { mimeType byteLength } idCardBackImg { mimeType byteLength }
  checkMRTD { resultIssuer resultPaper resultData resultChip genuine }`;

/** `count` aliases of one token's whole document. */
function aliasedPulls(count: number, fields = EVERY_FIELD): string {
  const aliases = Array.from(
    { length: count },
    (_, index) => `a${index}: nfcDocument(nfcToken: $token) { ${fields} }`,
  );
  return `query Aliases($token: String!) { ${aliases.join("\n")} }`;
}

describe("limits on what clients send, at their defaults", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ apiKey: KEY });
  });
  afterAll(() => stack.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.server.url}/graphql`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${KEY}`,
        "content-type": "application/json",
        ...headers,
      },
      body,
    });

  it("serves 15 aliases of one token's whole document, as consoles send", async () => {
    const { status, body } = await stack.graphql(aliasedPulls(15), {
      token: "sample-id-card",
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {})).toHaveLength(15);
  });

  it.each([
    ["21 aliases", aliasedPulls(21, "idType"), "GRAPHQL_VALIDATION_FAILED"],
    [
      "11 directives",
      `query($token: String!) { nfcDocument(nfcToken: $token) {
        ${Array.from({ length: 11 }, (_, i) => `f${i}: idType @include(if: true)`).join(" ")}
      } }`,
      "GRAPHQL_VALIDATION_FAILED",
    ],
    [
      "a document of more than 2000 tokens",
      `query($token: String!) { nfcDocument(nfcToken: $token) {
        ${"idType ".repeat(2000)} } }`,
      "GRAPHQL_PARSE_FAILED",
    ],
  ])(
    "refuses %s with HTTP 400 before any upstream call",
    async (_label, query, code) => {
      const before = stack.emulator.stats().actionRequests;
      const { status, body } = await stack.graphql(query, {
        token: "sample-id-card",
      });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
      expect(stack.emulator.stats().actionRequests).toBe(before);
    },
  );

  it("answers 413 PAYLOAD_TOO_LARGE for a body over BODY_LIMIT_BYTES", async () => {
    const padding = "x".repeat(200 * 1024);
    const response = await post(
      JSON.stringify({ query: "{ __typename }", variables: { padding } }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: expect.any(String),
          extensions: { code: "PAYLOAD_TOO_LARGE" },
        },
      ],
    });
  });

  it("refuses a batched (array) body", async () => {
    const response = await post(
      JSON.stringify([
        { query: "{ __typename }" },
        { query: "{ __typename }" },
      ]),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: Array<{ extensions: { code: string } }>;
    };
    expect(body.errors[0]?.extensions.code).toBe("BAD_REQUEST");
  });

  describe("CSRF prevention", () => {
    const getUrl = () =>
      `${stack.server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`;

    it("refuses a GET query without a preflight-forcing header", async () => {
      const response = await fetch(getUrl(), {
        headers: { authorization: `Bearer ${KEY}` },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        errors: Array<{ extensions: { code: string } }>;
      };
      expect(body.errors[0]?.extensions.code).toBe("BAD_REQUEST");
    });

    it("serves a GET query that carries apollo-require-preflight", async () => {
      const response = await fetch(getUrl(), {
        headers: {
          authorization: `Bearer ${KEY}`,
          "apollo-require-preflight": "true",
        },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        data: { __typename: "Query" },
      });
    });
  });
});

describe("limits on what clients send, set low", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      apiKey: KEY,
      env: {
        GRAPHQL_MAX_DEPTH: "2",
        GRAPHQL_MAX_COST: "20",
        MAX_TOKENS_PER_REQUEST: "5",
      },
    });
  });
  afterAll(() => stack.close());

  it.each([
    [
      "a query deeper than GRAPHQL_MAX_DEPTH",
      `query($token: String!) {
        nfcDocument(nfcToken: $token) { picture { mimeType } } }`,
      /depth limit of 2 exceeded/,
    ],
    [
      "a query costlier than GRAPHQL_MAX_COST",
      `query($token: String!) { nfcDocument(nfcToken: $token) {
        nfcToken resultCode billed requestId idType idTypeCode idNum name
        enName sex nation nationality address birthDate beginTime endTime } }`,
      /Cost limit of 20 exceeded/,
    ],
  ])(
    "refuses %s as GRAPHQL_VALIDATION_FAILED",
    async (_label, query, message) => {
      const { status, body } = await stack.graphql(query, {
        token: "sample-id-card",
      });
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      });
    },
  );

  const PULL = `query($a: String!, $list: [String!]!) {
    one: nfcDocument(nfcToken: $a) { idType }
    two: nfcDocument(nfcToken: "sample-chinese-passport") { idType }
    many: nfcDocuments(nfcTokens: $list) { idType }
  }`;

  it("serves an operation naming as many distinct tokens as allowed", async () => {
    const { status, body } = await stack.graphql(PULL, {
      a: "sample-id-card",
      // Repeats count once: the loader pulls each token once.
      list: ["sample-id-card", "t3", "t4", "t5", "t5"],
    });
    expect(status).toBe(200);
    expect(body.data?.one).toEqual({ idType: "ID_CARD" });
  });

  it("refuses one token more, aliases and lists together, before any upstream call", async () => {
    const before = stack.emulator.stats().actionRequests;
    const { status, body } = await stack.graphql(PULL, {
      a: "sample-id-card",
      list: ["t3", "t4", "t5", "t6"],
    });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringContaining("at most 5 distinct NFC tokens"),
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    expect(stack.emulator.stats().actionRequests).toBe(before);
  });
});
