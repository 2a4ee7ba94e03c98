import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..");
const STEPS = [
  "cacheHitSmall",
  "cacheHitFull",
  "stampede",
  "upstreamBudget",
  "missOverhead",
  "memory",
  "memoryJemalloc",
  "profileSmall",
  "profileFull",
];

/*
 * Proves the benchmark harness works end to end: compiles it, runs every
 * scenario once at a tiny size, and checks that each produced a result.
 * Timings on a shared machine prove nothing, so none is asserted.
 */
describe("the benchmark harness in quick mode", () => {
  let resultsDirectory: string;

  beforeAll(() => {
    resultsDirectory = mkdtempSync(path.join(os.tmpdir(), "bench-quick-"));
  });

  afterAll(() => {
    rmSync(resultsDirectory, { recursive: true, force: true });
  });

  it("runs every scenario and writes a result for each", async () => {
    await run(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", "bench/tsconfig.json"],
      { cwd: ROOT },
    );
    const { stdout } = await run(
      process.execPath,
      [
        path.join(ROOT, "dist", "bench", "main.js"),
        "--quick",
        `--results-dir=${resultsDirectory}`,
      ],
      { cwd: ROOT, timeout: 110_000, maxBuffer: 16 * 2 ** 20 },
    );

    const [file] = readdirSync(resultsDirectory).filter((name) =>
      name.endsWith(".json"),
    );
    const results = JSON.parse(
      readFileSync(path.join(resultsDirectory, file), "utf8"),
    ) as { steps: Record<string, object> };
    expect(Object.keys(results.steps)).toEqual(STEPS);
    for (const step of STEPS) {
      expect(results.steps[step]).not.toHaveProperty("error");
    }
    expect(stdout).toContain("### 1. Cache hit, small query");
    expect(stdout).toContain("### 6. Memory");
  }, 150_000);
});
