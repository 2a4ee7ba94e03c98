import { runClosedLoop } from "./closedLoop";
import type { JobMessage, JobReply, LoadJob, LoadResults } from "./protocol";
import { runRequestBatch } from "./requestBatch";
import { runSdkCalls } from "./sdkCalls";

/*
 * The load process: runs one job at a time as the harness sends them over
 * IPC, and exits when the harness disconnects.
 */

function runJob(job: LoadJob): Promise<LoadResults[LoadJob["kind"]]> {
  switch (job.kind) {
    case "closedLoop":
      return runClosedLoop(job);
    case "requestBatch":
      return runRequestBatch(job);
    case "sdkCalls":
      return runSdkCalls(job);
  }
}

function reply(message: JobReply): void {
  process.send?.(message);
}

// The preload unrefs the channel; this process exists to listen on it.
process.channel?.ref();
process.on("message", (message: JobMessage) => {
  runJob(message.job).then(
    (result) => reply({ id: message.id, result }),
    (error: unknown) => reply({ id: message.id, error: String(error) }),
  );
});
