import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const REPOSITORY = path.resolve(__dirname, "../..");

/** `src/` compiled as `npm run build` does, into a directory of its own. */
export interface ServerBuild {
  /** The compiled entry point, `src/main.js`. */
  entry: string;
  remove(): Promise<void>;
}

/**
 * Compiles the server into a temporary directory: `dist/` is shared by
 * whoever built last. Only emits; type errors are the type check's job.
 */
export async function buildServer(): Promise<ServerBuild> {
  const outDir = await mkdtemp(path.join(tmpdir(), "faceid-build-"));
  await promisify(execFile)(
    process.execPath,
    [
      require.resolve("typescript/bin/tsc"),
      ...["-p", "tsconfig.build.json", "--outDir", outDir, "--noCheck"],
    ],
    { cwd: REPOSITORY },
  );
  return {
    entry: path.join(outDir, "src", "main.js"),
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}

/** The built server running as a child process, as `npm start` runs it. */
export interface ServerChild {
  child: ChildProcess;
  /** Everything it has written to stdout (JSON log lines) so far. */
  stdout(): string;
  /** Everything it has written to stderr so far. */
  stderr(): string;
  /** The exit code once it has exited; null if a signal killed it. */
  exited: Promise<number | null>;
}

/**
 * Starts the built server with exactly `env` (plus a NODE_PATH reaching
 * the repository's packages, since the build lives outside it).
 */
export function spawnServer(
  build: ServerBuild,
  env: Record<string, string>,
): ServerChild {
  const child = spawn(process.execPath, [build.entry], {
    env: { NODE_PATH: path.join(REPOSITORY, "node_modules"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/**
 * The server's base URL from its "server ready" log line, once it has
 * logged it; rejects if the process exits first.
 */
export async function readyUrl(server: ServerChild): Promise<string> {
  const exitedEarly = server.exited.then((code) => {
    throw new Error(`server exited with ${code}: ${server.stderr()}`);
  });
  const ready = new Promise<string>((resolve) => {
    const look = () => {
      const line = server
        .stdout()
        .split("\n")
        .find((candidate) => candidate.includes('"server ready"'));
      if (line !== undefined) {
        server.child.stdout?.off("data", look);
        const { url } = JSON.parse(line) as { url: string };
        resolve(url.replace(/\/graphql$/, ""));
      }
    };
    server.child.stdout?.on("data", look);
    look();
  });
  return Promise.race([ready, exitedEarly]);
}
