import http from "node:http";

import Sign from "tencentcloud-sdk-nodejs/tencentcloud/common/sign";

import { DEFAULT_CREDENTIAL } from "./emulatorHarness";

/** An HTTP answer, with the body parsed as JSON when it is JSON. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  readonly json: unknown;
}

/** What to send; everything the SDK would set has a default. */
export interface RawActionRequest {
  readonly body?: string;
  /** The body the signature covers; the sent body if unset. */
  readonly signedBody?: string;
  readonly method?: string;
  readonly path?: string;
  /** Headers to add, or to remove when given `undefined`. */
  readonly headers?: Record<string, string | undefined>;
  /** The Unix time to sign with; now if unset. */
  readonly signedTimestamp?: number;
  /** The Unix time to send in X-TC-Timestamp; the signed one if unset. */
  readonly sentTimestamp?: number;
}

/**
 * Sends a request the SDK cannot be made to send, signed by the SDK's own
 * `Sign.sign3`, so edge cases are checked against the SDK's signing.
 */
export function rawActionRequest(
  port: number,
  request: RawActionRequest = {},
): Promise<RawAnswer> {
  const body = request.body ?? '{"NFCToken":"sample-id-card"}';
  const signedTimestamp =
    request.signedTimestamp ?? Math.floor(Date.now() / 1000);
  const url = `http://127.0.0.1:${port}${request.path ?? "/"}`;
  const authorization = Sign.sign3({
    method: "POST",
    url,
    payload: Buffer.from(request.signedBody ?? body),
    timestamp: signedTimestamp,
    service: "127",
    secretId: DEFAULT_CREDENTIAL.secretId,
    secretKey: DEFAULT_CREDENTIAL.secretKey,
    multipart: false,
    boundary: "",
    headers: { "Content-Type": "application/json" },
  });
  const headers: Record<string, string | undefined> = {
    "Content-Type": "application/json",
    "X-TC-Action": "GetWxNFCResult",
    "X-TC-Version": "2018-03-01",
    "X-TC-Timestamp": String(request.sentTimestamp ?? signedTimestamp),
    Authorization: authorization,
    ...request.headers,
  };
  return send(url, request.method ?? "POST", headers, body);
}

/** Sends one HTTP request to the emulator and collects the answer. */
export function send(
  url: string,
  method: string,
  headers: Record<string, string | undefined>,
  body?: string,
): Promise<RawAnswer> {
  const present = Object.fromEntries(
    Object.entries(headers).filter(([, value]) => value !== undefined),
  ) as Record<string, string>;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method, headers: present, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text,
            json: parseJsonOrUndefined(text),
          });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** The error code inside an API envelope, if the answer is one. */
export function errorCodeOf(answer: RawAnswer): string | undefined {
  const envelope = answer.json as
    { Response?: { Error?: { Code?: string } } } | undefined;
  return envelope?.Response?.Error?.Code;
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
