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

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number | undefined;
}

/**
 * The injected faults, applied in the order they were added. Every
 * matching `latency` rule adds its delay; the first other rule that hits
 * decides the failure, and later ones are not consulted (nor used up).
 */
export class FaultPlan {
  #rules: ActiveRule[] = [];
  #random: () => number;
  readonly #seed: number;

  constructor(seed: number) {
    this.#seed = seed;
    this.#random = seededRandom(seed);
  }

  /** Adds a rule after the existing ones. */
  add(rule: FaultRule): void {
    this.#rules.push({ rule, remaining: rule.times });
  }

  /** Removes every rule and restarts the random sequence from the seed. */
  clear(): void {
    this.#rules = [];
    this.#random = seededRandom(this.#seed);
  }

  /** Decides the faults for a request naming `token` (if it names one). */
  decide(token: string | undefined): FaultDecision {
    let delayMs = 0;
    let failure: FaultRule | undefined;
    for (const active of this.#rules) {
      const isLatency = active.rule.kind === "latency";
      if (!isLatency && failure !== undefined) {
        continue;
      }
      if (!this.#hits(active, token)) {
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

  #hits(active: ActiveRule, token: string | undefined): boolean {
    const { rule } = active;
    if (rule.token !== undefined && rule.token !== token) {
      return false;
    }
    if (rule.probability !== undefined && this.#random() >= rule.probability) {
      return false;
    }
    if (active.remaining !== undefined) {
      active.remaining -= 1;
    }
    return true;
  }
}
