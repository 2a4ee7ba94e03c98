import path from "node:path";

import {
  type ControlCommand,
  type ControlReply,
  isControlReply,
} from "./controlMessages";
import type { ManagedChild } from "./processes";

/** Node options that load the control preload into a child. */
export const CONTROL_NODE_ARGS = [
  "--expose-gc",
  "-r",
  path.join(__dirname, "childControl.js"),
];

const TIMEOUT_MS = 30_000;

/** Sends a command to a child started with the control preload. */
export function sendControl(
  child: ManagedChild,
  command: ControlCommand,
): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.process.off("message", onMessage);
      reject(new Error(`${child.name} did not answer ${command.control}`));
    }, TIMEOUT_MS);
    const onMessage = (message: unknown) => {
      if (isControlReply(message) && message.control === command.control) {
        clearTimeout(timer);
        child.process.off("message", onMessage);
        resolve(message);
      }
    };
    child.process.on("message", onMessage);
    child.process.send(command);
  });
}
