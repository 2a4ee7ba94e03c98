import type { ApiError } from "./apiErrors";
import { API_ERRORS } from "./apiErrors";

/** A request body after one JSON parse: the value, or the fact it failed. */
export type ParsedBody =
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "invalid" };

/** The outcome of reading the action's parameters from the body. */
export type NfcTokenParameter =
  { readonly token: string } | { readonly error: ApiError };

const ACCEPTED_PARAMETERS = new Set(["NFCToken"]);

/** Parses a body as JSON once, for both fault matching and the action. */
export function parseBody(body: Buffer): ParsedBody {
  try {
    return { kind: "json", value: JSON.parse(body.toString("utf8")) };
  } catch {
    return { kind: "invalid" };
  }
}

/**
 * The NFCToken a body names, if it names one as a string, whether or not
 * the rest of the body is valid. Faults and call counts key on it.
 */
export function peekNfcToken(body: ParsedBody): string | undefined {
  if (body.kind !== "json" || !isPlainObject(body.value)) {
    return undefined;
  }
  const token = body.value.NFCToken;
  return typeof token === "string" ? token : undefined;
}

/**
 * Validates the action's parameters: a JSON object with exactly one
 * parameter, NFCToken, a non-empty string. Unknown parameters are reported
 * before a missing one, since a misspelt NFCToken is the likely cause.
 */
export function readNfcTokenParameter(body: ParsedBody): NfcTokenParameter {
  if (body.kind !== "json" || !isPlainObject(body.value)) {
    return {
      error: API_ERRORS.invalidParameter("the body must be a JSON object"),
    };
  }
  const parameters = body.value;
  const unknown = Object.keys(parameters).find(
    (name) => !ACCEPTED_PARAMETERS.has(name),
  );
  if (unknown !== undefined) {
    return { error: API_ERRORS.unknownParameter(unknown) };
  }
  if (!("NFCToken" in parameters)) {
    return { error: API_ERRORS.missingParameter("NFCToken") };
  }
  const token = parameters.NFCToken;
  if (typeof token !== "string" || token === "") {
    return {
      error: API_ERRORS.invalidParameterValue("NFCToken", "a non-empty string"),
    };
  }
  return { token };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
