import {
  DEFAULT_CREDENTIAL,
  EmulatorHarness,
  ManualClock,
  sdkFailure,
} from "./emulatorHarness";
import { errorCodeOf, rawActionRequest } from "./rawRequest";

const SAMPLE = { NFCToken: "sample-id-card" };

describe("TC3-HMAC-SHA256 authentication", () => {
  let clock: ManualClock;
  let harness: EmulatorHarness;

  beforeEach(async () => {
    clock = new ManualClock();
    harness = await EmulatorHarness.start({
      now: clock.now,
      credentials: [
        DEFAULT_CREDENTIAL,
        { secretId: "AKIDsecondpair", secretKey: "second-pair-key" },
      ],
    });
  });

  afterEach(() => harness.close());

  it("accepts a request the SDK signed with a configured key pair", async () => {
    const result = await harness.getWxNfcResult(SAMPLE);

    expect(result.ResultCode).toBe("0");
  });

  it("accepts any of several configured key pairs", async () => {
    const result = await harness.getWxNfcResult(SAMPLE, {
      secretId: "AKIDsecondpair",
      secretKey: "second-pair-key",
    });

    expect(result.ResultCode).toBe("0");
  });

  it("rejects a request signed with the wrong secret key", async () => {
    const failure = await sdkFailure(
      harness.getWxNfcResult(SAMPLE, {
        secretId: DEFAULT_CREDENTIAL.secretId,
        secretKey: "not-the-right-key",
      }),
    );

    expect(failure.code).toBe("AuthFailure.SignatureFailure");
    expect(failure.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects a SecretId it does not know", async () => {
    const failure = await sdkFailure(
      harness.getWxNfcResult(SAMPLE, {
        secretId: "AKIDunknown",
        secretKey: DEFAULT_CREDENTIAL.secretKey,
      }),
    );

    expect(failure.code).toBe("AuthFailure.SecretIdNotFound");
  });

  it.each([301, -301])(
    "rejects a request whose timestamp is more than five minutes off (emulator clock %i s away)",
    async (offsetSeconds) => {
      clock.advance(offsetSeconds * 1000);

      const failure = await sdkFailure(harness.getWxNfcResult(SAMPLE));

      expect(failure.code).toBe("AuthFailure.SignatureExpire");
    },
  );

  it.each([290, -290])(
    "accepts a timestamp less than five minutes off (emulator clock %i s away)",
    async (offsetSeconds) => {
      clock.advance(offsetSeconds * 1000);

      const result = await harness.getWxNfcResult(SAMPLE);

      expect(result.ResultCode).toBe("0");
    },
  );

  it("rejects a request without an Authorization header", async () => {
    const answer = await rawActionRequest(harness.port, {
      headers: { Authorization: undefined },
    });

    expect(answer.status).toBe(200);
    expect(errorCodeOf(answer)).toBe("AuthFailure.InvalidAuthorization");
  });

  it("rejects an Authorization header that is not TC3-HMAC-SHA256", async () => {
    // skipSign makes the SDK send the literal header "SKIP".
    const failure = await sdkFailure(
      harness.client().request("GetWxNFCResult", SAMPLE, { skipSign: true }),
    );

    expect(failure.code).toBe("AuthFailure.InvalidAuthorization");
  });

  it("rejects signed headers other than content-type;host", async () => {
    const header = `TC3-HMAC-SHA256 Credential=${DEFAULT_CREDENTIAL.secretId}/2020-01-01/127/tc3_request, SignedHeaders=host, Signature=${"0".repeat(64)}`;
    const answer = await rawActionRequest(harness.port, {
      headers: { Authorization: header },
    });

    expect(errorCodeOf(answer)).toBe("AuthFailure.InvalidAuthorization");
  });

  it("rejects a credential scope dated other than the timestamp's UTC day", async () => {
    const signedTimestamp = Math.floor(clock.ms / 1000);
    clock.advance(86_400_000);

    const answer = await rawActionRequest(harness.port, {
      signedTimestamp,
      sentTimestamp: signedTimestamp + 86_400,
    });

    expect(errorCodeOf(answer)).toBe("AuthFailure.SignatureFailure");
  });

  it("rejects a body altered after signing", async () => {
    const answer = await rawActionRequest(harness.port, {
      signedBody: '{"NFCToken":"sample-id-card"}',
      body: '{"NFCToken":"sample-id-carx"}',
    });

    expect(errorCodeOf(answer)).toBe("AuthFailure.SignatureFailure");
  });

  it("reports a missing X-TC-Timestamp as MissingParameter", async () => {
    const answer = await rawActionRequest(harness.port, {
      headers: { "X-TC-Timestamp": undefined },
    });

    expect(errorCodeOf(answer)).toBe("MissingParameter");
  });
});

describe("action and version routing", () => {
  let harness: EmulatorHarness;

  beforeEach(async () => {
    harness = await EmulatorHarness.start();
  });

  afterEach(() => harness.close());

  it("rejects an action other than GetWxNFCResult with InvalidAction", async () => {
    const failure = await sdkFailure(
      harness.client().request("OtherAction", SAMPLE, {}),
    );

    expect(failure.code).toBe("InvalidAction");
  });

  it("rejects an API version other than 2018-03-01 with NoSuchVersion", async () => {
    const failure = await sdkFailure(
      harness
        .clientForVersion("2017-01-01")
        .request("GetWxNFCResult", SAMPLE, {}),
    );

    expect(failure.code).toBe("NoSuchVersion");
  });

  it("reports a missing X-TC-Action as MissingParameter", async () => {
    const answer = await rawActionRequest(harness.port, {
      headers: { "X-TC-Action": undefined },
    });

    expect(errorCodeOf(answer)).toBe("MissingParameter");
  });

  it("answers a method other than POST with an InvalidRequest envelope", async () => {
    const answer = await rawActionRequest(harness.port, { method: "GET" });

    expect(answer.status).toBe(200);
    expect(errorCodeOf(answer)).toBe("InvalidRequest");
  });
});
