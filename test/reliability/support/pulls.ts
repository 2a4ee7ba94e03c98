import type { FaceIdEmulator } from "../../../src/emulator";
import { type Answer, request } from "./answers";
import { sendRawAnswer } from "./rawHttp";

/** One document pull, with fields that exercise the whole normaliser. */
export const PULL_QUERY = `query Pull($token: String!) {
  nfcDocument(nfcToken: $token) {
    nfcToken idType name idNum birthDate endTime expired
    picture { mimeType byteLength }
    checkMRTD { resultChip genuine }
  }
}`;

export interface PullOptions {
  /** Gives up on the answer after this long, which counts as lost. */
  timeoutMs?: number;
  /**
   * Opens a connection for this pull alone and closes it after the answer,
   * as clients without keep-alive do. By default the pull goes through
   * fetch's pool of kept-alive connections, as most clients' do.
   */
  ownConnection?: boolean;
}

/** Pulls one token's document through the GraphQL API. */
export function pull(
  baseUrl: string,
  token: string,
  options: PullOptions = {},
): Promise<Answer> {
  const url = `${baseUrl}/graphql`;
  const headers = { "content-type": "application/json" };
  const body = JSON.stringify({ query: PULL_QUERY, variables: { token } });
  if (options.ownConnection === true) {
    return sendRawAnswer(url, { headers, body });
  }
  return request(url, {
    method: "POST",
    headers,
    body,
    signal:
      options.timeoutMs === undefined
        ? undefined
        : AbortSignal.timeout(options.timeoutMs),
  });
}

/**
 * Runs `task` over `items` with at most `limit` under way at once, the way
 * a well-behaved client pool would, and keeps the results in item order.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}

/**
 * Fresh tokens, one per pull: a token already pulled is served from the
 * cache and would not reach the upstream or its faults at all.
 */
export function mintTokens(
  emulator: FaceIdEmulator,
  count: number,
  fixture = "id-card",
): string[] {
  return Array.from(
    { length: count },
    () => emulator.mintToken({ fixture }).token,
  );
}

/** The served share of `answers`, from 0 to 1. */
export function servedRatio(answers: readonly Answer[]): number {
  const served = answers.filter((answer) => answer.kind === "served");
  return served.length / answers.length;
}
