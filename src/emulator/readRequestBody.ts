import type { IncomingMessage } from "node:http";

/** Reads a whole request body, or reports that it passed `limitBytes`. */
export async function readRequestBody(
  request: IncomingMessage,
  limitBytes: number,
): Promise<Buffer | "tooLarge"> {
  const chunks: Buffer[] = [];
  let size = 0;

  // Keep draining past the limit without storing, so the client sees an
  // answer rather than a connection torn down mid-upload.
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size <= limitBytes) {
      chunks.push(bytes);
    }
  }
  return size > limitBytes ? "tooLarge" : Buffer.concat(chunks);
}
