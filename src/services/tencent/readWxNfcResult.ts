import { upstreamUnavailable } from "../../errors/catalog";
import { WX_NFC_FIELDS, type WxNfcResult } from "./WxNfcResult";

/**
 * Checks that a successful upstream answer has the documented shape. A
 * number where a string belongs is kept as its text (nothing is dropped);
 * anything else means the body is garbage, a transient upstream fault.
 */
export function readWxNfcResult(response: unknown): WxNfcResult {
  if (typeof response !== "object" || response === null) {
    throw upstreamUnavailable("malformed_body");
  }
  const body = response as Record<string, unknown>;
  const requestId = body.RequestId;
  if (typeof requestId !== "string" || requestId === "") {
    throw upstreamUnavailable("malformed_body");
  }

  const result: WxNfcResult = { RequestId: requestId };
  for (const field of WX_NFC_FIELDS) {
    const value = body[field];
    if (typeof value === "string" || value === null || value === undefined) {
      result[field] = value;
    } else if (typeof value === "number") {
      result[field] = String(value);
    } else {
      throw upstreamUnavailable("malformed_body", {
        upstreamRequestId: requestId,
      });
    }
  }
  return result;
}
