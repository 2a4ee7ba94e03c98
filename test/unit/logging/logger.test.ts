import { censorKeys } from "../../../src/logging/censorKeys";
import { createLogger } from "../../../src/logging/logger";

const VALUE = "VALUE-that-must-not-be-logged";

/** The one JSON line logged for `entry`. */
function logged(entry: Record<string, unknown>): string {
  const lines: string[] = [];
  const logger = createLogger(
    { level: "info", pretty: false },
    { write: (line: string) => void lines.push(line) },
  );
  logger.info(entry, "entry");
  return lines.join("");
}

describe("the logger's redaction", () => {
  it.each([
    "idNum",
    "name",
    "address",
    "birthDate",
    "picture",
    "dataUrl",
    "IdNum",
    "Name",
    "PersonalNumber",
    "Response",
    "nfcToken",
    "token",
    "apiKey",
    "authorization",
    "variables",
  ])("censors %s at the top and one level down", (field) => {
    expect(logged({ [field]: VALUE })).not.toContain(VALUE);
    expect(logged({ outer: { [field]: VALUE } })).not.toContain(VALUE);
  });

  it.each(["authorization", "x-api-key"])(
    "censors the %s header of a logged header map",
    (header) => {
      expect(logged({ headers: { [header]: VALUE } })).not.toContain(VALUE);
    },
  );

  it("logs a request as its method and path, without query or headers", () => {
    const req = {
      method: "GET",
      url: `/graphql?variables=${VALUE}`,
      headers: { authorization: VALUE },
    };
    expect(JSON.parse(logged({ req }))).toMatchObject({
      req: { method: "GET", path: "/graphql" },
    });
    expect(logged({ req })).not.toContain(VALUE);
  });

  it("keeps the audit fields it needs", () => {
    const line = logged({ who: "key:0123abcd", tokenHash: "ab", outcome: "X" });
    expect(JSON.parse(line)).toMatchObject({
      who: "key:0123abcd",
      tokenHash: "ab",
      outcome: "X",
    });
  });
});

describe("censorKeys", () => {
  it("returns the same object when nothing needs censoring", () => {
    const entry = { outcome: "ok", nested: { attempt: 1 } };
    expect(censorKeys(entry, new Set(["name"]))).toBe(entry);
  });

  it("leaves the caller's object unchanged when it censors", () => {
    const entry = { name: VALUE, nested: { idNum: VALUE } };
    logged(entry);
    expect(entry).toEqual({ name: VALUE, nested: { idNum: VALUE } });
  });
});
