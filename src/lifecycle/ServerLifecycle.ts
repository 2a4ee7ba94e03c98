import type { Logger } from "../logging/logger";

/**
 * Where a server is in its life. Requests are served in `ready` and, for
 * those already in flight, in `draining`; `/readyz` answers 200 only in
 * `ready`.
 */
export type ServerPhase = "starting" | "ready" | "draining" | "stopped";

/** The steps of a graceful stop, supplied by the server that owns them. */
export interface DrainSteps {
  /** Stops accepting and resolves once every request in flight is done. */
  closeHttp(): Promise<void>;
  /** Cuts the connections still open when the grace period is over. */
  closeAllConnections(): void;
  /** Releases upstream resources such as the pooled HTTP agent. */
  closeUpstream(): void;
}

export interface ServerLifecycleOptions {
  logger: Logger;
  /** Longest the requests in flight may take to finish once stopping. */
  graceMs: number;
}

/**
 * The server's phase and its one way out: `stop()` marks the server not
 * ready, waits for requests in flight up to the grace period, then cuts
 * what is left and closes the upstream.
 */
export class ServerLifecycle {
  #phase: ServerPhase = "starting";
  #stopping: Promise<void> | null = null;
  readonly #logger: Logger;
  readonly #graceMs: number;

  constructor(options: ServerLifecycleOptions) {
    this.#logger = options.logger;
    this.#graceMs = options.graceMs;
  }

  get phase(): ServerPhase {
    return this.#phase;
  }

  /** Starting is over: the server listens and may take traffic. */
  markReady(): void {
    if (this.#phase !== "starting") {
      throw new Error(`cannot become ready from phase ${this.#phase}`);
    }
    this.#phase = "ready";
  }

  /** Stops the server; later calls wait for the same stop. */
  stop(steps: DrainSteps): Promise<void> {
    this.#stopping ??= this.#drain(steps);
    return this.#stopping;
  }

  async #drain(steps: DrainSteps): Promise<void> {
    // Not ready first, so that a balancer polling /readyz stops routing here.
    this.#phase = "draining";
    const closed = steps.closeHttp();

    // Requests in flight get the grace period, then lose their sockets.
    const finishedInTime = await settlesWithin(closed, this.#graceMs);
    if (!finishedInTime) {
      this.#logger.warn(
        { graceMs: this.#graceMs },
        "shutdown grace period over; closing the connections still open",
      );
      steps.closeAllConnections();
    }
    await closed;

    // Upstream last: a request in flight may still have needed it.
    steps.closeUpstream();
    this.#phase = "stopped";
  }
}

/** True when `pending` settles within `ms`; it is awaited either way. */
async function settlesWithin(
  pending: Promise<unknown>,
  ms: number,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([pending.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
