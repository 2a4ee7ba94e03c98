import { seededRandom } from "./seededRandom";

/** The ways the emulator can misbehave on purpose. */
export const FAULT_KINDS = [
  "latency",
  "internalError",
  "http5xx",
  "connectionReset",
  "truncatedJson",
  "nonJson",
  "rateLimited",
] as const;

/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A rule saying which requests should fail, and how. Without `times` or
 * `probability` it applies to every matching request until faults are
 * cleared; with both, each matching request is drawn for and `times` counts
 * only the draws that hit.
 */
export interface FaultRule {
  readonly kind: FaultKind;
  /** Apply to this many matching requests, then retire. */
  readonly times?: number;
  /** Chance, from 0 to 1, of applying to each matching request. */
  readonly probability?: number;
  /** Match only requests that name this NFCToken. */
  readonly token?: string;
  /** Wait this long before answering: the point of `latency`, optional for
   * the other kinds, which then fail only after the wait. */
  readonly latencyMs?: number;
  /** For `http5xx`: the status to answer with, 500 to 599; 502 if unset. */
  readonly httpStatus?: number;
  /** For `internalError`: the code to report; `InternalError` if unset. */
  readonly errorCode?: "InternalError" | "InternalError.UnKnown";
}

/** What the fault plan decided for one request. */
export interface FaultDecision {
  /** How long to wait before answering, summed over the rules that hit. */
  readonly delayMs: number;
  /** The rule whose failure replaces the answer, if any. */
  readonly failure?: FaultRule;
}

/** The n-th call (from 1) of the k-th token seen (from 0). */
interface TokenCall {
  tokenIndex: number;
  call: number;
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number | undefined;
}

/**
 * The injected faults, applied in the order they were added. Every
 * matching `latency` rule adds its delay; the first other rule that hits
 * decides the failure, and later ones are not consulted (nor used up).
 *
 * A probabilistic rule draws for the n-th call of the k-th token seen from
 * the seed, the rule, k and n, not from one sequence in arrival order: a
 * token's retries then draw afresh, as against a real upstream, and the
 * order in which concurrent calls arrive cannot line several of one
 * token's calls up on a run of hits. How many tokens meet each fate is the
 * same in every run, even for freshly minted tokens. Calls without a token
 * draw from the sequence.
 */
export class FaultPlan {
  #rules: ActiveRule[] = [];
  #random: () => number;
  #tokens = new Map<string, { index: number; calls: number }>();
  readonly #seed: number;

  constructor(seed: number) {
    this.#seed = seed;
    this.#random = seededRandom(seed);
  }

  /** Adds a rule after the existing ones. */
  add(rule: FaultRule): void {
    this.#rules.push({ rule, remaining: rule.times });
  }

  /** Removes every rule and restarts the random draws from the seed. */
  clear(): void {
    this.#rules = [];
    this.#random = seededRandom(this.#seed);
    this.#tokens.clear();
  }

  /** Decides the faults for a request naming `token` (if it names one). */
  decide(token: string | undefined): FaultDecision {
    let delayMs = 0;
    let failure: FaultRule | undefined;
    const call = token === undefined ? null : this.#countCall(token);
    for (const [index, active] of this.#rules.entries()) {
      const isLatency = active.rule.kind === "latency";
      if (!isLatency && failure !== undefined) {
        continue;
      }
      const draw = () => this.#draw(index, call);
      if (!this.#hits(active, token, draw)) {
        continue;
      }
      delayMs += active.rule.latencyMs ?? 0;
      if (!isLatency) {
        failure = active.rule;
      }
    }

    // Rules that have used up their `times` retire here, after the loop.
    this.#rules = this.#rules.filter((active) => active.remaining !== 0);
    return { delayMs, failure };
  }

  #hits(
    active: ActiveRule,
    token: string | undefined,
    draw: () => number,
  ): boolean {
    const { rule } = active;
    if (rule.token !== undefined && rule.token !== token) {
      return false;
    }
    if (rule.probability !== undefined && draw() >= rule.probability) {
      return false;
    }
    if (active.remaining !== undefined) {
      active.remaining -= 1;
    }
    return true;
  }

  /** Which token in order of first call, and which of its calls, this is. */
  #countCall(token: string): TokenCall {
    let seen = this.#tokens.get(token);
    if (seen === undefined) {
      seen = { index: this.#tokens.size, calls: 0 };
      this.#tokens.set(token, seen);
    }
    seen.calls += 1;
    return { tokenIndex: seen.index, call: seen.calls };
  }

  /** A number in [0, 1) for one rule and one call of a token. */
  #draw(rule: number, call: TokenCall | null): number {
    if (call === null) {
      return this.#random();
    }
    const key = `${this.#seed}:${rule}:${call.tokenIndex}:${call.call}`;
    return seededRandom(hash32(key))();
  }
}

/** FNV-1a: a 32-bit hash of a string, to seed one draw. Not for secrets. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
