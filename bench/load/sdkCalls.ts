import { createFaceIdGateway } from "../../src/services/tencent/FaceIdGateway";
import type { SdkCallJob, SdkCallResult } from "./protocol";

const CALL_TIMEOUT_MS = 10_000;

/**
 * Calls GetWxNFCResult directly, one token after another, through the same
 * gateway (SDK client, keep-alive agent, response check) the server uses, so
 * that the difference from a pull through GraphQL is everything else: the
 * extra hop, GraphQL, the resilience layers and normalisation.
 */
export async function runSdkCalls(job: SdkCallJob): Promise<SdkCallResult> {
  const gateway = createFaceIdGateway({
    endpoint: new URL(job.endpoint),
    credentials: job.credentials,
    region: null,
    backstopTimeoutMs: CALL_TIMEOUT_MS,
  });
  try {
    await call(gateway.getWxNfcResult.bind(gateway), job.warmUpToken);

    const latenciesMs: number[] = [];
    let failures = 0;
    for (const token of job.tokens) {
      const startedMs = performance.now();
      const ok = await call(gateway.getWxNfcResult.bind(gateway), token);
      if (ok) {
        latenciesMs.push(performance.now() - startedMs);
      } else {
        failures += 1;
      }
    }
    return { latenciesMs, failures };
  } finally {
    gateway.close();
  }
}

async function call(
  getWxNfcResult: (token: string, signal: AbortSignal) => Promise<unknown>,
  token: string,
): Promise<boolean> {
  try {
    await getWxNfcResult(token, AbortSignal.timeout(CALL_TIMEOUT_MS));
    return true;
  } catch {
    return false;
  }
}
