/**
 * The battery runs short under `npm test` and in full under
 * `npm run test:reliability`, which sets RELIABILITY_FULL=1. Only counts
 * (requests, fuzz runs) change between the two, never what is asserted.
 */
export const FULL_RUN = process.env.RELIABILITY_FULL === "1";

/** `short` in the everyday run, `full` in the full one. */
export function scaled(short: number, full: number): number {
  return FULL_RUN ? full : short;
}
