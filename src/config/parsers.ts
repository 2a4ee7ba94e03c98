/*
 * Parsers for environment values. Each returns the typed value or throws a
 * ConfigProblem whose message names what was expected; the raw value is
 * never echoed back, because a misplaced secret must not reach a log.
 */

/** One wrong setting, described for the operator. */
export class ConfigProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigProblem";
  }
}

export type Parser<T> = (raw: string) => T;

/** A whole number within [min, max]. */
export function integer(min: number, max: number): Parser<number> {
  return (raw) => {
    const value = Number(raw.trim());
    if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
      throw new ConfigProblem(`must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
}

/** `true` or `false` (also 1/0, yes/no). */
export const boolean: Parser<boolean> = (raw) => {
  const value = raw.trim().toLowerCase();
  if (["true", "1", "yes"].includes(value)) {
    return true;
  }
  if (["false", "0", "no"].includes(value)) {
    return false;
  }
  throw new ConfigProblem("must be true or false");
};

/** Any non-empty text, trimmed. */
export const text: Parser<string> = (raw) => {
  const value = raw.trim();
  if (value === "") {
    throw new ConfigProblem("must not be empty");
  }
  return value;
};

/** One of a fixed set of words. */
export function oneOf<T extends string>(choices: readonly T[]): Parser<T> {
  return (raw) => {
    const value = raw.trim() as T;
    if (!choices.includes(value)) {
      throw new ConfigProblem(`must be one of ${choices.join(", ")}`);
    }
    return value;
  };
}

/** An http(s) base URL with no path, query or credentials. */
export const baseUrl: Parser<URL> = (raw) => {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigProblem("must be a URL such as https://host[:port]");
  }
  const hasExtras =
    url.pathname !== "/" || url.search !== "" || url.username !== "";
  if (!["http:", "https:"].includes(url.protocol) || hasExtras) {
    throw new ConfigProblem(
      "must be an http or https base URL with no path, query or user",
    );
  }
  return url;
};

/** A comma-separated list of non-empty items. */
export function list<T>(item: Parser<T>): Parser<T[]> {
  return (raw) =>
    raw
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map(item);
}

/** An http(s) URL without credentials; a path and query are allowed. */
export const httpUrl: Parser<URL> = (raw) => {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigProblem("must be a URL such as https://host/path");
  }
  if (!["http:", "https:"].includes(url.protocol) || url.username !== "") {
    throw new ConfigProblem("must be an http or https URL with no user");
  }
  return url;
};

/** A browser origin, `scheme://host[:port]`, as the Origin header sends it. */
export const origin: Parser<string> = (raw) => {
  try {
    return baseUrl(raw).origin;
  } catch {
    throw new ConfigProblem(
      "must list origins such as https://app.example.com, without paths",
    );
  }
};
