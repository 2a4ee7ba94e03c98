import { badUserInput } from "../../errors/catalog";

/**
 * The shape of a token from the NFC SDK (the documentation's example is a
 * UUID). Anything else is refused before it costs an upstream call.
 */
const NFC_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** True when `value` has the shape of an NFC token. */
export function isValidNfcToken(value: string): boolean {
  return NFC_TOKEN_PATTERN.test(value);
}

/** The error for a malformed token; it never quotes the value. */
export function malformedNfcToken() {
  return badUserInput(
    "nfcToken must be 1 to 128 characters of A-Z, a-z, 0-9, '_' or '-'.",
  );
}
