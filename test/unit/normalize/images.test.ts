import {
  detectImageMimeType,
  toDocumentImage,
} from "../../../src/services/normalize/images";

const bytes = (...values: number[]) => Buffer.from(values);

describe("detectImageMimeType", () => {
  it.each([
    ["image/jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ["image/png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    [
      "image/jp2",
      bytes(0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a),
    ],
    ["image/j2k", bytes(0xff, 0x4f, 0xff, 0x51, 0, 0x2f)],
    ["image/bmp", bytes(0x42, 0x4d, 0x36, 0, 0, 0)],
    ["image/gif", bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61)],
    ["application/octet-stream", bytes(1, 2, 3, 4)],
    ["application/octet-stream", bytes()],
  ])("recognises %s", (mimeType, data) => {
    expect(detectImageMimeType(data)).toBe(mimeType);
  });

  it("matches the base64 prefixes the upstream notes list", () => {
    const decode = (prefix: string) => Buffer.from(prefix, "base64");
    expect(detectImageMimeType(decode("/9j/4AAQ"))).toBe("image/jpeg");
    expect(detectImageMimeType(decode("AAAADGpQICANCocK"))).toBe("image/jp2");
    expect(detectImageMimeType(decode("/0//UQAv"))).toBe("image/j2k");
  });
});

describe("toDocumentImage", () => {
  it("is null when the upstream sent no image", () => {
    expect(toDocumentImage(null)).toBeNull();
  });

  it("keeps the base64 text and reports the decoded size", () => {
    const base64 = bytes(0xff, 0xd8, 0xff, 0xdb, 1, 2, 3).toString("base64");
    expect(toDocumentImage(base64)).toEqual({
      mimeType: "image/jpeg",
      byteLength: 7,
      base64,
    });
  });

  it("keeps bytes in an unknown format reachable", () => {
    const base64 = bytes(9, 9, 9).toString("base64");
    expect(toDocumentImage(base64)).toMatchObject({
      mimeType: "application/octet-stream",
      base64,
    });
  });
});
