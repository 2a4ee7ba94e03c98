import { CLIENT_HEADERS } from "./variantCatalog";

/*
 * The harness's own requests: set-up pulls, answer checks, /metrics. Never
 * load; that comes from the load process. Each carries the API key.
 */

export interface TextReply {
  status: number;
  text: string;
}

const TIMEOUT_MS = 30_000;

/** POSTs a JSON body and reads the answer as text. */
export async function postJson(url: string, body: string): Promise<TextReply> {
  const response = await fetch(url, {
    method: "POST",
    headers: { ...CLIENT_HEADERS, "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  return { status: response.status, text: await response.text() };
}

/** The unlabelled samples of a Prometheus scrape, by metric name. */
export async function scrapeMetrics(
  baseUrl: string,
): Promise<Map<string, number>> {
  const response = await fetch(`${baseUrl}/metrics`, {
    headers: CLIENT_HEADERS,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*) (\S+)$/.exec(line);
    if (match !== null) {
      samples.set(match[1], Number(match[2]));
    }
  }
  return samples;
}
