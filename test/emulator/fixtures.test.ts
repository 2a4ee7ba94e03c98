import {
  FIXTURES,
  listFixturePersonalValues,
  SAMPLE_TOKENS,
} from "../../src/emulator";
import { padJpeg } from "../../src/emulator/fixtures/imageLibrary";
import type { WxNfcResult } from "../../src/services/tencent/WxNfcResult";
import { EmulatorHarness } from "./emulatorHarness";
import { imageFormatOf, jpegMarkers } from "./imageFormats";

const DOCUMENTED_ID_TYPES = [
  "01",
  "03",
  "06",
  "07",
  "08",
  "13",
  "14",
  "15",
  "16",
  "99",
];

describe("fixtures through the SDK", () => {
  let harness: EmulatorHarness;
  const answers = new Map<string, WxNfcResult>();

  beforeAll(async () => {
    // One call per sample token, all at once: the limit is raised so the
    // whole list fits in one second.
    harness = await EmulatorHarness.start({
      maxRequestsPerSecond: SAMPLE_TOKENS.length,
    });
    for (const { token } of SAMPLE_TOKENS) {
      answers.set(token, await harness.getWxNfcResult({ NFCToken: token }));
    }
  });

  afterAll(() => harness.close());

  it.each(FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
    "answers sample-%s with that fixture's text fields",
    (name, fixture) => {
      const answer = answers.get(`sample-${name}`);

      expect(answer).toBeDefined();
      for (const [field, value] of Object.entries(fixture.record)) {
        if (!(fixture.images && field in fixture.images)) {
          expect(answer?.[field as keyof WxNfcResult]).toBe(value);
        }
      }
      for (const field of fixture.omit ?? []) {
        expect(answer).not.toHaveProperty(field);
      }
      expect(answer?.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it("gives every answer a different RequestId", () => {
    const ids = new Set([...answers.values()].map((a) => a.RequestId));

    expect(ids.size).toBe(answers.size);
  });

  it.each([
    ["sample-id-card", "Picture", "jpeg", "/9j/"],
    ["sample-id-card", "IdCardFrontImg", "jpeg", "/9j/"],
    ["sample-id-card", "IdCardBackImg", "jpeg", "/9j/"],
    ["sample-png-portrait", "Picture", "png", "iVBORw0KGgo"],
    ["sample-jp2-portrait", "Picture", "jp2", "AAAADGpQICAN"],
    ["sample-j2k-portrait", "Picture", "j2k", "/0//U"],
  ] as const)(
    "sends %s's %s as base64 of a %s file",
    (token, field, format, base64Prefix) => {
      const base64 = answers.get(token)?.[field] ?? "";

      expect(base64.startsWith(base64Prefix)).toBe(true);
      expect(imageFormatOf(Buffer.from(base64, "base64"))).toBe(format);
    },
  );

  it("sends about 200 KB of valid, padded JPEGs for the full document", () => {
    const answer = answers.get("sample-full-document");
    const images = [
      answer?.Picture,
      answer?.IdCardFrontImg,
      answer?.IdCardBackImg,
    ].map((base64) => Buffer.from(base64 ?? "", "base64"));
    const base64Length = images.reduce(
      (sum, image) => sum + image.toString("base64").length,
      0,
    );

    expect(base64Length).toBeGreaterThan(190_000);
    expect(base64Length).toBeLessThan(210_000);
    for (const image of images) {
      expect(jpegMarkers(image)).toContain(0xfffe);
    }
  });

  it("answers the failed read with ResultCode -1 and every other field empty", () => {
    const { RequestId, ResultCode, ...rest } =
      answers.get("sample-failed-read") ?? ({} as WxNfcResult);

    expect(RequestId).toBeDefined();
    expect(ResultCode).toBe("-1");
    expect(new Set(Object.values(rest))).toEqual(new Set([""]));
  });

  it("keeps nulls as nulls in the blank-fields answer", () => {
    const answer = answers.get("sample-blank-fields");

    expect(answer).toMatchObject({ Name: null, Picture: null, IdNum: "" });
  });
});

describe("fixture catalogue", () => {
  it("has one successful read for every documented IdType", () => {
    const idTypes = FIXTURES.filter(
      (fixture) => fixture.record.ResultCode === "0",
    ).map((fixture) => fixture.record.IdType);

    expect(idTypes).toEqual(expect.arrayContaining(DOCUMENTED_ID_TYPES));
  });

  it("keeps every personal value distinct and at least six characters long", () => {
    const values = listFixturePersonalValues();

    expect(new Set(values).size).toBe(values.length);
    expect(values.filter((value) => value.length < 6)).toEqual([]);
  });

  it("lists the personal values of the fixtures, not codes or pictures", () => {
    const values = listFixturePersonalValues();

    expect(values).toEqual(
      expect.arrayContaining([
        "样本甲测试员",
        "990101198701010015",
        "1987/1/1",
      ]),
    );
    expect(values).not.toContain("01");
    expect(values.some((value) => value.startsWith("/9j/"))).toBe(false);
  });

  it("gives every fixture a sample token matching the NFC token pattern", () => {
    const tokens = SAMPLE_TOKENS.map(({ token }) => token);

    expect(tokens).toHaveLength(FIXTURES.length);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
    }
  });

  it("pads a JPEG to the requested size without breaking its segments", () => {
    const tiny = Buffer.from(
      "ffd8ffe000104a46494600010100000100010000ffd9",
      "hex",
    );

    const padded = padJpeg(tiny, 200_000);

    expect(padded.length).toBe(200_000);
    expect(jpegMarkers(padded).slice(0, 2)).toEqual([0xffe0, 0xfffe]);
  });
});
