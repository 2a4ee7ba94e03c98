import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

import type { ControlCommand, ControlReply } from "./controlMessages";

/*
 * Preloaded (`node -r`) into a server the harness needs to look inside:
 *
 * - CPU profiles between the harness's start and stop, unlike
 *   `--cpu-prof`, which would add module loading and shutdown to a
 *   profile meant to show the request path;
 * - a full garbage collection before memory is read, so that what is
 *   reported is what the server keeps, not what it has yet to collect.
 *
 * The server's own code is unchanged.
 */

const session = new Session();

async function obey(command: ControlCommand): Promise<void> {
  switch (command.control) {
    case "startProfiler":
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", {
        interval: command.intervalMicros,
      });
      await session.post("Profiler.start");
      break;
    case "stopProfiler": {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(command.file, JSON.stringify(profile));
      session.disconnect();
      break;
    }
    case "collectGarbage":
      if (global.gc === undefined) {
        throw new Error("collectGarbage needs node --expose-gc");
      }
      // Buffers' memory is returned by a sweeper after the collection
      // that found them dead; a pause and a second collection let it
      // finish, or `external` reads tens of MiB high.
      global.gc();
      await new Promise((resolve) => setTimeout(resolve, SWEEP_PAUSE_MS));
      global.gc();
      break;
  }
}

/** How long the Buffer sweeper gets between two collections. */
const SWEEP_PAUSE_MS = 200;

process.on("message", (command: ControlCommand) => {
  obey(command).then(
    () => {
      const reply: ControlReply = {
        control: command.control,
        memory: process.memoryUsage(),
      };
      process.send?.(reply);
    },
    (error: unknown) => process.stderr.write(`control: ${String(error)}\n`),
  );
});
