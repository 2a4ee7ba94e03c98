import { startTestStack, type TestStack } from "../support/testStack";

const DOCUMENT_QUERY = `query Pull($token: String!) {
  nfcDocument(nfcToken: $token) {
    nfcToken resultCode billed requestId idType idTypeCode idNum name
    birthDate endTime expired
    picture { mimeType byteLength dataUrl }
    checkMRTD { resultIssuer resultPaper resultData resultChip genuine }
  }
}`;

describe("nfcDocument against the emulator", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it("serves a resident ID card read through the real SDK", async () => {
    const { status, body } = await stack.graphql(DOCUMENT_QUERY, {
      token: "sample-id-card",
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.nfcDocument).toMatchObject({
      nfcToken: "sample-id-card",
      resultCode: "READ_SUCCEEDED",
      billed: true,
      idType: "ID_CARD",
      idTypeCode: "01",
      picture: {
        mimeType: "image/jpeg",
        dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,\/9j\//),
      },
    });
  });

  it("shows a JPEG 2000 portrait with its own MIME type", async () => {
    const { body } = await stack.graphql(DOCUMENT_QUERY, {
      token: "sample-jp2-portrait",
    });
    expect(body.data?.nfcDocument).toMatchObject({
      picture: { mimeType: "image/jp2" },
    });
  });

  it("reaches the upstream once for ten aliases of one token", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "id-card" });
    const aliases = Array.from(
      { length: 10 },
      (_, index) => `a${index}: nfcDocument(nfcToken: $token) { idNum }`,
    ).join("\n");

    const { body } = await stack.graphql(
      `query Aliases($token: String!) { ${aliases} }`,
      { token },
    );
    expect(Object.keys(body.data ?? {})).toHaveLength(10);
    expect(stack.emulator.callsFor(token)).toBe(1);
  });

  it("reaches the upstream once for 40 concurrent requests and a later one", async () => {
    const { token } = stack.emulator.mintToken({ fixture: "chinese-passport" });
    const responses = await Promise.all(
      Array.from({ length: 40 }, () =>
        stack.graphql(DOCUMENT_QUERY, { token }),
      ),
    );
    expect(responses.every(({ body }) => body.data?.nfcDocument)).toBe(true);
    expect(stack.emulator.callsFor(token)).toBe(1);

    await stack.graphql(DOCUMENT_QUERY, { token });
    expect(stack.emulator.callsFor(token)).toBe(1);
  });

  it.each([
    ["an empty token", ""],
    ["a token with a space", "abc def"],
    ["a token of 129 characters", "a".repeat(129)],
    ["a token with a control character", "abc\u0000"],
    ["a token with non-ASCII letters", "令牌"],
  ])(
    "refuses %s as BAD_USER_INPUT without an upstream call",
    async (_label, token) => {
      const before = stack.emulator.stats().actionRequests;
      const { body } = await stack.graphql(DOCUMENT_QUERY, { token });
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(body.errors?.[0]?.message).not.toContain(token || "\u0001");
      expect(stack.emulator.stats().actionRequests).toBe(before);
    },
  );

  it("answers NFC_TOKEN_NOT_FOUND with the upstream's code and RequestId", async () => {
    const { body } = await stack.graphql(DOCUMENT_QUERY, {
      token: "never-issued-token",
    });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({
      code: "NFC_TOKEN_NOT_FOUND",
      upstreamCode: "FailedOperation.InvalidTokenParameter",
      upstreamRequestId: expect.any(String),
    });
  });
});
