/** What a censored value is replaced with. */
export const CENSORED = "[redacted]";

/**
 * A copy of a log object with the value of every key in `names` replaced,
 * at the top and one level down; the object itself when nothing matched.
 * Only plain objects are entered: a request or reply goes to its own
 * serializer, which keeps nothing personal.
 *
 * This replaces pino's path-based `redact`, whose cost grows with the
 * number of paths (two per field here) on every line; a Set look-up per
 * key costs what the line's own size does (see BENCHMARKS.md).
 */
export function censorKeys(
  object: Record<string, unknown>,
  names: ReadonlySet<string>,
  depth = 2,
): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(object)) {
    const value = object[key];
    let replacement = value;
    if (names.has(key)) {
      replacement = CENSORED;
    } else if (depth > 1 && isPlainObject(value)) {
      replacement = censorKeys(value, names, depth - 1);
    }

    // Copy on the first change only: most lines hold nothing to censor.
    if (replacement !== value) {
      copy ??= { ...object };
      copy[key] = replacement;
    }
  }
  return copy ?? object;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}
