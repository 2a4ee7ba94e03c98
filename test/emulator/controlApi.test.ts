import type { IncomingMessage, ServerResponse } from "node:http";

import { isLoopbackAddress } from "../../src/emulator";
import type { ControlOperations } from "../../src/emulator/controlApi";
import { serveControl } from "../../src/emulator/controlApi";
import { EmulatorHarness, sdkFailure } from "./emulatorHarness";
import { send } from "./rawRequest";

describe("the control API over HTTP", () => {
  let harness: EmulatorHarness;

  beforeEach(async () => {
    harness = await EmulatorHarness.start();
  });

  afterEach(() => harness.close());

  function control(method: string, path: string, body?: unknown) {
    return send(
      `${harness.url}/__emulator/${path}`,
      method,
      { "Content-Type": "application/json" },
      body === undefined ? undefined : JSON.stringify(body),
    );
  }

  it("mints a token the SDK can then read, with overrides", async () => {
    const minted = await control("POST", "tokens", {
      fixture: "foreign-passport",
      overrides: { Nationality: "ZZZ" },
      ttlMs: 60_000,
    });
    const { token } = minted.json as { token: string };

    const result = await harness.getWxNfcResult({ NFCToken: token });

    expect(minted.status).toBe(201);
    expect(result).toMatchObject({ IdType: "08", Nationality: "ZZZ" });
  });

  it("reports call counts per token and overall stats", async () => {
    await harness.getWxNfcResult({ NFCToken: "sample-id-card" });
    await harness.getWxNfcResult({ NFCToken: "sample-id-card" });

    const calls = await control("GET", "tokens/sample-id-card/calls");
    const stats = await control("GET", "stats");

    expect(calls.json).toEqual({ token: "sample-id-card", calls: 2 });
    expect(stats.json).toMatchObject({
      actionRequests: 2,
      successfulResponses: 2,
      busiestSecond: 2,
      callsByToken: { "sample-id-card": 2 },
    });
  });

  it("adds faults the SDK then meets, and clears them", async () => {
    const added = await control("POST", "faults", {
      kind: "internalError",
      errorCode: "InternalError.UnKnown",
    });
    const failure = await sdkFailure(
      harness.getWxNfcResult({ NFCToken: "sample-id-card" }),
    );
    const cleared = await control("DELETE", "faults");
    const result = await harness.getWxNfcResult({ NFCToken: "sample-id-card" });

    expect(added.status).toBe(204);
    expect(failure.code).toBe("InternalError.UnKnown");
    expect(cleared.status).toBe(204);
    expect(result.ResultCode).toBe("0");
  });

  it("resets counters, faults and minted tokens", async () => {
    await harness.getWxNfcResult({ NFCToken: "sample-id-card" });
    await control("POST", "faults", { kind: "connectionReset" });

    const reset = await control("POST", "reset");
    const result = await harness.getWxNfcResult({ NFCToken: "sample-id-card" });

    expect(reset.status).toBe(204);
    expect(result.ResultCode).toBe("0");
    expect(harness.emulator.stats().actionRequests).toBe(1);
  });

  it("lists the sample tokens with a description each", async () => {
    const answer = await control("GET", "samples");
    const { samples } = answer.json as {
      samples: { token: string; description: string }[];
    };

    expect(samples).toContainEqual(
      expect.objectContaining({ token: "sample-id-card" }),
    );
    expect(samples.every((sample) => sample.description !== "")).toBe(true);
  });

  it.each([
    ["POST", "faults", { kind: "meltdown" }, /`kind` must be one of/],
    ["POST", "tokens", { fixture: "nope" }, /`fixture` must be one of/],
    ["POST", "tokens", "not an object", /must be a JSON object/],
  ])(
    "answers %s %s with a bad body with 400 and the reason",
    async (method, path, body, reason) => {
      const answer = await control(method, path, body);

      expect(answer.status).toBe(400);
      expect((answer.json as { error: string }).error).toMatch(reason);
    },
  );

  it("answers an unknown control route with 404", async () => {
    const answer = await control("GET", "nothing-here");

    expect(answer.status).toBe(404);
  });
});

describe("control API access", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "::1",
    "::ffff:127.0.0.1",
    "::FFFF:127.1.2.3",
  ])("treats %s as loopback", (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each([
    undefined,
    "",
    "10.0.0.1",
    "192.0.2.7",
    "128.0.0.1",
    "::2",
    "::ffff:10.0.0.1",
    "fe80::1",
    "127.0.0.1.example",
  ])("does not treat %s as loopback", (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });

  it("answers 403 and runs nothing for a peer that is not loopback", async () => {
    const reset = jest.fn();
    const answer = { status: 0, body: "" };
    const request = {
      method: "POST",
      url: "/__emulator/reset",
      socket: { remoteAddress: "192.0.2.7" },
      resume: () => undefined,
    } as unknown as IncomingMessage;
    const response = {
      writeHead(status: number) {
        answer.status = status;
        return this;
      },
      end(body: string) {
        answer.body = body;
      },
    } as unknown as ServerResponse;

    await serveControl(request, response, {
      reset,
    } as unknown as ControlOperations);

    expect(answer.status).toBe(403);
    expect(reset).not.toHaveBeenCalled();
  });
});
