import { ErrorCode } from "../../../src/errors/ErrorCode";
import { classifyUpstreamError } from "../../../src/services/tencent/classifyUpstreamError";

/** Builds an error shaped like the SDK's TencentCloudSDKHttpException. */
function sdkError(fields: Record<string, unknown>, message = "upstream") {
  return Object.assign(new Error(message), fields);
}

describe("classifyUpstreamError", () => {
  it("maps an unknown token to NFC_TOKEN_NOT_FOUND, not retried", () => {
    const error = classifyUpstreamError(
      sdkError({
        code: "FailedOperation.InvalidTokenParameter",
        requestId: "req-9",
      }),
    );
    expect(error.code).toBe(ErrorCode.NFC_TOKEN_NOT_FOUND);
    expect(error.transient).toBe(false);
    expect(error.extensions).toEqual({
      code: "NFC_TOKEN_NOT_FOUND",
      upstreamCode: "FailedOperation.InvalidTokenParameter",
      upstreamRequestId: "req-9",
    });
  });

  it.each([
    ["RequestLimitExceeded", ErrorCode.UPSTREAM_RATE_LIMITED],
    ["RequestLimitExceeded.UinLimitExceeded", ErrorCode.UPSTREAM_RATE_LIMITED],
    ["InternalError", ErrorCode.UPSTREAM_UNAVAILABLE],
    ["InternalError.UnKnown", ErrorCode.UPSTREAM_UNAVAILABLE],
    ["ServiceUnavailable", ErrorCode.UPSTREAM_UNAVAILABLE],
  ])("treats %s as transient %s", (code, errorCode) => {
    const error = classifyUpstreamError(sdkError({ code }));
    expect(error.code).toBe(errorCode);
    expect(error.transient).toBe(true);
    expect(error.outcome).toBe(code);
  });

  it("asks for at least a second's pause after a rate-limit answer", () => {
    const error = classifyUpstreamError(
      sdkError({ code: "RequestLimitExceeded" }),
    );
    expect(error.minRetryDelayMs).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    ["AuthFailure.SignatureFailure", ErrorCode.UPSTREAM_AUTH_FAILED],
    ["AuthFailure.SecretIdNotFound", ErrorCode.UPSTREAM_AUTH_FAILED],
    ["InvalidParameter", ErrorCode.UPSTREAM_REJECTED],
    ["InvalidParameterValue", ErrorCode.UPSTREAM_REJECTED],
    ["MissingParameter", ErrorCode.UPSTREAM_REJECTED],
    ["FailedOperation", ErrorCode.UPSTREAM_REJECTED],
  ])("treats %s as permanent %s", (code, errorCode) => {
    const error = classifyUpstreamError(sdkError({ code }));
    expect(error.code).toBe(errorCode);
    expect(error.transient).toBe(false);
  });

  it("never repeats the upstream's message to the client", () => {
    const error = classifyUpstreamError(
      sdkError({ code: "AuthFailure.SecretIdNotFound" }, "AKIDsecret bad"),
    );
    expect(error.message).not.toContain("AKID");
  });

  it.each([
    [502, true],
    [503, true],
    [404, false],
  ])("treats HTTP %p as unavailable, transient: %p", (httpCode, transient) => {
    const error = classifyUpstreamError(sdkError({ httpCode }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(error.transient).toBe(transient);
  });

  it.each([
    ["a network failure", sdkError({}, "socket hang up"), "network"],
    [
      "a parse failure",
      new SyntaxError('Unexpected token "9900"'),
      "malformed_body",
    ],
    [
      "node-fetch's invalid JSON",
      Object.assign(new Error("invalid json response body: 9900"), {
        type: "invalid-json",
      }),
      "malformed_body",
    ],
    [
      "a body without Response",
      new TypeError("reading 'Error'"),
      "malformed_body",
    ],
    [
      "a body timeout",
      Object.assign(new Error("timeout"), { type: "body-timeout" }),
      "timeout",
    ],
  ])("treats %s as transient, quoting nothing", (_label, thrown, outcome) => {
    const error = classifyUpstreamError(thrown);
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(error.transient).toBe(true);
    expect(error.outcome).toBe(outcome);
    expect(error.message).not.toContain("9900");
  });
});
