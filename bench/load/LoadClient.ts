import path from "node:path";

import type { ManagedChild, ProcessGroup } from "../harness/processes";
import {
  type JobMessage,
  type JobReply,
  LOAD_HEADERS_VARIABLE,
  type LoadJob,
  type LoadResults,
} from "./protocol";

type Pending = {
  resolve: (result: LoadResults[LoadJob["kind"]]) => void;
  reject: (error: Error) => void;
};

/**
 * The harness's handle on the load process: one job at a time, each sent
 * over IPC and answered with its result.
 */
export class LoadClient {
  readonly #child: ManagedChild;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  private constructor(child: ManagedChild) {
    this.#child = child;
    child.process.on("message", (message: JobReply) => {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if ("error" in message) {
        pending?.reject(new Error(`load process: ${message.error}`));
      } else {
        pending?.resolve(message.result);
      }
    });
    void child.exited.then((code) => {
      for (const pending of this.#pending.values()) {
        pending.reject(
          new Error(`load process exited (${code}):\n${child.stderrTail()}`),
        );
      }
      this.#pending.clear();
    });
  }

  /**
   * Starts the load process in `processes`; every request it sends carries
   * `headers`.
   */
  static start(
    processes: ProcessGroup,
    headers: Readonly<Record<string, string>>,
  ): LoadClient {
    const child = processes.start({
      name: "load",
      script: path.join(__dirname, "loadWorker.js"),
      env: { [LOAD_HEADERS_VARIABLE]: JSON.stringify(headers) },
    });
    return new LoadClient(child);
  }

  /** Runs `job` in the load process and returns its result. */
  run<J extends LoadJob>(job: J): Promise<LoadResults[J["kind"]]> {
    const id = this.#nextId++;
    const message: JobMessage = { id, job };
    return new Promise<LoadResults[J["kind"]]>((resolve, reject) => {
      this.#pending.set(id, {
        // Replies carry the result of the job with the same id.
        resolve: resolve as Pending["resolve"],
        reject,
      });
      this.#child.process.send(message);
    });
  }
}
