import { readFileSync } from "node:fs";

import { printSchema } from "graphql";

import { buildGraphQLSchema } from "./buildGraphQLSchema";

/**
 * The schema's SDL. type-graphql emits types and fields in declaration
 * order, so the text is stable and reads in the order the code does.
 */
export function printGraphQLSchema(): string {
  return `${printSchema(buildGraphQLSchema())}\n`;
}

/*
 * `node printSchema.js` prints the SDL; `node printSchema.js --check FILE`
 * exits 1 when FILE differs from what the code builds (the CI drift check).
 */
if (require.main === module) {
  const sdl = printGraphQLSchema();
  const [flag, file] = process.argv.slice(2);
  if (flag === "--check" && file !== undefined) {
    if (readFileSync(file, "utf8") !== sdl) {
      process.stderr.write(
        `${file} differs from the schema the code builds; ` +
          "run `npm run schema:print` and commit the result.\n",
      );
      process.exit(1);
    }
    process.stdout.write(`${file} matches the code.\n`);
  } else {
    process.stdout.write(sdl);
  }
}
