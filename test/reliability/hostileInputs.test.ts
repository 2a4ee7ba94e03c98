import fc from "fast-check";

import { judgeAnswer } from "./support/answers";
import { expectTypedRefusal } from "./support/hostileAnswers";
import { sendOverSocket, sendRaw, sendRawAnswer } from "./support/rawHttp";
import { scaled } from "./support/scale";
import { startTestStack, type TestStack } from "../support/testStack";

/** Runs per property: a few in every test run, many in the full one. */
const NUM_RUNS = scaled(15, 300);

/** What a real token looks like (src/services/documents/nfcToken.ts). */
const VALID_TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

const SINGLE_PULL = `query Pull($t: String!) { nfcDocument(nfcToken: $t) { nfcToken } }`;
const LIST_PULL = `query Pulls($t: [String!]!) { nfcDocuments(nfcTokens: $t) { nfcToken } }`;

/** A list pull whose variable is `depth` empty lists, one inside another. */
function nestedListBody(depth: number): string {
  const value = "[".repeat(depth) + "]".repeat(depth);
  return `{"query":${JSON.stringify(LIST_PULL)},"variables":{"t":${value}}}`;
}

function words(text: string): string[] {
  return text.split(" ");
}

/** Level 50 and above: what an operator would be paged for. */
const ERROR_LOG_LINE = /"level":(5|6)0/;

