/** Resolves after `ms`; only ever a lower bound, such as a cool-down. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How often {@link until} looks again. */
const POLL_INTERVAL_MS = 25;

/**
 * Resolves once `condition` holds, looking every few milliseconds. It
 * waits for a state, not for a time, so a slow machine only waits longer;
 * jest's test timeout ends a wait that never succeeds.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
): Promise<void> {
  while (!(await condition())) {
    await pause(POLL_INTERVAL_MS);
  }
}
