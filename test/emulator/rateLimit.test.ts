import { SlidingWindowRateLimiter } from "../../src/emulator/rateLimiter";
import { EmulatorHarness, ManualClock, sdkFailure } from "./emulatorHarness";

const SAMPLE = { NFCToken: "sample-id-card" };

describe("the action's rate limit through the SDK", () => {
  let clock: ManualClock;
  let harness: EmulatorHarness;

  beforeEach(async () => {
    clock = new ManualClock();
    harness = await EmulatorHarness.start({ now: clock.now });
  });

  afterEach(() => harness.close());

  async function callTimes(count: number): Promise<void> {
    for (let call = 0; call < count; call++) {
      await harness.getWxNfcResult(SAMPLE);
    }
  }

  it("rejects the 21st request within one second with RequestLimitExceeded", async () => {
    await callTimes(20);

    const failure = await sdkFailure(harness.getWxNfcResult(SAMPLE));

    expect(failure.code).toBe("RequestLimitExceeded");
    expect(harness.emulator.stats()).toMatchObject({
      actionRequests: 21,
      successfulResponses: 20,
      rateLimitRejections: 1,
      busiestSecond: 20,
    });
  });

  it("accepts requests again once the emulator's clock has moved a second on", async () => {
    await callTimes(20);
    clock.advance(999);
    await sdkFailure(harness.getWxNfcResult(SAMPLE));

    clock.advance(1);
    const result = await harness.getWxNfcResult(SAMPLE);

    expect(result.ResultCode).toBe("0");
    expect(harness.emulator.stats().busiestSecond).toBe(20);
  });

  it("does not spend the budget on requests that fail authentication", async () => {
    const wrongKey = { secretId: "AKIDunknown", secretKey: "x" };
    for (let call = 0; call < 5; call++) {
      await sdkFailure(harness.getWxNfcResult(SAMPLE, wrongKey));
    }

    await callTimes(20);

    expect(harness.emulator.stats().rateLimitRejections).toBe(0);
  });

  it("honours a configured limit", async () => {
    const strict = await EmulatorHarness.start({
      now: clock.now,
      maxRequestsPerSecond: 3,
    });
    try {
      for (let call = 0; call < 3; call++) {
        await strict.getWxNfcResult(SAMPLE);
      }
      const failure = await sdkFailure(strict.getWxNfcResult(SAMPLE));

      expect(failure.code).toBe("RequestLimitExceeded");
      expect(failure.message).toContain("at most 3 per second");
    } finally {
      await strict.close();
    }
  });
});

const T = true;
const F = false;

describe("SlidingWindowRateLimiter", () => {
  it("counts a trailing window rather than calendar seconds", () => {
    const limiter = new SlidingWindowRateLimiter(4);
    const admitted = [0, 0, 600, 600, 900, 1000, 1000, 1001, 1600].map((time) =>
      limiter.tryAdmit(time),
    );

    // At 900 the window (-100, 900] already holds four; by 1000 the two
    // admitted at 0 have left it, making room for two; by 1600 the ones at
    // 600 have left too.
    expect(admitted).toEqual([T, T, T, T, F, T, T, F, T]);
    expect(limiter.busiestWindow).toBe(4);
  });

  it("records the busiest window even when it never hit the limit", () => {
    const limiter = new SlidingWindowRateLimiter(20);
    [0, 100, 200, 1500].forEach((time) => limiter.tryAdmit(time));

    expect(limiter.busiestWindow).toBe(3);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new SlidingWindowRateLimiter(0)).toThrow(RangeError);
  });
});