describe("hostile requests", () => {
  let stack: TestStack;
  let graphqlUrl: string;
  /**
   * A token the emulator would serve. The hostile requests that name it
   * must be refused before execution: had any run, the emulator would
   * have seen a call.
   */
  let liveToken: string;

  beforeAll(async () => {
    stack = await startTestStack();
    graphqlUrl = `${stack.server.url}/graphql`;
    liveToken = stack.emulator.mintToken({ fixture: "id-card" }).token;
  });
  afterAll(() => stack.close());

  // After every property: no upstream call, no error logged, still alive.
  let logOffset = 0;
  beforeEach(() => {
    logOffset = stack.logs().length;
  });
  afterEach(async () => {
    expect(stack.emulator.stats().actionRequests).toBe(0);
    const lines = stack.logs().slice(logOffset).split("\n");
    expect(lines.filter((line) => ERROR_LOG_LINE.test(line))).toEqual([]);
    expect((await fetch(`${stack.server.url}/healthz`)).status).toBe(200);
  });

  /** POSTs a JSON value (or raw text) as application/json. */
  function postJson(body: unknown) {
    return sendRawAnswer(graphqlUrl, {
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  it("refuses bodies that are not a JSON object with a 4xx", async () => {
    const notAnOperation = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.uint8Array({ maxLength: 500 }),
      // Valid JSON cut anywhere, often no longer valid.
      fc
        .json()
        .chain((json) =>
          fc.nat({ max: json.length }).map((end) => json.slice(0, end)),
        ),
      // Valid JSON of the wrong kind: arrays (batches), scalars, null.
      fc
        .jsonValue()
        .filter((value) => typeof value !== "object" || value === null)
        .map((value) => JSON.stringify(value)),
      fc.array(fc.jsonValue()).map((value) => JSON.stringify(value)),
    );

    await fc.assert(
      fc.asyncProperty(notAnOperation, async (body) => {
        const answer = await sendRawAnswer(graphqlUrl, {
          headers: { "content-type": "application/json" },
          body,
        });
        expectTypedRefusal(answer);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("refuses malformed GraphQL documents as typed request or field errors", async () => {
    // Pieces of GraphQL, shuffled. No piece spells a valid token, so no
    // document built from them can reach the upstream. Mutations and
    // subscriptions are left out: see the known defects below.
    const piece = fc.constantFrom(
      ...words('{ } ( ) [ ] : ! ... $t = | & # \\ 1 - "" query fragment on'),
      ...words("Query nfcDocument nfcDocuments nfcToken: nfcTokens: nfcToken"),
      ...words("picture name __typename __schema String @include"),
      '"\\u0000"',
      '"\n',
      "@skip(if: true)",
    );
    const document = fc
      .array(piece, { maxLength: 40 })
      .map((pieces) => pieces.join(" "));

    await fc.assert(
      fc.asyncProperty(document, async (query) => {
        expectTypedRefusal(await postJson({ query }), { mayBeServed: true });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("refuses a pull sent with any content type but JSON with a 4xx", async () => {
    const contentType = fc.oneof(
      fc.constantFrom(
        undefined,
        "",
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/graphql",
        "application/graphql-response+json",
        "application/xml",
        "text/html",
        "*/*",
      ),
      fc
        .stringMatching(/^[a-z]{1,12}\/[a-z0-9.+-]{1,20}$/)
        .filter((type) => type !== "application/json"),
    );

    await fc.assert(
      fc.asyncProperty(contentType, async (type) => {
        const answer = await sendRawAnswer(graphqlUrl, {
          headers: type === undefined ? {} : { "content-type": type },
          body: JSON.stringify({
            query: SINGLE_PULL,
            variables: { t: liveToken },
          }),
        });
        expectTypedRefusal(answer);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("refuses huge documents with a 4xx", async () => {
    const hugeDocument = fc.oneof(
      // Over the parser's token limit, or over the body limit.
      fc
        .integer({ min: 2_001, max: 40_000 })
        .map((count) => `{ ${"__typename ".repeat(count)}}`),
      // One string literal larger than the body limit.
      fc
        .integer({ min: 110_000, max: 400_000 })
        .map((length) => `{ nfcDocument(nfcToken: "${"a".repeat(length)}") }`),
    );

    await fc.assert(
      fc.asyncProperty(hugeDocument, async (query) => {
        expectTypedRefusal(await postJson({ query }));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("refuses alias and token-count bombs before any upstream call", async () => {
    const aliasBomb = fc.integer({ min: 21, max: 3_000 }).map((count) => {
      const fields = Array.from(
        { length: count },
        (_, index) =>
          `a${index}: nfcDocument(nfcToken: "${liveToken}") { nfcToken }`,
      );
      return { query: `{ ${fields.join(" ")} }` };
    });
    // Within the alias limit, but naming more distinct tokens than the
    // 50 one request may pull; each would cost an upstream call.
    const tokenBomb = fc
      .uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{8,24}$/), {
        minLength: 51,
        maxLength: 400,
      })
      .map((tokens) => ({ query: LIST_PULL, variables: { t: tokens } }));

    await fc.assert(
      fc.asyncProperty(fc.oneof(aliasBomb, tokenBomb), async (body) => {
        expectTypedRefusal(await postJson(body));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("refuses depth bombs before any upstream call", async () => {
    const depthBomb = fc
      .oneof(
        // Selections nested past the depth limit under a real pull.
        fc.integer({ min: 7, max: 400 }).map((depth) => {
          const inner =
            "picture { ".repeat(depth) + "base64" + " }".repeat(depth);
          return `{ nfcDocument(nfcToken: "${liveToken}") { ${inner} } }`;
        }),
        // Introspection that recurses through types and fields.
        fc.integer({ min: 3, max: 200 }).map((depth) => {
          const inner =
            "fields { type { ".repeat(depth) + "name" + " } }".repeat(depth);
          return `{ __schema { types { ${inner} } } }`;
        }),
      )
      .map((query) => JSON.stringify({ query }));
    // Lists nested deep in a variable's value, as text: fast-check prints
    // a failing value, and printing a deep array overflows the stack. From
    // a few thousand levels on, the server fails: see the known defects.
    const nestedVariable = fc
      .integer({ min: 10, max: 1_000 })
      .map((depth) => nestedListBody(depth));

    await fc.assert(
      fc.asyncProperty(fc.oneof(depthBomb, nestedVariable), async (body) => {
        expectTypedRefusal(await postJson(body));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  describe("odd tokens", () => {
    const oddToken = fc
      .oneof(
        fc.constantFrom(
          "",
          "a".repeat(10 * 1024),
          "\ud800",
          "abc\udfff",
          "\u202egnp.exe",
          "名字",
          "😀",
          "a\u0000b",
          "tok en",
          "../../etc/passwd",
          `${"sample-id-card"}\n`,
        ),
        fc.string({ unit: "binary", minLength: 1, maxLength: 200 }),
        fc.string({ unit: "binary-ascii", minLength: 129, maxLength: 400 }),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
      )
      .filter((token) => !VALID_TOKEN.test(token));

    /** Neither the answer nor the log may quote a token of any length. */
    function expectNotEchoed(token: string, answerText: string): void {
      if (token.length < 8) {
        return;
      }
      const escaped = JSON.stringify(token).slice(1, -1);
      for (const text of [answerText, stack.logs()]) {
        expect(text.includes(token) || text.includes(escaped)).toBe(false);
      }
    }

    it("answers a malformed token in a variable with a 200 and BAD_USER_INPUT on its field", async () => {
      await fc.assert(
        fc.asyncProperty(oddToken, fc.boolean(), async (token, inList) => {
          const body = inList
            ? { query: LIST_PULL, variables: { t: [token] } }
            : { query: SINGLE_PULL, variables: { t: token } };
          const response = await sendRaw(graphqlUrl, {
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          });

          expect(response.status).toBe(200);
          expect(JSON.parse(response.text)).toMatchObject({
            data: inList ? { nfcDocuments: [null] } : null,
            errors: [{ extensions: { code: "BAD_USER_INPUT" } }],
          });
          expectNotEchoed(token, response.text);
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it("answers a malformed token in a literal with a field error or a parse error", async () => {
      await fc.assert(
        fc.asyncProperty(oddToken, async (token) => {
          // JSON's string escapes are GraphQL's too, lone surrogates aside.
          const literal = JSON.stringify(token);
          const query = `{ nfcDocument(nfcToken: ${literal}) { nfcToken } }`;
          const response = await sendRaw(graphqlUrl, {
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query }),
          });

          expectTypedRefusal(judgeAnswer(response.status, response.text));
          expectNotEchoed(token, response.text);
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it("answers a token of bytes that are not UTF-8 without reaching the upstream", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ minLength: 1, maxLength: 64 }),
          async (bytes) => {
            const [head, tail] = JSON.stringify({
              query: SINGLE_PULL,
              variables: { t: "\u0001" },
            }).split("\\u0001");
            const body = Buffer.concat([
              Buffer.from(head),
              Buffer.from([0xff, 0xfe, ...bytes]),
              Buffer.from(tail),
            ]);
            const answer = await sendRawAnswer(graphqlUrl, {
              headers: { "content-type": "application/json" },
              body,
            });
            expectTypedRefusal(answer);
          },
        ),
        { numRuns: NUM_RUNS },
      );
    });
  });
});

/*
 * Requests that once slipped past the refusals above (a stack overflow, a
 * masked mutation, a quoted variable, Node's own untyped answers); each
 * asserts what GraphQL over HTTP and docs/errors.md call for.
 */
describe("refusing the hardest hostile requests", () => {
  let stack: TestStack;
  let graphqlUrl: string;
  beforeAll(async () => {
    // Room for a variable nested deeper than any stack could recurse.
    stack = await startTestStack({ env: { BODY_LIMIT_BYTES: "1048576" } });
    graphqlUrl = `${stack.server.url}/graphql`;
  });
  afterAll(() => stack.close());

  it("answers a variable of lists nested 400,000 deep with a typed 4xx, not a 500", async () => {
    const answer = await sendRawAnswer(graphqlUrl, {
      headers: { "content-type": "application/json" },
      body: nestedListBody(400_000),
    });
    expectTypedRefusal(answer);
  });

  it.each(["mutation", "subscription"])(
    "refuses a %s, which the schema does not define, as a typed 4xx",
    async (operationType) => {
      const answer = await sendRawAnswer(graphqlUrl, {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `${operationType} { __typename }` }),
      });
      expectTypedRefusal(answer);
      expect(answer.status).toBe(400);
    },
  );

  it("refuses a variable of the wrong type without quoting its value", async () => {
    const value = { name: "QUOTED-BACK-7f3a" };
    const response = await sendRaw(graphqlUrl, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: SINGLE_PULL, variables: { t: value } }),
    });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain(value.name);
  });

  it.each([
    [
      "a request line over the header size limit",
      "GET /graphql?query=" +
        "a".repeat(20_000) +
        " HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
    ["bytes that are not HTTP", "GARBAGE\r\n\r\n"],
  ])("answers %s with a typed 4xx", async (_label, bytes) => {
    const { status, text } = await sendOverSocket(graphqlUrl, bytes);
    expectTypedRefusal(judgeAnswer(status, text));
  });
});
