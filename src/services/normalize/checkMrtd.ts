import { type CheckMrtdData, MrtdCheckResult } from "./NfcDocumentData";

/** The upstream's 0 to 3 codes for each chip check. */
const RESULT_BY_CODE: ReadonlyMap<string, MrtdCheckResult> = new Map([
  ["0", MrtdCheckResult.VERIFIED],
  ["1", MrtdCheckResult.FAILED],
  ["2", MrtdCheckResult.UNVERIFIED],
  ["3", MrtdCheckResult.PARTIALLY_PASSED],
]);

const CHECK_KEYS = {
  resultIssuer: "result_issuer",
  resultPaper: "result_paper",
  resultData: "result_data",
  resultChip: "result_chip",
} as const;

type CheckField = keyof typeof CHECK_KEYS;

/** Why a CheckMRTD text was refused; never quotes the text itself. */
export type CheckMrtdProblem = "not_json" | "not_an_object" | "bad_value";

/**
 * The chip checks from the upstream's CheckMRTD JSON text, or null when it
 * sent none or sent something that cannot be read (`onProblem` says why).
 * The upstream's own documentation spells some keys with a trailing space,
 * and values arrive as strings or numbers, so both are tolerated.
 */
export function parseCheckMrtd(
  raw: string | null,
  onProblem: (problem: CheckMrtdProblem) => void,
): CheckMrtdData | null {
  if (raw === null) {
    return null;
  }

  const object = parseObject(raw);
  if (typeof object === "string") {
    onProblem(object);
    return null;
  }

  // Index the values by their trimmed keys.
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(object)) {
    values.set(key.trim(), value);
  }

  const checks = {} as Record<CheckField, MrtdCheckResult | null>;
  for (const field of Object.keys(CHECK_KEYS) as CheckField[]) {
    const value = values.get(CHECK_KEYS[field]);
    const result = toCheckResult(value);
    if (result === undefined) {
      onProblem("bad_value");
      return null;
    }
    checks[field] = result;
  }

  const genuine = Object.values(checks).every(
    (result) => result === MrtdCheckResult.VERIFIED,
  );
  return { ...checks, genuine };
}

function parseObject(raw: string): Record<string, unknown> | CheckMrtdProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // The parser's message quotes the input; it must not travel further.
    return "not_json";
  }
  const isObject =
    typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  return isObject ? (parsed as Record<string, unknown>) : "not_an_object";
}

/** A check's result; null when absent or empty, undefined when unreadable. */
function toCheckResult(value: unknown): MrtdCheckResult | null | undefined {
  if (value === undefined || value === null || value === "") {
    return null;
  }
  if (typeof value !== "string" && typeof value !== "number") {
    return undefined;
  }
  return RESULT_BY_CODE.get(String(value).trim());
}
