import { startTestStack, type TestStack } from "../support/testStack";

const LIST_QUERY = `query Pull($tokens: [String!]!) {
  nfcDocuments(nfcTokens: $tokens) { nfcToken idType }
}`;

describe("nfcDocuments against the emulator", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { MAX_TOKENS_PER_REQUEST: "5" } });
  });
  afterAll(() => stack.close());

  it("answers in order, with null and a located error per failed token", async () => {
    const { body } = await stack.graphql(LIST_QUERY, {
      tokens: [
        "sample-id-card",
        "bad token",
        "unknown-token",
        "sample-id-card",
      ],
    });
    expect(body.data?.nfcDocuments).toEqual([
      { nfcToken: "sample-id-card", idType: "ID_CARD" },
      null,
      null,
      { nfcToken: "sample-id-card", idType: "ID_CARD" },
    ]);
    const byPath = Object.fromEntries(
      (body.errors ?? []).map((error) => [
        JSON.stringify(error.path),
        error.extensions?.code,
      ]),
    );
    expect(byPath).toEqual({
      '["nfcDocuments",1]': "BAD_USER_INPUT",
      '["nfcDocuments",2]': "NFC_TOKEN_NOT_FOUND",
    });
  });

  it("pulls a token listed twice from the upstream once", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    await stack.graphql(LIST_QUERY, { tokens: [token, token, token] });
    expect(stack.emulator.callsFor(token)).toBe(1);
  });

  it("refuses more tokens than configured, before any upstream call", async () => {
    const before = stack.emulator.stats().actionRequests;
    const tokens = Array.from({ length: 6 }, (_, index) => `token-${index}`);
    const { body } = await stack.graphql(LIST_QUERY, { tokens });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(stack.emulator.stats().actionRequests).toBe(before);
  });

  it("answers an empty list with an empty list", async () => {
    const { body } = await stack.graphql(LIST_QUERY, { tokens: [] });
    expect(body.data?.nfcDocuments).toEqual([]);
  });
});
