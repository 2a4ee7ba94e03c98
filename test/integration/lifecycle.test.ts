import { startTestStack } from "../support/testStack";

const QUERY = `query($t: String!) { nfcDocument(nfcToken: $t) { idType } }`;

describe("the server's lifecycle", () => {
  it("is ready once listening, drains a request in flight, then stops", async () => {
    const stack = await startTestStack({
      env: { SHUTDOWN_GRACE_MS: "15000" },
    });
    const { server, emulator } = stack;
    expect(server.lifecycle.phase).toBe("ready");
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    const { token } = emulator.mintToken({ fixture: "id-card" });
    emulator.injectFault({ kind: "latency", latencyMs: 500, token });
    const inFlight = stack.graphql(QUERY, { t: token });
    while (emulator.callsFor(token) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const closed = server.close();
    expect(server.lifecycle.phase).toBe("draining");
    const { status, headers, body } = await inFlight;
    expect(status).toBe(200);
    expect(headers.get("connection")).toBe("close");
    expect(body.data?.nfcDocument).toEqual({ idType: "ID_CARD" });

    await closed;
    expect(server.lifecycle.phase).toBe("stopped");
    await emulator.close();
  });
});
