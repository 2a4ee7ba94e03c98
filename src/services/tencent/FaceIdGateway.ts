import http from "node:http";
import https from "node:https";

// The FaceID client alone: about a quarter of the whole SDK's load time and
// memory (see shared notes on the SDK).
import { faceid } from "tencentcloud-sdk-nodejs/tencentcloud/services/faceid";

import type { TencentCredentials } from "../../config/config";
import { upstreamUnavailable } from "../../errors/catalog";
import { classifyUpstreamError } from "./classifyUpstreamError";
import { readWxNfcResult } from "./readWxNfcResult";
import { GET_WX_NFC_RESULT, type WxNfcResult } from "./WxNfcResult";

/** One upstream attempt, cancellable, with classified failures. */
export interface FaceIdGateway {
  /**
   * Calls GetWxNFCResult once. Rejects with an UpstreamError; a call cut
   * short by `signal` rejects as UPSTREAM_UNAVAILABLE with outcome `timeout`.
   */
  getWxNfcResult(nfcToken: string, signal: AbortSignal): Promise<WxNfcResult>;
  /** Closes the pooled upstream connections. */
  close(): void;
}

export interface FaceIdGatewayOptions {
  endpoint: URL;
  credentials: TencentCredentials;
  region: string | null;
  /** The SDK's own timeout, a backstop behind the caller's signal. */
  backstopTimeoutMs: number;
}

/** Upstream connections kept open between calls. */
const MAX_SOCKETS = 64;

/** A gateway to GetWxNFCResult through Tencent's own SDK client. */
export function createFaceIdGateway(
  options: FaceIdGatewayOptions,
): FaceIdGateway {
  const secure = options.endpoint.protocol === "https:";

  // An explicit agent keeps connections alive, and stops the SDK from
  // routing through a lowercase `http_proxy` variable it would otherwise use.
  const agentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS };
  const agent = secure
    ? new https.Agent(agentOptions)
    : new http.Agent(agentOptions);

  const client = new faceid.v20180301.Client({
    credential: options.credentials,
    region: options.region ?? "",
    profile: {
      httpProfile: {
        endpoint: options.endpoint.host,
        protocol: secure ? "https://" : "http://",
        reqTimeout: options.backstopTimeoutMs / 1000,
        agent,
      },
    },
  });

  return {
    async getWxNfcResult(nfcToken, signal) {
      let response: unknown;
      try {
        // The generated GetWxNFCResult method passes no signal on.
        response = await client.request(
          GET_WX_NFC_RESULT,
          { NFCToken: nfcToken },
          { signal },
        );
      } catch (error) {
        if (signal.aborted) {
          throw upstreamUnavailable("timeout");
        }
        throw classifyUpstreamError(error);
      }
      return readWxNfcResult(response);
    },

    close() {
      agent.destroy();
    },
  };
}
