import type { Answer } from "./answers";

export interface RefusalExpectations {
  /** The input may, by chance, be a valid operation with no upstream call. */
  mayBeServed?: boolean;
}

/**
 * Asserts the answer GraphQL over HTTP calls for when a request is
 * hostile. A request error (unreadable, invalid, over a limit) is a 4xx
 * with typed errors and no `data`, since nothing ran. A field error, such
 * as a malformed token reaching its resolver, is a 200 with `data` (null
 * where the field failed) and typed errors, since the operation did run.
 * Never a 5xx, never INTERNAL_SERVER_ERROR, never an untyped body.
 */
export function expectTypedRefusal(
  answer: Answer,
  expectations: RefusalExpectations = {},
): void {
  if (answer.kind === "served" && expectations.mayBeServed === true) {
    return;
  }
  expect(answer).toMatchObject({ kind: "refused" });
  if (answer.kind !== "refused") {
    return;
  }

  expect(answer.codes).not.toContain("INTERNAL_SERVER_ERROR");
  if (answer.status === 200) {
    expect(answer.hasData).toBe(true);
  } else {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.hasData).toBe(false);
  }
}
