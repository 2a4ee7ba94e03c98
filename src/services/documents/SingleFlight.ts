/**
 * Runs at most one task per key at a time: callers that ask for a key while
 * its task is running join that task instead of starting another. The entry
 * is removed when the task settles, so a later call starts afresh.
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();
  readonly #onJoin: () => void;

  constructor(onJoin: () => void = () => {}) {
    this.#onJoin = onJoin;
  }

  /** The running task for `key`, or a new one started with `task`. */
  run(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running !== undefined) {
      this.#onJoin();
      return running;
    }

    // A task that throws before its first await still settles the promise.
    const started = new Promise<T>((resolve) => resolve(task())).finally(() =>
      this.#running.delete(key),
    );
    this.#running.set(key, started);
    return started;
  }

  /** How many tasks are running now. */
  get size(): number {
    return this.#running.size;
  }
}
