/**
 * Real-time waits for injected latency, tracked so that closing the
 * emulator can end them at once instead of keeping the process alive.
 */
export class PendingDelays {
  readonly #pending = new Map<NodeJS.Timeout, () => void>();

  /** Resolves after `ms` milliseconds, or sooner if released. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(timer);
        resolve();
      }, ms);
      this.#pending.set(timer, resolve);
    });
  }

  /** Ends every wait now; the waiters find their sockets closed. */
  releaseAll(): void {
    for (const [timer, resolve] of this.#pending) {
      clearTimeout(timer);
      resolve();
    }
    this.#pending.clear();
  }
}
