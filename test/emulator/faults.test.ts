import type { SdkFailure } from "./emulatorHarness";
import { EmulatorHarness, sdkFailure } from "./emulatorHarness";

const SAMPLE = { NFCToken: "sample-id-card" };

describe("injected faults as the SDK sees them", () => {
  let harness: EmulatorHarness;

  beforeEach(async () => {
    harness = await EmulatorHarness.start({ seed: 7 });
  });

  afterEach(() => harness.close());

  it("answers normally after a latency fault's delay", async () => {
    harness.emulator.injectFault({ kind: "latency", latencyMs: 30, times: 1 });

    const result = await harness.getWxNfcResult(SAMPLE);

    expect(result.ResultCode).toBe("0");
  });

  it.each(["InternalError", "InternalError.UnKnown"] as const)(
    "surfaces an internalError fault as an API error with code %s",
    async (errorCode) => {
      harness.emulator.injectFault({ kind: "internalError", errorCode });

      const failure = await sdkFailure(harness.getWxNfcResult(SAMPLE));

      expect(shapeOf(failure)).toEqual({
        thrown: "TencentCloudSDKHttpException",
        code: errorCode,
        message: expect.stringContaining("internal error"),
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    },
  );

  it("surfaces a rateLimited fault as RequestLimitExceeded", async () => {
    harness.emulator.injectFault({ kind: "rateLimited" });

    const failure = await sdkFailure(harness.getWxNfcResult(SAMPLE));

    expect(failure.code).toBe("RequestLimitExceeded");
    expect(harness.emulator.stats()).toMatchObject({
      rateLimitRejections: 0,
      injectedFailures: 1,
    });
  });

  it.each([
    [502, "Bad Gateway"],
    [503, "Service Unavailable"],
  ])(
    "surfaces an http5xx fault of %i as httpCode with the status text and no code",
    async (httpStatus, statusText) => {
      harness.emulator.injectFault({ kind: "http5xx", httpStatus });

      const failure = await sdkFailure(harness.getWxNfcResult(SAMPLE));

      expect(shapeOf(failure)).toEqual({
        thrown: "TencentCloudSDKHttpException",
        httpCode: httpStatus,
        message: statusText,
        requestId: "",
      });
    },
  );

  it("surfaces a connectionReset fault as a network error without code or httpCode", async () => {
    harness.emulator.injectFault({ kind: "connectionReset" });

    const failure = await sdkFailure(harness.getWxNfcResult(SAMPLE));

    expect(shapeOf(failure)).toEqual({
      thrown: "TencentCloudSDKHttpException",
      message: expect.stringMatching(/socket hang up|ECONNRESET/),
      requestId: "",
    });
  });

  it.each(["truncatedJson", "nonJson"] as const)(
    "surfaces a %s fault as the SDK's unwrapped JSON parse failure",
    async (kind) => {
      harness.emulator.injectFault({ kind });

      const failure = await sdkFailure(harness.getWxNfcResult(SAMPLE));

      // parseResponse calls res.json() outside its try block, so this is
      // node-fetch's own FetchError, not a TencentCloudSDKHttpException.
      expect(shapeOf(failure)).toEqual({
        thrown: "FetchError",
        message: expect.stringMatching(/^invalid json response body at /),
      });
    },
  );

  it("fails only the next `times` requests, then answers normally", async () => {
    harness.emulator.injectFault({ kind: "internalError", times: 2 });

    const codes = await outcomes(harness, 4);

    expect(codes).toEqual(["InternalError", "InternalError", "ok", "ok"]);
  });

  it("fails only requests naming the rule's token", async () => {
    harness.emulator.injectFault({
      kind: "internalError",
      token: "sample-chinese-passport",
    });

    const passport = await sdkFailure(
      harness.getWxNfcResult({ NFCToken: "sample-chinese-passport" }),
    );
    const idCard = await harness.getWxNfcResult(SAMPLE);

    expect(passport.code).toBe("InternalError");
    expect(idCard.ResultCode).toBe("0");
  });

  it("draws probabilistic faults from the seed, the same way every run", async () => {
    const twin = await EmulatorHarness.start({ seed: 7 });
    try {
      const rule = { kind: "internalError", probability: 0.5 } as const;
      harness.emulator.injectFault(rule);
      twin.emulator.injectFault(rule);

      const first = await outcomes(harness, 12);
      const second = await outcomes(twin, 12);

      expect(second).toEqual(first);
      expect(first).toContain("ok");
      expect(first).toContain("InternalError");
    } finally {
      await twin.close();
    }
  });

  it("draws for a token's calls alike whatever other calls come between", async () => {
    const twin = await EmulatorHarness.start({ seed: 7 });
    try {
      const rule = { kind: "internalError", probability: 0.5 } as const;
      harness.emulator.injectFault(rule);
      twin.emulator.injectFault(rule);

      const alone = await outcomes(harness, 12);
      const interleaved: string[] = [];
      for (let call = 0; call < 12; call++) {
        interleaved.push(...(await outcomes(twin, 1)));
        // Another token's call takes no draw from this token's.
        await twin
          .getWxNfcResult({ NFCToken: "sample-chinese-passport" })
          .catch(() => undefined);
      }

      expect(interleaved).toEqual(alone);
    } finally {
      await twin.close();
    }
  });

  it("combines latency with another fault on the same request", async () => {
    harness.emulator.injectFault({ kind: "latency", latencyMs: 20 });
    harness.emulator.injectFault({
      kind: "http5xx",
      httpStatus: 503,
      latencyMs: 20,
    });

    const failure = await sdkFailure(harness.getWxNfcResult(SAMPLE));

    expect(failure.httpCode).toBe(503);
  });

  it("answers normally once faults are cleared", async () => {
    harness.emulator.injectFault({ kind: "connectionReset" });
    harness.emulator.clearFaults();

    const result = await harness.getWxNfcResult(SAMPLE);

    expect(result.ResultCode).toBe("0");
  });

  it("counts faulted requests in the token's call count", async () => {
    harness.emulator.injectFault({ kind: "internalError", times: 1 });

    await outcomes(harness, 3);

    expect(harness.emulator.callsFor("sample-id-card")).toBe(3);
    expect(harness.emulator.stats()).toMatchObject({
      actionRequests: 3,
      successfulResponses: 2,
      injectedFailures: 1,
    });
  });

  it.each([
    [{ kind: "latency" }, /latencyMs/],
    [{ kind: "meltdown" }, /`kind` must be one of/],
    [
      { kind: "internalError", probability: 2 },
      /`probability` is out of range/,
    ],
    [{ kind: "http5xx", httpStatus: 404 }, /`httpStatus` is out of range/],
    [{ kind: "internalError", times: 0 }, /`times` is out of range/],
  ])("refuses the fault rule %j", (rule, message) => {
    expect(() => harness.emulator.injectFault(rule as never)).toThrow(message);
  });
});

describe("latency beyond the SDK's timeout", () => {
  it("surfaces as the SDK's network timeout message", async () => {
    const harness = await EmulatorHarness.start();
    try {
      harness.emulator.injectFault({ kind: "latency", latencyMs: 1500 });

      const failure = await sdkFailure(
        harness
          .client(undefined, { reqTimeout: 1 })
          .request("GetWxNFCResult", SAMPLE, {}),
      );

      expect(shapeOf(failure)).toEqual({
        thrown: "TencentCloudSDKHttpException",
        message: expect.stringMatching(/^network timeout at: /),
        requestId: "",
      });
    } finally {
      await harness.close();
    }
  });
});

/**
 * What a caller can read from an SDK failure: the class thrown and the
 * fields our server maps; absent fields are left out.
 */
function shapeOf(failure: SdkFailure): Record<string, unknown> {
  const fields = {
    thrown: failure.constructor.name,
    code: failure.code,
    httpCode: failure.httpCode,
    message: failure.message,
    requestId: failure.requestId,
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
}

/** The error code of each of `count` calls in turn, or "ok". */
async function outcomes(
  harness: EmulatorHarness,
  count: number,
): Promise<string[]> {
  const codes: string[] = [];
  for (let call = 0; call < count; call++) {
    try {
      await harness.getWxNfcResult(SAMPLE);
      codes.push("ok");
    } catch (error) {
      codes.push((error as { code?: string }).code ?? "no code");
    }
  }
  return codes;
}
