import {
  createFaceIdEmulator,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
  type FaceIdEmulator,
} from "../../src/emulator";
import { lostAnswers, outcomeOf } from "./support/answers";
import { mintTokens, pull, type PullOptions } from "./support/pulls";
import { scaled } from "./support/scale";
import { limiterQueueDepth } from "./support/serverMetrics";
import { until } from "./support/time";
import {
  buildServer,
  readyUrl,
  type ServerBuild,
  type ServerChild,
  spawnServer,
} from "../support/builtServer";

/** Long enough that every pull is still under way when SIGTERM lands. */
const UPSTREAM_LATENCY_MS = 1000;

/** Far longer than the pulls take, so that reaching it means a stuck drain. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The line the server logs when it had to cut connections at the end. */
const GRACE_OVER = "shutdown grace period over";

describe("SIGTERM while pulls are in flight", () => {
  let build: ServerBuild;
  let emulator: FaceIdEmulator;
  let emulatorUrl: string;
  let server: ServerChild | undefined;

  beforeAll(async () => {
    build = await buildServer();
    emulator = createFaceIdEmulator();
    ({ url: emulatorUrl } = await emulator.listen(0, "127.0.0.1"));
    emulator.injectFault({ kind: "latency", latencyMs: UPSTREAM_LATENCY_MS });
  }, 120_000);
  afterEach(() => {
    // Only a failed test leaves it running.
    if (server?.child.exitCode === null) {
      server.child.kill("SIGKILL");
    }
  });
  afterAll(async () => {
    await emulator.close();
    await build.remove();
  });

  /** Starts the built server, sends pulls, and stops it mid-flight. */
  async function stopDuringPulls(options: PullOptions) {
    server = spawnServer(build, {
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
      FACEID_ENDPOINT: emulatorUrl,
      TENCENTCLOUD_SECRET_ID: EMULATOR_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY: EMULATOR_SECRET_KEY,
    });
    const url = await readyUrl(server);

    // At most two waves of the upstream's 20 a second, so that the second
    // starts well within the limiter's queue timeout.
    const tokens = mintTokens(emulator, scaled(10, 40));
    const before = emulator.stats().actionRequests;
    const pending = Promise.all(
      tokens.map((token) => pull(url, token, options)),
    );

    // Every pull is inside the server: at the upstream or in its queue.
    await until(
      async () =>
        emulator.stats().actionRequests -
          before +
          (await limiterQueueDepth(url)) >=
        tokens.length,
    );
    server.child.kill("SIGTERM");

    return {
      answers: await pending,
      exit: await server.exited,
      output: server.stdout(),
    };
  }

  it.each<[string, PullOptions]>([
    ["on connections kept alive", {}],
    ["each on its own connection", { ownConnection: true }],
  ])(
    "answers every pull in flight %s, then exits 0 without waiting out the grace period",
    async (_label, options) => {
      const { answers, exit, output } = await stopDuringPulls(options);

      expect(lostAnswers(answers)).toEqual([]);
      expect(new Set(answers.map(outcomeOf))).toEqual(new Set(["served"]));
      expect(exit).toBe(0);
      expect(output).toContain('"msg":"stopped"');
      expect(output.includes(GRACE_OVER)).toBe(false);
    },
    30_000,
  );
});
