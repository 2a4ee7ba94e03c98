import type { Socket } from "node:net";

import { badRequest, headersTooLarge } from "../errors/catalog";
import { errorBody } from "./errorBody";

/** The parser's code for headers or a request line over Node's limit. */
const HEADER_OVERFLOW = "HPE_HEADER_OVERFLOW";

/**
 * Answers bytes that Node's HTTP parser refused (not HTTP at all, or a
 * request line over the header limit) in the API's own error format. Node
 * calls this before any route exists, so the answer is written to the
 * socket by hand, and the connection is closed: its framing is lost.
 */
export function replyToClientError(
  error: Error & { code?: string },
  socket: Socket,
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }

  const tooLarge = error.code === HEADER_OVERFLOW;
  const status = tooLarge
    ? "431 Request Header Fields Too Large"
    : "400 Bad Request";
  const body = JSON.stringify(
    errorBody(tooLarge ? headersTooLarge() : badRequest()),
  );
  socket.end(
    `HTTP/1.1 ${status}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      "Cache-Control: no-store\r\n" +
      "Connection: close\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
