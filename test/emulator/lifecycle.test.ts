import http from "node:http";

import { faceid } from "tencentcloud-sdk-nodejs/tencentcloud/services/faceid";

import { createFaceIdEmulator } from "../../src/emulator";
import { DEFAULT_CREDENTIAL, sdkFailure } from "./emulatorHarness";

describe("emulator lifecycle", () => {
  it("listens on a free loopback port and reports its URL", async () => {
    const emulator = createFaceIdEmulator();

    const { url, port } = await emulator.listen();
    await emulator.close();

    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}`);
  });

  it("closes with a keep-alive connection open and a delayed request pending", async () => {
    const emulator = createFaceIdEmulator();
    const { port } = await emulator.listen();
    const agent = new http.Agent({ keepAlive: true });
    const client = new faceid.v20180301.Client({
      credential: DEFAULT_CREDENTIAL,
      region: "",
      profile: {
        httpProfile: {
          endpoint: `127.0.0.1:${port}`,
          protocol: "http://",
          reqTimeout: 30,
          agent,
        },
      },
    });
    const parameters = { NFCToken: "sample-id-card" };
    await client.request("GetWxNFCResult", parameters, {});
    emulator.injectFault({ kind: "latency", latencyMs: 60_000 });
    const pending = sdkFailure(
      client.request("GetWxNFCResult", parameters, {}),
    );

    // Close only once the delayed request has reached the emulator.
    while (emulator.stats().actionRequests < 2) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await emulator.close();
    const failure = await pending;
    agent.destroy();

    expect(failure.message).toMatch(/socket hang up|ECONNRESET/);
  });

  it("closes quietly when it never listened", async () => {
    await expect(createFaceIdEmulator().close()).resolves.toBeUndefined();
  });
});
