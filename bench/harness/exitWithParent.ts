/*
 * Preloaded (`node -r`) into every process the harness starts. The harness
 * holds an IPC channel to each child; when the harness goes, however it
 * goes, the channel closes and the child stops itself, so that no server is
 * left running after a crashed or killed benchmark.
 */

/** How long a child may take to stop gracefully before it is cut off. */
const HARD_EXIT_AFTER_MS = 5000;

export {};

if (process.channel !== undefined) {
  // The channel alone must not keep a finished program alive.
  process.channel.unref();
  process.once("disconnect", () => {
    setTimeout(() => process.exit(1), HARD_EXIT_AFTER_MS).unref();
    process.kill(process.pid, "SIGTERM");
  });
}
