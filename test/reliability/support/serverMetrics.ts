/** The circuit breaker's state as the server's /metrics reports it. */
export async function breakerState(baseUrl: string): Promise<string> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const current = /faceid_upstream_breaker_state\{state="(\w+)"\} 1\b/.exec(
    text,
  );
  return current?.[1] ?? "unknown";
}

/** Callers waiting in the server's upstream rate limiter right now. */
export async function limiterQueueDepth(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const depth = /^faceid_upstream_limiter_queue_depth (\d+)$/m.exec(text);
  return Number(depth?.[1] ?? Number.NaN);
}
