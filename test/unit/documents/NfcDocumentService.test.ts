import pino from "pino";

import {
  nfcTokenNotFound,
  upstreamUnavailable,
} from "../../../src/errors/catalog";
import { ErrorCode } from "../../../src/errors/ErrorCode";
import { DocumentCache } from "../../../src/services/documents/DocumentCache";
import { NfcDocumentService } from "../../../src/services/documents/NfcDocumentService";
import type { WxNfcResult } from "../../../src/services/tencent/WxNfcResult";

const silent = pino({ level: "silent" });

function serviceWith(fetchResult: (token: string) => Promise<WxNfcResult>) {
  const fetch = jest.fn(fetchResult);
  let joins = 0;
  const service = new NfcDocumentService({
    fetchResult: fetch,
    cache: new DocumentCache({ maxBytes: 1e6, ttlMs: 600_000 }),
    logger: silent,
    onSingleFlightJoin: () => joins++,
  });
  return { service, fetch, joins: () => joins };
}

const readResult = (token: string): Promise<WxNfcResult> =>
  Promise.resolve({ RequestId: `req-${token}`, ResultCode: "0", IdType: "01" });

describe("NfcDocumentService", () => {
  it("normalises the upstream's answer", async () => {
    const { service } = serviceWith(readResult);
    await expect(service.load("t1")).resolves.toMatchObject({
      nfcToken: "t1",
      requestId: "req-t1",
      idType: "ID_CARD",
    });
  });

  it("reaches the upstream once for concurrent and later pulls", async () => {
    const { service, fetch, joins } = serviceWith(readResult);
    await Promise.all(Array.from({ length: 40 }, () => service.load("t1")));
    await service.load("t1");
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(joins()).toBe(39);
  });

  it("caches a failed read, which is definitive", async () => {
    const { service, fetch } = serviceWith(() =>
      Promise.resolve({ RequestId: "r", ResultCode: "-1" }),
    );
    await service.load("t1");
    await expect(service.load("t1")).resolves.toMatchObject({
      resultCode: "READ_FAILED",
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("caches a token the upstream does not know", async () => {
    const { service, fetch } = serviceWith(() =>
      Promise.reject(
        nfcTokenNotFound({
          upstreamCode: "FailedOperation.InvalidTokenParameter",
          upstreamRequestId: "req-x",
        }),
      ),
    );
    for (let pull = 0; pull < 2; pull++) {
      await expect(service.load("t1")).rejects.toMatchObject({
        code: ErrorCode.NFC_TOKEN_NOT_FOUND,
        extensions: expect.objectContaining({ upstreamRequestId: "req-x" }),
      });
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("never caches a transient failure", async () => {
    let calls = 0;
    const { service, fetch } = serviceWith((token) =>
      calls++ === 0
        ? Promise.reject(upstreamUnavailable("network"))
        : readResult(token),
    );
    await expect(service.load("t1")).rejects.toMatchObject({
      code: ErrorCode.UPSTREAM_UNAVAILABLE,
    });
    await expect(service.load("t1")).resolves.toMatchObject({ nfcToken: "t1" });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
