import { ErrorCode } from "../../../src/errors/ErrorCode";

/**
 * Apollo Server's own codes for requests it refuses before execution, as
 * docs/errors.md lists them. Our codes come from ErrorCode, which a unit
 * test keeps in step with the same document.
 */
const APOLLO_REQUEST_CODES = [
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
];

/** Every `extensions.code` a client may be shown. */
export const DOCUMENTED_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode),
  ...APOLLO_REQUEST_CODES,
]);

/**
 * What one request got back. A request is "lost" when it got no answer,
 * an answer that is not JSON, or an error without a documented code: the
 * battery's "nothing lost" means no request ends that way.
 */
export type Answer =
  | { kind: "served"; status: number; data: Record<string, unknown> }
  | { kind: "refused"; status: number; codes: string[]; hasData: boolean }
  | { kind: "lost"; status?: number; reason: string };

interface ResponseBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ extensions?: { code?: unknown } }>;
}

/** Judges an HTTP answer from its status and body text. */
export function judgeAnswer(status: number, text: string): Answer {
  let body: ResponseBody;
  try {
    body = JSON.parse(text) as ResponseBody;
  } catch {
    return { kind: "lost", status, reason: "the body is not JSON" };
  }
  if (typeof body !== "object" || body === null) {
    return { kind: "lost", status, reason: "the body is not an object" };
  }

  const errors = Array.isArray(body.errors) ? body.errors : [];
  if (errors.length === 0) {
    return body.data
      ? { kind: "served", status, data: body.data }
      : { kind: "lost", status, reason: "neither data nor errors" };
  }
  const codes = errors.map((error) => String(error.extensions?.code));
  const undocumented = codes.filter((code) => !DOCUMENTED_CODES.has(code));
  if (undocumented.length > 0) {
    return { kind: "lost", status, reason: `codes ${undocumented.join()}` };
  }
  return { kind: "refused", status, codes, hasData: "data" in body };
}

/** Sends one request and reads its answer; a network failure is "lost". */
export async function request(url: string, init: RequestInit): Promise<Answer> {
  try {
    const response = await fetch(url, init);
    return judgeAnswer(response.status, await response.text());
  } catch (error) {
    return { kind: "lost", reason: `no answer: ${whyNoAnswer(error)}` };
  }
}

/** The one label an answer counts under: `served`, its code, or `lost`. */
export function outcomeOf(answer: Answer): string {
  switch (answer.kind) {
    case "served":
      return "served";
    case "refused":
      return answer.codes[0];
    case "lost":
      return "lost";
  }
}

/** How many answers fell under each label, for readable failures. */
export function tally(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const label = outcomeOf(answer);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** The answers that break "nothing lost", with their reasons. */
export function lostAnswers(answers: readonly Answer[]): Answer[] {
  return answers.filter((answer) => answer.kind === "lost");
}

/** A timeout's name, or the socket error fetch wraps as its cause. */
function whyNoAnswer(error: unknown): string {
  const { name, cause } = error as { name?: string; cause?: { code?: string } };
  return cause?.code ?? name ?? "unknown";
}

/** The tally of every outcome not in `allowed`; empty when all fit. */
export function outcomesOutside(
  answers: readonly Answer[],
  allowed: readonly string[],
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(tally(answers)).filter(
      ([label]) => !allowed.includes(label),
    ),
  );
}
