import { EmulatorHarness, ManualClock, sdkFailure } from "./emulatorHarness";
import { errorCodeOf, rawActionRequest } from "./rawRequest";

const TEN_MINUTES_MS = 10 * 60 * 1000;

describe("GetWxNFCResult parameters", () => {
  let harness: EmulatorHarness;

  beforeEach(async () => {
    harness = await EmulatorHarness.start();
  });

  afterEach(() => harness.close());

  it("reports a missing NFCToken as MissingParameter", async () => {
    const failure = await sdkFailure(harness.getWxNfcResult({}));

    expect(failure.code).toBe("MissingParameter");
    expect(failure.message).toContain("NFCToken");
  });

  it.each([42, "", true, { nested: "x" }])(
    "reports the NFCToken %j as InvalidParameterValue",
    async (value) => {
      const failure = await sdkFailure(
        harness.getWxNfcResult({ NFCToken: value }),
      );

      expect(failure.code).toBe("InvalidParameterValue");
    },
  );

  it("reports a parameter other than NFCToken as UnknownParameter", async () => {
    const failure = await sdkFailure(
      harness.getWxNfcResult({ NFCToken: "sample-id-card", Extra: "1" }),
    );

    expect(failure.code).toBe("UnknownParameter");
    expect(failure.message).toContain("Extra");
  });

  it.each([
    ["a JSON string", "text"],
    ["a JSON array", ["sample-id-card"]],
    ["not JSON at all", Buffer.from("NFCToken=sample-id-card")],
  ])("reports a body that is %s as InvalidParameter", async (_, body) => {
    const failure = await sdkFailure(harness.getWxNfcResult(body));

    expect(failure.code).toBe("InvalidParameter");
  });

  it("reports a body over one mebibyte as RequestSizeLimitExceeded", async () => {
    const answer = await rawActionRequest(harness.port, {
      body: JSON.stringify({ NFCToken: "x".repeat(1024 * 1024) }),
    });

    expect(errorCodeOf(answer)).toBe("RequestSizeLimitExceeded");
  });

  it("answers a token it never issued with FailedOperation.InvalidTokenParameter", async () => {
    const failure = await sdkFailure(
      harness.getWxNfcResult({
        NFCToken: "d102c9c8-5423-11f1-97f9-52540044344e",
      }),
    );

    expect(failure.code).toBe("FailedOperation.InvalidTokenParameter");
  });
});

describe("minted tokens", () => {
  let clock: ManualClock;
  let harness: EmulatorHarness;

  beforeEach(async () => {
    clock = new ManualClock();
    harness = await EmulatorHarness.start({ now: clock.now });
  });

  afterEach(() => harness.close());

  it("mints URL-safe tokens that match the NFC token pattern", () => {
    const first = harness.emulator.mintToken({ fixture: "id-card" });
    const second = harness.emulator.mintToken({ fixture: "id-card" });

    expect(first.token).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
    expect(second.token).not.toBe(first.token);
  });

  it("answers a minted token with its fixture and the overrides", async () => {
    const { token } = harness.emulator.mintToken({
      fixture: "chinese-passport",
      overrides: { Name: "样本覆盖测试员", CheckMRTD: null },
    });

    const result = await harness.getWxNfcResult({ NFCToken: token });

    expect(result).toMatchObject({
      IdType: "03",
      Name: "样本覆盖测试员",
      CheckMRTD: null,
      EnName: "SAMPLE YI TESTPERSON",
    });
  });

  it("expires a minted token once its TTL has passed on the emulator's clock", async () => {
    const { token } = harness.emulator.mintToken({
      fixture: "id-card",
      ttlMs: 60_000,
    });
    await harness.getWxNfcResult({ NFCToken: token });

    clock.advance(60_000);
    const failure = await sdkFailure(
      harness.getWxNfcResult({ NFCToken: token }),
    );

    expect(failure.code).toBe("FailedOperation.InvalidTokenParameter");
  });

  it("gives minted tokens ten minutes by default", async () => {
    // Mint in the emulator's past, then come back to the real time, so the
    // SDK's real-time signature stays within the allowed skew.
    const realNow = clock.ms;
    clock.ms = realNow - TEN_MINUTES_MS + 30_000;
    const fresh = harness.emulator.mintToken({ fixture: "id-card" });
    clock.ms = realNow - TEN_MINUTES_MS - 1;
    const stale = harness.emulator.mintToken({ fixture: "id-card" });
    clock.ms = realNow;

    const result = await harness.getWxNfcResult({ NFCToken: fresh.token });
    const failure = await sdkFailure(
      harness.getWxNfcResult({ NFCToken: stale.token }),
    );

    expect(result.IdType).toBe("01");
    expect(failure.code).toBe("FailedOperation.InvalidTokenParameter");
    expect(stale.expiresAtMs).toBe(realNow - 1);
  });

  it("refuses to mint a token for a fixture that does not exist", () => {
    expect(() => harness.emulator.mintToken({ fixture: "no-such" })).toThrow(
      /`fixture` must be one of id-card, /,
    );
  });

  it("refuses overrides of fields the response does not have", () => {
    expect(() =>
      harness.emulator.mintToken({
        fixture: "id-card",
        overrides: { Nickname: "x" } as never,
      }),
    ).toThrow(/`Nickname` is not one/);
  });

  it("forgets minted tokens on reset but keeps sample tokens", async () => {
    const { token } = harness.emulator.mintToken({ fixture: "id-card" });

    harness.emulator.reset();

    const failure = await sdkFailure(
      harness.getWxNfcResult({ NFCToken: token }),
    );
    expect(failure.code).toBe("FailedOperation.InvalidTokenParameter");
    await expect(
      harness.getWxNfcResult({ NFCToken: "sample-id-card" }),
    ).resolves.toMatchObject({ ResultCode: "0" });
  });
});
