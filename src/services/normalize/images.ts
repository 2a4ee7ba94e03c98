import type { DocumentImageData } from "./NfcDocumentData";

/** The formats chips and scans are known to carry, by their magic bytes. */
const SIGNATURES: ReadonlyArray<{ mimeType: string; magic: number[] }> = [
  { mimeType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { mimeType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a] },
  // A JP2 file starts with its signature box: length 12, type "jP  ".
  {
    mimeType: "image/jp2",
    magic: [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a],
  },
  // A raw JPEG 2000 codestream starts with SOC then SIZ markers.
  { mimeType: "image/j2k", magic: [0xff, 0x4f, 0xff, 0x51] },
  { mimeType: "image/bmp", magic: [0x42, 0x4d] },
  { mimeType: "image/gif", magic: [0x47, 0x49, 0x46, 0x38] },
];

/** What a client is told when the bytes match no known image format. */
export const UNKNOWN_MIME_TYPE = "application/octet-stream";

/** The MIME type of an image, read from its first bytes. */
export function detectImageMimeType(bytes: Uint8Array): string {
  const match = SIGNATURES.find(({ magic }) =>
    magic.every((byte, index) => bytes[index] === byte),
  );
  return match?.mimeType ?? UNKNOWN_MIME_TYPE;
}

/**
 * An upstream base64 image with its decoded size and format, or null when
 * the upstream sent none. The base64 text is kept exactly as sent, so that
 * even bytes in an unknown format reach the client.
 */
export function toDocumentImage(
  base64: string | null,
): DocumentImageData | null {
  if (base64 === null) {
    return null;
  }

  // Decoding once here is cheaper than on every read: results are cached.
  const bytes = Buffer.from(base64, "base64");
  return {
    mimeType: detectImageMimeType(bytes),
    byteLength: bytes.length,
    base64,
  };
}
