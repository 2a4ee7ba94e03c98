import type { UpstreamError } from "../../../src/errors/UpstreamError";
import type { FaceIdGateway } from "../../../src/services/tencent/FaceIdGateway";
import { classifyUpstreamError } from "../../../src/services/tencent/classifyUpstreamError";
import type { WxNfcResult } from "../../../src/services/tencent/WxNfcResult";

/*
 * Fakes shared by the upstream tests. Failures are made by the real
 * classifier from what the SDK would throw, so the tests exercise the same
 * `transient` and `outcome` traits the gateway produces.
 */

/** A token shaped like the documentation's example. */
export const SAMPLE_TOKEN = "d102c9c8-5423-11f1-97f9-52540044344e";

/** What the SDK throws, and what the classifier makes of it. */
export function sdkFailure(thrown: unknown): UpstreamError {
  return classifyUpstreamError(thrown);
}

/** An API error envelope with the given code. */
export function apiError(
  code: string,
  requestId = "req-failed",
): UpstreamError {
  return sdkFailure({ code, requestId });
}

/** Failures a second attempt may cure, by the classifier's own account. */
export const TRANSIENT_FAILURES: [string, () => UpstreamError][] = [
  ["a network error", () => sdkFailure(new Error("socket hang up"))],
  ["a connection reset", () => sdkFailure({ message: "ECONNRESET" })],
  ["a timeout", () => sdkFailure({ type: "request-timeout" })],
  ["an HTTP 502", () => sdkFailure({ httpCode: 502 })],
  ["a non-JSON body", () => sdkFailure(new SyntaxError("Unexpected token"))],
  ["a truncated body", () => sdkFailure({ type: "invalid-json" })],
  ["InternalError", () => apiError("InternalError")],
  ["InternalError.UnKnown", () => apiError("InternalError.UnKnown")],
  ["RequestLimitExceeded", () => apiError("RequestLimitExceeded")],
  [
    "RequestLimitExceeded.UinLimitExceeded",
    () => apiError("RequestLimitExceeded.UinLimitExceeded"),
  ],
  ["ServiceUnavailable", () => apiError("ServiceUnavailable")],
];

/** Failures no retry can cure. */
export const PERMANENT_FAILURES: [string, () => UpstreamError][] = [
  [
    "FailedOperation.InvalidTokenParameter",
    () => apiError("FailedOperation.InvalidTokenParameter"),
  ],
  ["FailedOperation", () => apiError("FailedOperation")],
  ["InvalidParameter", () => apiError("InvalidParameter")],
  ["InvalidParameterValue", () => apiError("InvalidParameterValue")],
  ["MissingParameter", () => apiError("MissingParameter")],
  [
    "AuthFailure.SignatureFailure",
    () => apiError("AuthFailure.SignatureFailure"),
  ],
  [
    "AuthFailure.SecretIdNotFound",
    () => apiError("AuthFailure.SecretIdNotFound"),
  ],
  ["an HTTP 404", () => sdkFailure({ httpCode: 404 })],
];

/** A successful upstream answer that holds nothing personal. */
export function okResult(requestId = "req-ok"): WxNfcResult {
  return { ResultCode: "0", RequestId: requestId };
}

/** One call the fake gateway received. */
export interface GatewayCall {
  nfcToken: string;
  signal: AbortSignal;
  /** `Date.now()` at the call, under jest's fake timers. */
  at: number;
}

export interface FakeGateway extends FaceIdGateway {
  readonly calls: GatewayCall[];
  closed: boolean;
}

/** A gateway that answers each call as `answer` says, and records it. */
export function createFakeGateway(
  answer: (call: GatewayCall) => Promise<WxNfcResult>,
): FakeGateway {
  const gateway: FakeGateway = {
    calls: [],
    closed: false,
    getWxNfcResult(nfcToken, signal) {
      const call = { nfcToken, signal, at: Date.now() };
      gateway.calls.push(call);
      return answer(call);
    },
    close() {
      gateway.closed = true;
    },
  };
  return gateway;
}

/** An upstream that never answers, and fails as the SDK does on abort. */
export function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason), {
      once: true,
    });
  });
}

/** Notes when a promise settles, so a test can ask "not yet?". */
export function track<T>(promise: Promise<T>): {
  readonly settled: boolean;
  readonly promise: Promise<T>;
} {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return {
    get settled() {
      return settled;
    },
    promise,
  };
}
