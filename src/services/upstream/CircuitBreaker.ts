import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  isIsolatedCircuitError,
} from "cockatiel";

import { upstreamUnavailable } from "../../errors/catalog";
import { UpstreamError } from "../../errors/UpstreamError";
import { isLocalFailure, isUpstreamFault, LocalOutcome } from "./outcomes";
import { assertAtLeast, withDefaults } from "./settings";

/** When the breaker opens and how long it stays open. */
export interface CircuitBreakerSettings {
  /** Consecutive failed calls, each past its retries, that open it. */
  failureThreshold: number;
  /** How long it fails fast before letting one probe call through. */
  cooldownMs: number;
}

export const DEFAULT_CIRCUIT_BREAKER_SETTINGS: Readonly<CircuitBreakerSettings> =
  { failureThreshold: 5, cooldownMs: 10_000 };

/** The breaker's state, as metrics and logs name it. */
export type BreakerState = "closed" | "open" | "half_open";

export interface CircuitBreakerOptions extends Partial<CircuitBreakerSettings> {
  /** Told every state the breaker enters. */
  onStateChange?: (state: BreakerState) => void;
}

/** Stops calling an upstream that keeps failing, and notices its return. */
export interface CircuitBreaker {
  /**
   * Runs `call` unless the circuit is open, in which case it rejects at
   * once as UPSTREAM_UNAVAILABLE with outcome `circuit_open`.
   */
  execute<T>(call: () => Promise<T>): Promise<T>;
  readonly state: BreakerState;
  /** Stops reporting state changes. */
  dispose(): void;
}

/**
 * The three ways a call can end, as far as the upstream's health goes. The
 * upstream's own refusals (an unknown token, bad credentials) prove it is
 * up, so they count as successes; our own stops (a cancelled caller, a full
 * queue) prove nothing and count as neither.
 */
type Verdict<T> =
  { kind: "value"; value: T } | { kind: "refusal"; refusal: UpstreamError };

/**
 * A circuit breaker (cockatiel's, with a consecutive-failure count) around
 * whole upstream calls.
 *
 * It wraps the retried call, not each attempt. Retries already absorb
 * blips, so what should open the circuit is calls failing after their
 * retries; counting attempts would open it after one or two unlucky calls.
 * And an open circuit then fails fast before any queueing or backoff.
 *
 * Cockatiel times the cool-down with `Date.now()`, which cannot be
 * injected; tests use jest's fake timers, which replace it.
 */
export function createCircuitBreaker(
  options: CircuitBreakerOptions = {},
): CircuitBreaker {
  const settings = withDefaults(DEFAULT_CIRCUIT_BREAKER_SETTINGS, options);
  assertAtLeast("failureThreshold", settings.failureThreshold, 1);
  assertAtLeast("cooldownMs", settings.cooldownMs, 0);
  const policy = circuitBreaker(handleWhen(isUpstreamFault), {
    halfOpenAfter: settings.cooldownMs,
    breaker: new ConsecutiveBreaker(settings.failureThreshold),
  });
  const subscription = policy.onStateChange((state) => {
    options.onStateChange?.(breakerState(state));
  });

  return {
    async execute<T>(call: () => Promise<T>): Promise<T> {
      // While the one probe runs, the rest fail fast instead of queueing
      // behind it (cockatiel would make them wait for its outcome).
      if (policy.state === CircuitState.HalfOpen) {
        throw upstreamUnavailable(LocalOutcome.CIRCUIT_OPEN);
      }

      let verdict: Verdict<T>;
      try {
        verdict = await policy.execute(() => judge(call));
      } catch (error) {
        if (isBrokenCircuitError(error) || isIsolatedCircuitError(error)) {
          throw upstreamUnavailable(LocalOutcome.CIRCUIT_OPEN);
        }
        throw error;
      }
      if (verdict.kind === "refusal") {
        throw verdict.refusal;
      }
      return verdict.value;
    },

    get state() {
      return breakerState(policy.state);
    },

    dispose() {
      subscription.dispose();
    },
  };
}

/**
 * Runs the call and sorts its end: faults and our own stops are thrown
 * (cockatiel counts the first and ignores the second), while an answer
 * from the upstream, even a refusal, is returned as a success.
 */
async function judge<T>(call: () => Promise<T>): Promise<Verdict<T>> {
  try {
    return { kind: "value", value: await call() };
  } catch (error) {
    const upstreamRefused =
      error instanceof UpstreamError &&
      !error.transient &&
      !isLocalFailure(error);
    if (upstreamRefused) {
      return { kind: "refusal", refusal: error };
    }
    throw error;
  }
}

function breakerState(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return "closed";
    case CircuitState.HalfOpen:
      return "half_open";
    case CircuitState.Open:
    case CircuitState.Isolated:
      return "open";
  }
}
