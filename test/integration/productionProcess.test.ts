import {
  createFaceIdEmulator,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
  type FaceIdEmulator,
} from "../../src/emulator";
import {
  buildServer,
  readyUrl,
  type ServerBuild,
  type ServerChild,
  spawnServer,
} from "../support/builtServer";

const API_KEY = "production-test-key-0123456789";
const QUERY = `query($t: String!) { nfcDocument(nfcToken: $t) { idType } }`;

/** Slow enough that the pull is still at the upstream when SIGTERM lands. */
const UPSTREAM_LATENCY_MS = 1500;

describe("the built server in production mode", () => {
  let build: ServerBuild;
  let emulator: FaceIdEmulator;
  let production: Record<string, string>;
  let server: ServerChild | undefined;

  beforeAll(async () => {
    build = await buildServer();
    emulator = createFaceIdEmulator();
    const { url } = await emulator.listen(0, "127.0.0.1");
    production = {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      FACEID_ENDPOINT: url,
      TENCENTCLOUD_SECRET_ID: EMULATOR_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY: EMULATOR_SECRET_KEY,
      API_KEYS: API_KEY,
      SHUTDOWN_GRACE_MS: "15000",
    };
  }, 120_000);
  afterEach(() => {
    // Only a failed test leaves one running.
    if (server?.child.exitCode === null) {
      server.child.kill("SIGKILL");
    }
  });
  afterAll(async () => {
    await emulator.close();
    await build.remove();
  });

  const pull = (url: string, token: string, headers = {}) =>
    fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: QUERY, variables: { t: token } }),
    });

  it.each([
    [
      "Tencent credentials",
      "TENCENTCLOUD_SECRET_ID",
      "TENCENTCLOUD_SECRET_KEY",
    ],
    ["a way to authenticate clients", "API_KEYS", "API_KEYS"],
  ])(
    "refuses to start without %s, in one line on stderr",
    async (_label, first, second) => {
      const env = { ...production };
      delete env[first];
      delete env[second];
      server = spawnServer(build, env);

      expect(await server.exited).toBe(1);
      expect(server.stderr().trim().split("\n")).toEqual([
        expect.stringContaining(first),
      ]);
      // Nothing started: no emulator, no listener.
      expect(server.stdout()).not.toMatch(/emulator|server ready/i);
    },
  );

  it("refuses anonymous requests and serves keyed ones", async () => {
    server = spawnServer(build, production);
    const url = await readyUrl(server);

    const anonymous = await pull(url, "sample-id-card");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      errors: [
        {
          message: expect.any(String),
          extensions: { code: "UNAUTHENTICATED" },
        },
      ],
    });
    const keyed = await pull(url, "sample-id-card", {
      authorization: `Bearer ${API_KEY}`,
    });
    expect(await keyed.json()).toEqual({
      data: { nfcDocument: { idType: "ID_CARD" } },
    });

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("finishes a slow request in flight on SIGTERM, then exits 0", async () => {
    const { token } = emulator.mintToken({ fixture: "id-card" });
    emulator.injectFault({
      kind: "latency",
      latencyMs: UPSTREAM_LATENCY_MS,
      token,
    });
    server = spawnServer(build, production);
    const url = await readyUrl(server);

    const response = pull(url, token, { authorization: `Bearer ${API_KEY}` });
    await until(() => emulator.callsFor(token) === 1);
    server.child.kill("SIGTERM");

    const answer = await response;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      data: { nfcDocument: { idType: "ID_CARD" } },
    });
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toContain('"msg":"stopped"');
    expect(server.stdout()).not.toContain("grace period over");
  });
});

/** Resolves once `condition` holds, polling every 20 ms (bounded by jest). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
