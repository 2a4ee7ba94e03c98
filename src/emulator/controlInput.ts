import type { FaultKind, FaultRule } from "./faultPlan";
import { FAULT_KINDS } from "./faultPlan";
import type { FieldOverrides, WxNfcField } from "./fixtures";
import { findFixture, FIXTURES, WX_NFC_FIELDS } from "./fixtures";
import type { MintTokenRequest } from "./tokenStore";

/** Input to a control operation that cannot be carried out as given. */
export class ControlInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ControlInputError";
  }
}

type JsonObject = Record<string, unknown>;

/**
 * Checks a token-minting request from the control API or from code.
 *
 * @throws ControlInputError naming the first field that is wrong
 */
export function parseMintTokenRequest(input: unknown): MintTokenRequest {
  const object = requireObject(input, "The mint request");
  const fixture = object.fixture;
  if (typeof fixture !== "string" || findFixture(fixture) === undefined) {
    throw new ControlInputError(
      `\`fixture\` must be one of ${FIXTURES.map(({ name }) => name).join(", ")}.`,
    );
  }
  return {
    fixture,
    overrides: parseOverrides(object.overrides),
    ttlMs: optionalNumber(object, "ttlMs", (value) => value > 0),
  };
}

/**
 * Checks a fault rule from the control API or from code, and returns a
 * copy holding only the rule's own fields.
 *
 * @throws ControlInputError naming the first field that is wrong
 */
export function parseFaultRule(input: unknown): FaultRule {
  const object = requireObject(input, "The fault rule");
  const kind = object.kind;
  if (!FAULT_KINDS.includes(kind as FaultKind)) {
    throw new ControlInputError(
      `\`kind\` must be one of ${FAULT_KINDS.join(", ")}.`,
    );
  }
  const rule: FaultRule = {
    kind: kind as FaultKind,
    times: optionalNumber(
      object,
      "times",
      (value) => Number.isInteger(value) && value > 0,
    ),
    probability: optionalNumber(
      object,
      "probability",
      (value) => value >= 0 && value <= 1,
    ),
    token: optionalString(object, "token"),
    latencyMs: optionalNumber(object, "latencyMs", (value) => value >= 0),
    httpStatus: optionalNumber(
      object,
      "httpStatus",
      (value) => Number.isInteger(value) && value >= 500 && value <= 599,
    ),
    errorCode: parseErrorCode(object.errorCode),
  };
  if (rule.kind === "latency" && rule.latencyMs === undefined) {
    throw new ControlInputError("A latency rule needs `latencyMs`.");
  }
  return rule;
}

function parseOverrides(input: unknown): FieldOverrides | undefined {
  if (input === undefined) {
    return undefined;
  }
  const object = requireObject(input, "`overrides`");
  const fields: readonly string[] = WX_NFC_FIELDS;
  for (const [field, value] of Object.entries(object)) {
    if (!fields.includes(field)) {
      throw new ControlInputError(
        `\`overrides\` may only name response fields; \`${field}\` is not one.`,
      );
    }
    if (typeof value !== "string" && value !== null) {
      throw new ControlInputError(
        `Override \`${field}\` must be a string or null.`,
      );
    }
  }
  return object as { [F in WxNfcField]?: string | null };
}

function parseErrorCode(input: unknown): FaultRule["errorCode"] {
  if (
    input === undefined ||
    input === "InternalError" ||
    input === "InternalError.UnKnown"
  ) {
    return input;
  }
  throw new ControlInputError(
    "`errorCode` must be InternalError or InternalError.UnKnown.",
  );
}

function requireObject(input: unknown, what: string): JsonObject {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ControlInputError(`${what} must be a JSON object.`);
  }
  return input as JsonObject;
}

function optionalNumber(
  object: JsonObject,
  key: string,
  isValid: (value: number) => boolean,
): number | undefined {
  const value = object[key];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== "number" || !Number.isFinite(value) || !isValid(value)) {
    throw new ControlInputError(
      `\`${key}\` is out of range: ${String(value)}.`,
    );
  }
  return value;
}

function optionalString(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  if (value === undefined || typeof value === "string") {
    return value;
  }
  throw new ControlInputError(`\`${key}\` must be a string.`);
}
