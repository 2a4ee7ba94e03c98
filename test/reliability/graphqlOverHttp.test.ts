import { type Audit, serverAudits } from "graphql-http";

import { startTestStack, type TestStack } from "../support/testStack";

/**
 * The audits' SHOULDs the server does not meet, by audit id; README.md
 * explains each. A change either way, a new miss or one now met, fails
 * the test below until the README and this list are brought up to date.
 */
const EXPLAINED_SHOULD_MISSES = ["572B", "7B9B", "FDE2"];

let stack: TestStack;
const audits = serverAudits({ url: () => `${stack.server.url}/graphql` });

function withLevel(level: "MUST" | "SHOULD"): Audit[] {
  return audits.filter((audit) => audit.name.startsWith(`${level} `));
}

describe("the GraphQL-over-HTTP audit of graphql-http", () => {
  beforeAll(async () => {
    // Anonymous: no API keys are configured, as in development.
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it.each(withLevel("MUST"))("passes: $name", async (audit) => {
    const result = await audit.fn();
    const reason = result.status === "ok" ? undefined : result.reason;
    expect({ status: result.status, reason }).toEqual({ status: "ok" });
  });

  it("misses only the SHOULDs its README explains", async () => {
    const misses: string[] = [];
    for (const audit of withLevel("SHOULD")) {
      const result = await audit.fn();
      if (result.status !== "ok") {
        misses.push(result.id);
      }
    }
    expect(misses.sort()).toEqual(EXPLAINED_SHOULD_MISSES);
  });
});
