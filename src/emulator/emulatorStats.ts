/** Counters describing the traffic the emulator has seen. */
export interface EmulatorStats {
  /** Every request to the action endpoint, whatever became of it. */
  readonly actionRequests: number;
  /** Requests answered with the action's output fields, intact. */
  readonly successfulResponses: number;
  /** Requests the rate limiter turned away (injected faults excluded). */
  readonly rateLimitRejections: number;
  /** The most requests the rate limiter admitted in any one second. */
  readonly busiestSecond: number;
  /** Requests on which an injected fault replaced the answer. */
  readonly injectedFailures: number;
  /** Requests per NFCToken named in the body, whatever their outcome. */
  readonly callsByToken: Readonly<Record<string, number>>;
}

/** The mutable counters behind {@link EmulatorStats}, minus the limiter's. */
export class StatsRecorder {
  actionRequests = 0;
  successfulResponses = 0;
  rateLimitRejections = 0;
  injectedFailures = 0;
  readonly #callsByToken = new Map<string, number>();

  /** Counts a request naming `token`. */
  recordCall(token: string): void {
    this.#callsByToken.set(token, this.callsFor(token) + 1);
  }

  /** How many requests have named `token`. */
  callsFor(token: string): number {
    return this.#callsByToken.get(token) ?? 0;
  }

  /** A copy of the counters, with the limiter's busiest second added. */
  snapshot(busiestSecond: number): EmulatorStats {
    return {
      actionRequests: this.actionRequests,
      successfulResponses: this.successfulResponses,
      rateLimitRejections: this.rateLimitRejections,
      busiestSecond,
      injectedFailures: this.injectedFailures,
      callsByToken: Object.fromEntries(this.#callsByToken),
    };
  }

  /** Sets every counter back to zero. */
  reset(): void {
    this.actionRequests = 0;
    this.successfulResponses = 0;
    this.rateLimitRejections = 0;
    this.injectedFailures = 0;
    this.#callsByToken.clear();
  }
}
