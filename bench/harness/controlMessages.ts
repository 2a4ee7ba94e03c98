/*
 * Commands the harness sends a server it started with the control preload
 * (`childControl.js`), over the child's IPC channel, and the replies.
 */

export type ControlCommand =
  | { control: "startProfiler"; intervalMicros: number }
  | { control: "stopProfiler"; file: string }
  /** Needs `--expose-gc`; the reply carries memory after a full GC. */
  | { control: "collectGarbage" };

export interface ControlReply {
  control: ControlCommand["control"];
  /** process.memoryUsage() after the command, in bytes. */
  memory: NodeJS.MemoryUsage;
}

export function isControlReply(message: unknown): message is ControlReply {
  return (
    typeof message === "object" && message !== null && "control" in message
  );
}
