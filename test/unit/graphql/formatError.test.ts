import { GraphQLError } from "graphql";
import pino from "pino";

import { badUserInput } from "../../../src/errors/catalog";
import { createFormatError } from "../../../src/graphql/formatError";

function capture() {
  const lines: string[] = [];
  const logger = pino(
    { level: "debug" },
    { write: (l: string) => void lines.push(l) },
  );
  return { formatError: createFormatError(logger), logs: () => lines.join("") };
}

/** How Apollo hands a resolver's error to formatError. */
function asResolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, {
    originalError: original,
    path: ["nfcDocument"],
  });
}

describe("formatError", () => {
  it("passes an AppError through with its code", () => {
    const { formatError } = capture();
    const error = asResolverError(badUserInput("nfcToken is malformed."));
    const formatted = formatError(
      { message: error.message, extensions: { code: "BAD_USER_INPUT" } },
      error,
    );
    expect(formatted.message).toBe("nfcToken is malformed.");
  });

  it("passes Apollo's request errors through", () => {
    const { formatError } = capture();
    const error = new GraphQLError("Syntax Error: Unexpected Name", {
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
    const formatted = formatError(
      { message: error.message, extensions: { code: "GRAPHQL_PARSE_FAILED" } },
      error,
    );
    expect(formatted.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("masks an unexpected error and logs it without its message", () => {
    const { formatError, logs } = capture();
    const leaky = new SyntaxError('Unexpected token in JSON: "990000200001"');
    const error = asResolverError(leaky);
    const formatted = formatError(
      {
        message: error.message,
        path: ["nfcDocument"],
        extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["x"] },
      },
      error,
    );

    expect(formatted).toEqual({
      message: "Internal server error.",
      path: ["nfcDocument"],
      locations: undefined,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(logs()).toContain("SyntaxError");
    expect(logs()).not.toContain("990000200001");
  });

  it("masks a resolver's GraphQLError that claims a request code", () => {
    const { formatError } = capture();
    const error = asResolverError(
      new GraphQLError("leak 990000200001", {
        extensions: { code: "BAD_USER_INPUT" },
      }),
    );
    const formatted = formatError(
      { message: error.message, extensions: { code: "BAD_USER_INPUT" } },
      error,
    );
    expect(formatted.message).toBe("Internal server error.");
  });
});
