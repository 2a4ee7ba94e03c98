import { execFileSync } from "node:child_process";
import { join } from "node:path";

import ts from "typescript";

const root = join(__dirname, "../../..");

describe("the generated client documents", () => {
  beforeAll(() => {
    // Generate from the committed schema, as a front-end team would; in a
    // child process, since the generator's CLI is an ES module.
    execFileSync(
      process.execPath,
      [
        join(root, "node_modules/.bin/graphql-codegen"),
        "--config",
        "codegen.yml",
      ],
      { cwd: root, stdio: "pipe" },
    );
  }, 60_000);

  it("compile with the example console client", () => {
    const program = ts.createProgram(
      [join(root, "examples/consoleClient.ts")],
      {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        types: [],
        skipLibCheck: true,
      },
    );
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });
});
