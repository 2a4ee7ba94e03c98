import type { Clock } from "./clock";

/**
 * Settles like `work`, unless `signal` aborts first, in which case it
 * rejects at once with the signal's reason. This is what keeps deadlines
 * honest even when the work ignores its signal; the abandoned work's own
 * rejection is swallowed so it cannot surface as an unhandled rejection.
 */
export function settleBeforeAbort<T>(
  work: Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  work.catch(() => undefined);
  if (signal.aborted) {
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });

    // Whichever comes first wins; the listener goes either way.
    work.then(resolve, reject).finally(() => {
      signal.removeEventListener("abort", onAbort);
    });
  });
}

/** Waits `delayMs` on `clock`; rejects with the reason if `signal` aborts. */
export function sleep(
  delayMs: number,
  signal: AbortSignal,
  clock: Clock,
): Promise<void> {
  if (signal.aborted) {
    return Promise.reject(signal.reason);
  }
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal.reason);
    };
    const cancel = clock.schedule(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, delayMs);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
