import Sign from "tencentcloud-sdk-nodejs/tencentcloud/common/sign";

import {
  canonicalRequest,
  parseTc3Authorization,
  tc3Signature,
} from "../../src/emulator/tc3Signature";
import { hostnameOf } from "../../src/emulator/verifyRequestSignature";

describe("TC3 signature computation", () => {
  it("matches the SDK's sign3 for a host with a port and a non-default service", () => {
    const body = '{"NFCToken":"sample-id-card"}';
    const header = Sign.sign3({
      method: "POST",
      url: "http://faceid.example.test:9000/",
      payload: Buffer.from(body),
      timestamp: 1_767_225_600,
      service: "faceid",
      secretId: "AKIDexample",
      secretKey: "example-key",
      multipart: false,
      boundary: "",
      headers: { "Content-Type": "application/json" },
    });

    const signature = tc3Signature({
      secretKey: "example-key",
      timestamp: 1_767_225_600,
      service: "faceid",
      canonicalRequest: canonicalRequest({
        method: "POST",
        path: "/",
        query: "",
        contentType: "application/json",
        hostname: hostnameOf("faceid.example.test:9000"),
        body: Buffer.from(body),
      }),
    });

    expect(parseTc3Authorization(header)).toEqual({
      secretId: "AKIDexample",
      date: "2026-01-01",
      service: "faceid",
      signedHeaders: "content-type;host",
      signature,
    });
  });

  it.each([
    "",
    "SKIP",
    "TC3-HMAC-SHA256 Credential=AKID/2026-01-01/faceid/tc3_request",
    `TC3-HMAC-SHA256 Credential=AKID/2026-1-1/faceid/tc3_request, SignedHeaders=content-type;host, Signature=${"a".repeat(64)}`,
    `TC3-HMAC-SHA256 Credential=AKID/2026-01-01/faceid/tc3_request, SignedHeaders=content-type;host, Signature=${"A".repeat(64)}`,
  ])("refuses the malformed Authorization header %j", (header) => {
    expect(parseTc3Authorization(header)).toBeUndefined();
  });

  it.each([
    ["127.0.0.1:9000", "127.0.0.1"],
    ["faceid.intl.tencentcloudapi.com", "faceid.intl.tencentcloudapi.com"],
    ["[::1]:9000", "[::1]"],
  ])("signs the Host %s as %s, without the port", (host, expected) => {
    expect(hostnameOf(host)).toBe(expected);
  });
});
