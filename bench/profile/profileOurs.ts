import { readFileSync } from "node:fs";
import path from "node:path";

import { withEmulator } from "../harness/emulator";
import { postJson } from "../harness/httpClient";
import { CONTROL_NODE_ARGS, sendControl } from "../harness/controlChild";
import { withVariants } from "../harness/variants";
import { requestBody } from "../queries";
import type { BenchContext } from "../scenarios/BenchContext";
import {
  type CpuProfile,
  type ProfileSummary,
  summarizeCpuProfile,
} from "./summarizeCpuProfile";

/** Finer than V8's default of 1 ms, for requests that take well under it. */
const SAMPLING_INTERVAL_MICROS = 250;

/** Calls the preload makes to start and stop the profiler. */
const CONTROL_SCRIPT = "childControl.js";

export interface ProfileResult extends ProfileSummary {
  /** What ours answered while it was profiled. */
  requestsPerSecond: number;
  /** The .cpuprofile, for a closer look in Chrome DevTools. */
  file: string;
}

/**
 * Profiles ours under the cache-hit load: warmed up first, then sampled
 * for `profileSeconds` of load and nothing else, and summarised.
 */
export async function profileOurs(
  context: BenchContext,
  name: string,
  query: string,
  token: string,
): Promise<ProfileResult> {
  const file = path.join(context.runDirectory, `profile-${name}.cpuprofile`);
  const body = requestBody(query, token);
  const { settings } = context;

  const requestsPerSecond = await withEmulator(undefined, ({ url }) =>
    withVariants(
      context.processes,
      ["ours"],
      { emulatorUrl: url, nodeArgs: CONTROL_NODE_ARGS },
      async (servers) => {
        const ours = servers.get("ours");
        if (ours === undefined) {
          throw new Error("ours did not start");
        }
        const load = (durationSeconds: number) =>
          context.load.run({
            kind: "closedLoop",
            url: ours.graphqlUrl,
            body,
            connections: settings.connections,
            durationSeconds,
          });
        await postJson(ours.graphqlUrl, body);
        await load(settings.warmUpSeconds);

        await sendControl(ours.child, {
          control: "startProfiler",
          intervalMicros: SAMPLING_INTERVAL_MICROS,
        });
        const run = await load(settings.profileSeconds);
        await sendControl(ours.child, { control: "stopProfiler", file });
        return run.requestsPerSecond;
      },
    ),
  );

  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  return {
    requestsPerSecond,
    file,
    ...summarizeCpuProfile(profile, {
      excludedScripts: [CONTROL_SCRIPT],
    }),
  };
}
