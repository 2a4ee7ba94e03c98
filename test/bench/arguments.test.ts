import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { parseArguments } from "../../bench/arguments";

describe("the benchmark's command line", () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "bench-arguments-"));
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it("runs every step in full mode when given nothing", () => {
    const parsed = parseArguments([]);

    expect(parsed.settings.mode).toBe("full");
    expect(parsed.steps[0]).toBe("cacheHitSmall");
    expect(parsed.steps).toContain("memoryJemalloc");
    expect(parsed.againstMain).toBeNull();
    expect(parsed.argumentsText).toBe("");
  });

  it("runs the steps asked for in run order, whatever order they came in", () => {
    const parsed = parseArguments(["--quick", "--only=memory,cacheHitFull"]);

    expect(parsed.settings.mode).toBe("quick");
    expect(parsed.steps).toEqual(["cacheHitFull", "memory"]);
  });

  it("refuses an unknown step or argument, with the usage", () => {
    expect(() => parseArguments(["--only=cacheHitHuge"])).toThrow(
      /unknown step cacheHitHuge\nusage:/,
    );
    expect(() => parseArguments(["--fast"])).toThrow(
      /unknown argument --fast\nusage:/,
    );
  });

  it("takes another checkout's built server for --against", () => {
    const checkout = path.join(scratch, "built");
    mkdirSync(path.join(checkout, "dist", "src"), { recursive: true });
    writeFileSync(path.join(checkout, "dist", "src", "main.js"), "");

    const parsed = parseArguments([`--against=${checkout}`]);

    expect(parsed.againstMain).toBe(
      path.join(checkout, "dist", "src", "main.js"),
    );
    expect(parsed.argumentsText).toBe(` --against=${checkout}`);
  });

  it("refuses --against a checkout that was not built", () => {
    const checkout = path.join(scratch, "unbuilt");
    mkdirSync(checkout);

    expect(() => parseArguments([`--against=${checkout}`])).toThrow(
      /main\.js is missing; run npm run build there/,
    );
  });
});
