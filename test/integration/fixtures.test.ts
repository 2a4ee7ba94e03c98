import { AUDIT_EVENT } from "../../src/audit/tokenAudit";
import { listFixturePersonalValues, SAMPLE_TOKENS } from "../../src/emulator";
import { startTestStack, type TestStack } from "../support/testStack";

const EVERY_FIELD = `query Pull($token: String!) {
  nfcDocument(nfcToken: $token) {
    nfcToken resultCode billed requestId idType idTypeCode idNum name enName
    sex nation nationality address signingOrganization otherIdNum
    personalNumber birthDate beginTime endTime expired
    picture { mimeType byteLength base64 dataUrl }
    idCardFrontImg { mimeType byteLength }
    idCardBackImg { mimeType byteLength }
    checkMRTD { resultIssuer resultPaper resultData resultChip genuine }
  }
}`;

type Document = Record<string, unknown>;

/** Authentication is on, as in production, so its lines are in the log. */
const API_KEY = "fixtures-test-key-0123456789";

describe("every emulator fixture through the server", () => {
  let stack: TestStack;
  const documents = new Map<string, Document>();

  beforeAll(async () => {
    stack = await startTestStack({ apiKey: API_KEY });
    for (const { token } of SAMPLE_TOKENS) {
      const { body } = await stack.graphql(EVERY_FIELD, { token });
      if (body.data?.nfcDocument) {
        documents.set(token, body.data.nfcDocument as Document);
      }
    }
  });
  afterAll(() => stack.close());

  it("serves a document for every sample token", () => {
    expect([...documents.keys()]).toEqual(SAMPLE_TOKENS.map((s) => s.token));
  });

  it.each([
    ["sample-id-card", "ID_CARD"],
    ["sample-chinese-passport", "CHINESE_PASSPORT"],
    ["sample-hk-macao-travel-permit", "HK_MACAO_TRAVEL_PERMIT"],
    ["sample-taiwan-resident-travel-permit", "TAIWAN_TRAVEL_PERMIT"],
    ["sample-foreign-passport", "FOREIGN_PASSPORT"],
    [
      "sample-foreign-permanent-residence-card",
      "FOREIGNER_PERMANENT_RESIDENCE_PERMIT",
    ],
    [
      "sample-hk-macao-taiwan-residence-permit",
      "HK_MACAO_TAIWAN_RESIDENCE_PERMIT",
    ],
    ["sample-return-home-permit", "RETURN_HOME_PERMIT"],
    [
      "sample-mainland-taiwan-travel-permit",
      "MAINLAND_RESIDENT_TAIWAN_TRAVEL_PERMIT",
    ],
    ["sample-other-document", "OTHER"],
  ])("types %s as %s", (token, idType) => {
    expect(documents.get(token)?.idType).toBe(idType);
  });

  it("keeps an undocumented IdType code reachable", () => {
    expect(documents.get("sample-undocumented-id-type")).toMatchObject({
      idType: null,
      idTypeCode: "42",
    });
  });

  it("serves a failed read as free and unbilled", () => {
    expect(documents.get("sample-failed-read")).toMatchObject({
      resultCode: "READ_FAILED",
      billed: false,
      name: null,
      picture: null,
    });
  });

  it("reports partial chip checks as not genuine", () => {
    const checks = documents.get("sample-partial-checks")?.checkMRTD;
    expect(checks).toMatchObject({ genuine: false });
    expect(Object.values(checks as object)).toEqual(
      expect.arrayContaining(["PARTIALLY_PASSED", "UNVERIFIED"]),
    );
  });

  it("reads CheckMRTD keys with trailing spaces", () => {
    expect(documents.get("sample-mrtd-spaced-keys")?.checkMRTD).not.toBeNull();
  });

  it("serves null for an unparseable CheckMRTD and logs no value", () => {
    expect(documents.get("sample-mrtd-unparseable")?.checkMRTD).toBeNull();
    expect(stack.logs()).toContain("CheckMRTD could not be read");
  });

  it.each([
    ["sample-long-term-id-card", false],
    ["sample-long-term-zeros", false],
    ["sample-expired-document", true],
  ])("works out %s's expiry as %p", (token, expired) => {
    expect(documents.get(token)?.expired).toBe(expired);
  });

  it.each([
    ["sample-jp2-portrait", "image/jp2"],
    ["sample-j2k-portrait", "image/j2k"],
    ["sample-png-portrait", "image/png"],
  ])("types %s's portrait as %s", (token, mimeType) => {
    expect(documents.get(token)?.picture).toMatchObject({ mimeType });
  });

  it("turns unpadded slash dates into ISO", () => {
    expect(documents.get("sample-slash-dates")?.birthDate).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
  });

  it("logs no personal value of any fixture, even at debug level", () => {
    const logs = stack.logs();
    const leaked = listFixturePersonalValues().filter((value) =>
      logs.includes(value),
    );
    expect(leaked).toEqual([]);
    expect(logs.length).toBeGreaterThan(0);
  });

  it("audits every pull by key id, without the key or the token", () => {
    const audits = stack
      .logs()
      .split("\n")
      .filter((line) => line.includes(AUDIT_EVENT));
    expect(audits).toHaveLength(SAMPLE_TOKENS.length);
    for (const line of audits) {
      expect(JSON.parse(line)).toMatchObject({
        who: expect.stringMatching(/^key:[0-9a-f]{8}$/),
        tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        outcome: expect.any(String),
      });
    }
    const tokens = SAMPLE_TOKENS.map(({ token }) => token);
    expect(tokens.filter((token) => audits.join("").includes(token))).toEqual(
      [],
    );
    expect(stack.logs()).not.toContain(API_KEY);
  });
});
