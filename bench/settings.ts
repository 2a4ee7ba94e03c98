/** How big and how long each scenario runs. */
export interface BenchSettings {
  mode: "full" | "quick";
  /** A/B rounds: every compared server runs once per round. */
  rounds: number;
  /** Length of one server's turn in a round. */
  roundSeconds: number;
  /** An unrecorded turn per server before the first round, for the JIT. */
  warmUpSeconds: number;
  /** Concurrent keep-alive connections of the closed-loop load. */
  connections: number;
  stampede: { clients: number; rounds: number };
  /** Distinct fresh tokens at the upstream budget. */
  budget: { tokens: number; clients: number };
  /** Sequential pulls per path (GraphQL, direct SDK) and per round. */
  miss: { pullsPerRound: number; rounds: number; latencyMs: number };
  memory: {
    documents: number;
    cacheMaxBytes: number;
    answerCacheMaxBytes: number;
    clients: number;
  };
  /** How long ours is profiled under the cache-hit load. */
  profileSeconds: number;
}

const MIB = 2 ** 20;

/** The full suite: a few minutes in all. */
export const FULL_SETTINGS: BenchSettings = {
  mode: "full",
  // Many short rounds rather than a few long ones: a burst of load from
  // another process then spoils one round's pair, not the median.
  rounds: 8,
  roundSeconds: 1,
  warmUpSeconds: 1,
  connections: 20,
  stampede: { clients: 50, rounds: 3 },
  budget: { tokens: 200, clients: 50 },
  miss: { pullsPerRound: 15, rounds: 4, latencyMs: 50 },
  memory: {
    documents: 400,
    cacheMaxBytes: 32 * MIB,
    answerCacheMaxBytes: 16 * MIB,
    clients: 8,
  },
  profileSeconds: 5,
};

/** Every scenario once at a tiny size: proves the harness, measures nothing. */
export const QUICK_SETTINGS: BenchSettings = {
  mode: "quick",
  rounds: 1,
  roundSeconds: 0.25,
  warmUpSeconds: 0.1,
  connections: 4,
  stampede: { clients: 5, rounds: 1 },
  // Just past one budget, so that the limiter has to hold some back.
  budget: { tokens: 22, clients: 5 },
  miss: { pullsPerRound: 2, rounds: 1, latencyMs: 20 },
  memory: {
    documents: 8,
    cacheMaxBytes: 1 * MIB,
    answerCacheMaxBytes: 1 * MIB,
    clients: 4,
  },
  profileSeconds: 0.25,
};
