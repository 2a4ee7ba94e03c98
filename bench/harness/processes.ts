import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";

/** A Node.js program to run as a child of the harness. */
export interface ChildSpec {
  /** A short name for messages, such as `ours` or `load`. */
  name: string;
  /** The compiled script, absolute. */
  script: string;
  /** Its whole environment: nothing is inherited but PATH and HOME. */
  env?: Record<string, string>;
  /** Options for node itself, such as `--cpu-prof`. */
  nodeArgs?: string[];
  /** Where its stdout goes: a file path, or nowhere. */
  stdoutFile?: string;
}

/** A child started by a {@link ProcessGroup}. */
export interface ManagedChild {
  readonly name: string;
  readonly process: ChildProcess;
  /** Settles with the exit code (or signal name) once the child is gone. */
  readonly exited: Promise<number | string>;
  /** The last few kilobytes it wrote to stderr, for error messages. */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const STDERR_TAIL_BYTES = 4096;
const DEFAULT_STOP_GRACE_MS = 5000;

/** Makes every child exit when the harness does, however it ends. */
const EXIT_WITH_PARENT = path.join(__dirname, "exitWithParent.js");

/**
 * Every child process of one benchmark run. Each child gets an IPC channel
 * and a preload that ends it when the channel closes, so that even a harness
 * killed with SIGKILL leaves nothing behind; `stopAll` is the orderly way.
 */
export class ProcessGroup {
  readonly #children = new Set<ManagedChild>();

  constructor() {
    // Last resort on any exit path: synchronous, so only signals can be sent.
    process.once("exit", () => {
      for (const child of this.#children) {
        child.process.kill("SIGKILL");
      }
    });
  }

  /** Starts `spec.script` under the same node binary as the harness. */
  start(spec: ChildSpec): ManagedChild {
    const stdout =
      spec.stdoutFile === undefined ? "ignore" : openSync(spec.stdoutFile, "a");
    const child = spawn(
      process.execPath,
      [...(spec.nodeArgs ?? []), "-r", EXIT_WITH_PARENT, spec.script],
      {
        env: { ...baseEnvironment(), ...spec.env },
        stdio: ["ignore", stdout, "pipe", "ipc"],
      },
    );
    const managed = manage(spec.name, child, () =>
      this.#children.delete(managed),
    );
    this.#children.add(managed);
    return managed;
  }

  /** Stops every child still running, all at once. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#children].map((child) => child.stop()));
  }
}

function manage(
  name: string,
  child: ChildProcess,
  onExit: () => void,
): ManagedChild {
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES);
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      onExit();
      resolve(code ?? signal ?? "unknown");
    });
  });
  // A child that dies on its own must not take the harness with it.
  child.on("error", () => {});

  return {
    name,
    process: child,
    exited,
    stderrTail: () => stderr,
    async stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A clean environment: a developer's LOG_PRETTY, NODE_ENV or proxy settings
 * must not change what is measured.
 */
function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME"]) {
    const value = process.env[name];
    if (value !== undefined) {
      env[name] = value;
    }
  }
  return env;
}
