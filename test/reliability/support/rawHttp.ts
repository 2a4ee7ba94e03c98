import http from "node:http";
import net from "node:net";

import { type Answer, judgeAnswer } from "./answers";

export interface RawRequest {
  method?: string;
  /** Sent exactly as given; nothing is added but Host and the length. */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** What came back, undecoded but for the body's text. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * One request on its own connection, closed after the answer. Unlike
 * fetch, it sends no content type unless told, and any bytes as the body.
 */
export function sendRaw(
  url: string,
  options: RawRequest = {},
): Promise<RawResponse> {
  const body = options.body ?? "";
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: options.method ?? "POST",
        agent: false,
        headers: {
          ...options.headers,
          "content-length": String(Buffer.byteLength(body)),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** {@link sendRaw}, judged; a failed connection is a lost answer. */
export async function sendRawAnswer(
  url: string,
  options: RawRequest = {},
): Promise<Answer> {
  try {
    const { status, text } = await sendRaw(url, options);
    return judgeAnswer(status, text);
  } catch (error) {
    return { kind: "lost", reason: `no answer: ${String(error)}` };
  }
}

/**
 * Writes `bytes` to a fresh TCP connection and reads until the server
 * closes it: for requests too broken for an HTTP client to send.
 */
export function sendOverSocket(
  url: string,
  bytes: string,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let received = "";
    const socket = net.connect(Number(port), hostname, () => socket.end(bytes));
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head, ...body] = received.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, text: body.join("\r\n\r\n") });
    });
  });
}
