import {
  type DrainSteps,
  ServerLifecycle,
} from "../../../src/lifecycle/ServerLifecycle";
import { createLogger } from "../../../src/logging/logger";

const logger = createLogger({ level: "silent", pretty: false });

/** Drain steps whose HTTP close settles when the test says so. */
function controllableSteps() {
  const calls: string[] = [];
  let finishHttp = () => {};
  const steps: DrainSteps = {
    closeHttp: () => {
      calls.push("closeHttp");
      return new Promise<void>((resolve) => (finishHttp = resolve));
    },
    closeAllConnections: () => {
      calls.push("closeAllConnections");
      finishHttp();
    },
    closeUpstream: () => void calls.push("closeUpstream"),
  };
  return { steps, calls, finishHttp: () => finishHttp() };
}

describe("ServerLifecycle", () => {
  it("starts, becomes ready, and refuses to become ready twice", () => {
    const lifecycle = new ServerLifecycle({ logger, graceMs: 1000 });
    expect(lifecycle.phase).toBe("starting");
    lifecycle.markReady();
    expect(lifecycle.phase).toBe("ready");
    expect(() => lifecycle.markReady()).toThrow("from phase ready");
  });

  it("drains until requests finish, then closes the upstream and stops", async () => {
    const lifecycle = new ServerLifecycle({ logger, graceMs: 60_000 });
    lifecycle.markReady();
    const { steps, calls, finishHttp } = controllableSteps();

    const stopped = lifecycle.stop(steps);
    expect(lifecycle.phase).toBe("draining");
    expect(calls).toEqual(["closeHttp"]);

    finishHttp();
    await stopped;
    expect(lifecycle.phase).toBe("stopped");
    expect(calls).toEqual(["closeHttp", "closeUpstream"]);
  });

  it("cuts the connections left when the grace period is over", async () => {
    jest.useFakeTimers();
    try {
      const lifecycle = new ServerLifecycle({ logger, graceMs: 5000 });
      lifecycle.markReady();
      const { steps, calls } = controllableSteps();

      const stopped = lifecycle.stop(steps);
      await jest.advanceTimersByTimeAsync(5000);
      await stopped;
      expect(calls).toEqual([
        "closeHttp",
        "closeAllConnections",
        "closeUpstream",
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it("runs one drain however often stop is called", async () => {
    const lifecycle = new ServerLifecycle({ logger, graceMs: 60_000 });
    lifecycle.markReady();
    const { steps, calls, finishHttp } = controllableSteps();

    const first = lifecycle.stop(steps);
    const second = lifecycle.stop(steps);
    finishHttp();
    await Promise.all([first, second]);
    expect(calls.filter((call) => call === "closeHttp")).toHaveLength(1);
  });
});
