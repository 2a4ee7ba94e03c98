/** A request target split at its first `?`, as the canonical request needs. */
export interface RequestTarget {
  readonly path: string;
  readonly query: string;
}

/** Splits `/path?query` without decoding either part. */
export function splitRequestTarget(url: string | undefined): RequestTarget {
  const target = url ?? "/";
  const mark = target.indexOf("?");
  return mark === -1
    ? { path: target, query: "" }
    : { path: target.slice(0, mark), query: target.slice(mark + 1) };
}
