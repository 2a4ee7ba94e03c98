import { createServer } from "node:net";

import type { ManagedChild } from "./processes";

/** The loopback host every process of a run listens on and talks to. */
export const LOOPBACK = "127.0.0.1";

/**
 * A port that was free a moment ago. Children are given a port rather than
 * asked for theirs, so that their stdout can go to /dev/null.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const POLL_INTERVAL_MS = 50;

/**
 * Waits until `url` answers at all (any status), failing early with the
 * child's stderr when the child exits first.
 */
export async function waitUntilAnswering(
  url: string,
  child: ManagedChild,
  timeoutMs = 20_000,
): Promise<void> {
  let exitCode: number | string | null = null;
  void child.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (exitCode !== null) {
      throw new Error(
        `${child.name} exited (${exitCode}) before answering:\n` +
          child.stderrTail(),
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }
  throw new Error(
    `${child.name} did not answer ${url} within ${timeoutMs} ms:\n` +
      child.stderrTail(),
  );
}
