import { listFixturePersonalValues } from "../../../src/emulator";

/**
 * The fixtures' personal values (names, ID numbers, addresses, birth
 * dates) that occur in `text`, as written or as a JSON string escapes
 * them. A value counts only where no letter or digit adjoins it: an ID
 * number must not be "found" inside a timestamp or a duration's digits.
 */
export function personalValuesIn(text: string): string[] {
  return listFixturePersonalValues().filter((value) =>
    [value, JSON.stringify(value).slice(1, -1)].some((form) =>
      standsAlone(form).test(text),
    ),
  );
}

function standsAlone(value: string): RegExp {
  const literal = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![0-9A-Za-z])${literal}(?![0-9A-Za-z])`);
}
