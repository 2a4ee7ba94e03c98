import http from "node:http";

import {
  loadHeaders,
  type RequestBatchJob,
  type RequestBatchResult,
  type TimedRequest,
} from "./protocol";

/** Any GraphQL server answers this without touching its data source. */
const WARM_UP_BODY = JSON.stringify({ query: "{ __typename }" });

const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS = loadHeaders();

/**
 * Sends each body once, `concurrency` at a time. The connections are opened
 * (and kept alive) before the clock starts, so that a burst of N requests
 * leaves within a millisecond instead of behind N TCP handshakes.
 */
export async function runRequestBatch(
  job: RequestBatchJob,
): Promise<RequestBatchResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: job.concurrency,
  });
  try {
    await Promise.all(
      Array.from({ length: job.concurrency }, () =>
        post(agent, job.url, WARM_UP_BODY),
      ),
    );

    const requests: TimedRequest[] = new Array(job.bodies.length);
    let firstFailure: string | null = null;
    let next = 0;
    const client = async () => {
      while (next < job.bodies.length) {
        const index = next++;
        const startedMs = performance.now();
        const reply = await post(agent, job.url, job.bodies[index]).catch(
          (error: unknown) => ({ status: 0, text: String(error) }),
        );
        const ok = isGraphQLSuccess(reply);
        if (!ok && firstFailure === null) {
          firstFailure = `${reply.status} ${reply.text.slice(0, 300)}`;
        }
        requests[index] = { startedMs, finishedMs: performance.now(), ok };
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, client));
    return { requests, firstFailure };
  } finally {
    agent.destroy();
  }
}

interface Reply {
  status: number;
  text: string;
}

function post(agent: http.Agent, url: string, body: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          ...HEADERS,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end(body);
  });
}

function isGraphQLSuccess(reply: Reply): boolean {
  if (reply.status !== 200) {
    return false;
  }
  try {
    const body = JSON.parse(reply.text) as { data?: unknown; errors?: unknown };
    return body.errors === undefined && body.data != null;
  } catch {
    return false;
  }
}
