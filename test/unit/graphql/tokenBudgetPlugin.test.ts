import { Kind, type OperationDefinitionNode, parse } from "graphql";

import { collectTokens } from "../../../src/graphql/tokenBudgetPlugin";

/** The distinct tokens of the document's first operation. */
function tokensOf(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation === undefined) {
    throw new Error("no operation");
  }
  return [...collectTokens(operation, document, variables)].sort();
}

describe("collectTokens", () => {
  it.each<[string, string, Record<string, unknown> | undefined, string[]]>([
    [
      "literal aliases, one repeated",
      `{ a: nfcDocument(nfcToken: "t1") { name }
         b: nfcDocument(nfcToken: "t1") { name }
         c: nfcDocument(nfcToken: "t2") { name } }`,
      undefined,
      ["t1", "t2"],
    ],
    [
      "a literal list mixed with variables",
      `query($x: String!) { nfcDocuments(nfcTokens: ["t1", $x]) { name } }`,
      { x: "t3" },
      ["t1", "t3"],
    ],
    [
      "a list variable and a single-token alias together",
      `query($all: [String!]!, $one: String!) {
         nfcDocuments(nfcTokens: $all) { name }
         extra: nfcDocument(nfcToken: $one) { name } }`,
      { all: ["t1", "t2", "t1"], one: "t4" },
      ["t1", "t2", "t4"],
    ],
    [
      "a variable's default value",
      `query($t: String = "t9") { nfcDocument(nfcToken: $t) { name } }`,
      undefined,
      ["t9"],
    ],
    [
      "fields inside named and inline fragments",
      `query { ...Pull ... on Query { x: nfcDocument(nfcToken: "t2") { name } } }
       fragment Pull on Query { nfcDocument(nfcToken: "t1") { name } }`,
      undefined,
      ["t1", "t2"],
    ],
    [
      "a variable of the wrong type, left to execution",
      `query($t: String!) { nfcDocument(nfcToken: $t) { name } }`,
      { t: 42 },
      [],
    ],
  ])("counts %s", (_label, source, variables, expected) => {
    expect(tokensOf(source, variables)).toEqual(expected);
  });
});
