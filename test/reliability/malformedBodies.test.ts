import { FIXTURES, type FaultKind } from "../../src/emulator";
import type { FieldOverrides } from "../../src/emulator";
import { outcomeOf } from "./support/answers";
import { pull } from "./support/pulls";
import { personalValuesIn } from "./support/personalData";
import { startTestStack, type TestStack } from "../support/testStack";

const MAX_ATTEMPTS = 2;

/** Rate limits out of the way: every fixture's pull runs at once. */
const REQUESTS_PER_SECOND = 100;

describe("malformed upstream bodies", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        FACEID_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        // Every pull here fails on purpose; an open breaker would answer
        // the later ones without reading a single malformed body.
        FACEID_BREAKER_FAILURES: "1000",
        FACEID_MAX_RPS: String(REQUESTS_PER_SECOND),
      },
      emulator: { maxRequestsPerSecond: REQUESTS_PER_SECOND },
    });
  });
  afterAll(() => stack.close());
  afterEach(() => stack.emulator.clearFaults());

  it.each<FaultKind>(["truncatedJson", "nonJson"])(
    "answers UPSTREAM_UNAVAILABLE for every fixture when each body is %s, quoting and logging nothing personal",
    async (kind) => {
      // Truncated bodies are the first half of the real answer, so they
      // carry the names and ID numbers a careless log line would copy.
      stack.emulator.injectFault({ kind });
      const tokens = FIXTURES.map(
        ({ name }) => stack.emulator.mintToken({ fixture: name }).token,
      );

      const answers = await Promise.all(
        tokens.map((token) => pull(stack.server.url, token)),
      );

      expect(new Set(answers.map(outcomeOf))).toEqual(
        new Set(["UPSTREAM_UNAVAILABLE"]),
      );
      tokens.forEach((token) =>
        expect(stack.emulator.callsFor(token)).toBe(MAX_ATTEMPTS),
      );
      expect(personalValuesIn(JSON.stringify(answers))).toEqual([]);
      expect(personalValuesIn(stack.logs())).toEqual([]);
    },
  );

  /*
   * The emulator's overrides are strings or null, so a body with an object
   * or an array where a string belongs cannot be produced end to end; the
   * unit tests of readWxNfcResult cover those. These are bodies of the
   * right JSON shape whose values are garbage.
   */
  it.each<[string, FieldOverrides, Record<string, unknown>]>([
    [
      "CheckMRTD that is not JSON",
      { CheckMRTD: "{not json" },
      { checkMRTD: null },
    ],
    ["CheckMRTD that is an array", { CheckMRTD: "[1,2]" }, { checkMRTD: null }],
    [
      "CheckMRTD with an object for a result",
      { CheckMRTD: '{"result_issuer":{"a":1}}' },
      { checkMRTD: null },
    ],
    [
      "Picture that is not base64",
      { Picture: "%%%%not-base64%%%%" },
      { picture: { mimeType: "application/octet-stream" } },
    ],
    [
      "BirthDate in words",
      { BirthDate: "yesterday" },
      { birthDate: "yesterday" },
    ],
    [
      "EndTime of control characters",
      { EndTime: "\u0000\u001b[2J" },
      { endTime: "\u0000\u001b[2J", expired: null },
    ],
    ["IdType nobody documents", { IdType: "ZZ" }, { idType: null }],
    [
      "ResultCode that is no code",
      { ResultCode: "banana" },
      { nfcToken: expect.any(String) },
    ],
    [
      "Name of a megabyte",
      { Name: "名".repeat(2 ** 20 / 3) },
      { name: expect.stringMatching(/^名+$/) },
    ],
  ])(
    "serves a document despite an upstream %s, degrading only that field and logging nothing personal",
    async (_label, overrides, expected) => {
      const { token } = stack.emulator.mintToken({
        fixture: "chinese-passport",
        overrides,
      });

      const answer = await pull(stack.server.url, token);

      expect(answer).toMatchObject({
        kind: "served",
        data: {
          nfcDocument: { idNum: "EZ9900003", ...expected },
        },
      });
      expect(personalValuesIn(stack.logs())).toEqual([]);

      // The answer itself shows the values, proving the search finds them.
      expect(personalValuesIn(JSON.stringify(answer))).not.toEqual([]);
    },
  );
});
