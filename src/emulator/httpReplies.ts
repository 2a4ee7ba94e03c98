import { STATUS_CODES } from "node:http";
import type { ServerResponse } from "node:http";

/** Answers with a JSON body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  sendText(response, status, "application/json", JSON.stringify(body));
}

/**
 * Answers 200 with the first half of a JSON body, still labelled as JSON
 * and with a correct Content-Length, so only parsing the body fails.
 */
export function sendTruncatedJson(
  response: ServerResponse,
  body: unknown,
): void {
  const text = JSON.stringify(body);
  sendText(
    response,
    200,
    "application/json",
    text.slice(0, Math.floor(text.length / 2)),
  );
}

/** Answers with a small HTML page, as a gateway or a captive proxy would. */
export function sendHtml(response: ServerResponse, status: number): void {
  const title = `${status} ${STATUS_CODES[status] ?? "Error"}`;
  const page = `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;
  sendText(response, status, "text/html; charset=utf-8", page);
}

/** Answers with no body, as for a control call that returns nothing. */
export function sendNoContent(response: ServerResponse): void {
  response.writeHead(204).end();
}

function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
): void {
  response
    .writeHead(status, {
      "Content-Type": contentType,
      "Content-Length": Buffer.byteLength(text),
    })
    .end(text);
}
