import http from "node:http";

import { CommonClient } from "tencentcloud-sdk-nodejs/tencentcloud/common/common_client";
import { faceid } from "tencentcloud-sdk-nodejs/tencentcloud/services/faceid";

import type {
  EmulatorCredential,
  FaceIdEmulator,
  FaceIdEmulatorOptions,
} from "../../src/emulator";
import {
  createFaceIdEmulator,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
} from "../../src/emulator";
import type { WxNfcResult } from "../../src/services/tencent/WxNfcResult";

/** The synthetic pair every harness accepts unless told otherwise. */
export const DEFAULT_CREDENTIAL: EmulatorCredential = {
  secretId: EMULATOR_SECRET_ID,
  secretKey: EMULATOR_SECRET_KEY,
};

/** The fields of a TencentCloudSDKHttpException that tests look at. */
export interface SdkFailure {
  readonly message: string;
  readonly code?: string;
  readonly httpCode?: number;
  readonly requestId?: string;
  readonly name: string;
}

/** A clock tests move by hand, starting at the real time. */
export class ManualClock {
  ms = Date.now();
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * An emulator listening on a free loopback port, with the real Tencent SDK
 * pointed at it through a keep-alive agent, as our server will use it.
 */
export class EmulatorHarness {
  readonly #agent = new http.Agent({ keepAlive: true });

  private constructor(
    readonly emulator: FaceIdEmulator,
    readonly port: number,
    readonly url: string,
  ) {}

  static async start(
    options: FaceIdEmulatorOptions = {},
  ): Promise<EmulatorHarness> {
    const emulator = createFaceIdEmulator(options);
    const { port, url } = await emulator.listen();
    return new EmulatorHarness(emulator, port, url);
  }

  /** The generated FaceID client, as production code builds it. */
  client(
    credential: EmulatorCredential = DEFAULT_CREDENTIAL,
    { reqTimeout = 5 } = {},
  ): InstanceType<typeof faceid.v20180301.Client> {
    return new faceid.v20180301.Client({
      credential,
      region: "",
      profile: { httpProfile: this.#httpProfile(reqTimeout) },
    });
  }

  /** A client of any API version, to call with a wrong version. */
  clientForVersion(version: string): CommonClient {
    return new CommonClient(`127.0.0.1:${this.port}`, version, {
      credential: DEFAULT_CREDENTIAL,
      region: "",
      profile: { httpProfile: this.#httpProfile() },
    });
  }

  /** Calls GetWxNFCResult through the SDK with the given parameters. */
  getWxNfcResult(
    parameters: unknown,
    credential?: EmulatorCredential,
  ): Promise<WxNfcResult> {
    return this.client(credential).request("GetWxNFCResult", parameters, {});
  }

  async close(): Promise<void> {
    this.#agent.destroy();
    await this.emulator.close();
  }

  #httpProfile(reqTimeout = 5) {
    return {
      endpoint: `127.0.0.1:${this.port}`,
      protocol: "http://",
      reqTimeout,
      agent: this.#agent,
    };
  }
}

/** Awaits a call that must fail and returns what the SDK threw. */
export async function sdkFailure(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    return error as SdkFailure;
  }
  throw new Error("Expected the SDK call to fail, but it succeeded.");
}
