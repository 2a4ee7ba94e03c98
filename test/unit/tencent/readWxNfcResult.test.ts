import { ErrorCode } from "../../../src/errors/ErrorCode";
import { readWxNfcResult } from "../../../src/services/tencent/readWxNfcResult";

describe("readWxNfcResult", () => {
  it("keeps the documented string fields and the RequestId", () => {
    expect(
      readWxNfcResult({ RequestId: "r", ResultCode: "0", Name: null }),
    ).toEqual({ RequestId: "r", ResultCode: "0", Name: null });
  });

  it("keeps a number where a string belongs as its text", () => {
    expect(readWxNfcResult({ RequestId: "r", ResultCode: -1 })).toMatchObject({
      ResultCode: "-1",
    });
  });

  it.each([
    ["not an object", "garbage"],
    ["null", null],
    ["missing the RequestId", { ResultCode: "0" }],
    ["an object where a string belongs", { RequestId: "r", Name: {} }],
    ["an array where a string belongs", { RequestId: "r", IdNum: [1] }],
  ])("refuses a body that is %s as UPSTREAM_UNAVAILABLE", (_label, body) => {
    expect(() => readWxNfcResult(body)).toThrow(
      expect.objectContaining({ code: ErrorCode.UPSTREAM_UNAVAILABLE }),
    );
  });
});
