import type { IncomingHttpHeaders } from "node:http";

/** What a client sent to prove who it is, before any check. */
export type PresentedCredential =
  /** From `x-api-key`: only ever an API key. */
  | { readonly kind: "apiKey"; readonly value: string }
  /** From `Authorization: Bearer`: an API key or a JWT. */
  | { readonly kind: "bearer"; readonly value: string };

/**
 * Reads the credential from the request headers. `Authorization` wins over
 * `x-api-key` when both are sent; a header of another scheme counts as no
 * credential at all.
 */
export function readPresentedCredential(
  headers: IncomingHttpHeaders,
): PresentedCredential | null {
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(
    headers.authorization ?? "",
  )?.[1];
  if (bearer !== undefined) {
    return { kind: "bearer", value: bearer };
  }

  // Node joins repeated headers with ", ", which then matches no key.
  const apiKey = headers["x-api-key"];
  if (typeof apiKey === "string" && apiKey.trim() !== "") {
    return { kind: "apiKey", value: apiKey.trim() };
  }
  return null;
}
