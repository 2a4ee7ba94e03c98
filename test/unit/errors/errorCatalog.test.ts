import { readFileSync } from "node:fs";
import { join } from "node:path";

import { ErrorCode } from "../../../src/errors/ErrorCode";

describe("the error catalog", () => {
  const table = readFileSync(
    join(__dirname, "../../../docs/errors.md"),
    "utf8",
  );
  const documented = [...table.matchAll(/^\| `([A-Z_]+)`\s+\|/gm)].map(
    (match) => match[1],
  );

  it("documents every code the server emits, in the enum's order", () => {
    expect(documented).toEqual(Object.values(ErrorCode));
  });

  it("names each code after its own value", () => {
    for (const [key, value] of Object.entries(ErrorCode)) {
      expect(key).toBe(value);
    }
  });
});
