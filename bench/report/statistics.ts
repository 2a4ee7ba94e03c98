import type { LatencySummary } from "../load/protocol";

/**
 * The value below which a share `q` (0 to 1) of `values` falls, by the
 * nearest-rank method: always one of the values, never an interpolation.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** p50, p99, mean and max of latencies in milliseconds. */
export function summarizeLatencies(
  latenciesMs: readonly number[],
): LatencySummary {
  return {
    p50: quantile(latenciesMs, 0.5),
    p99: quantile(latenciesMs, 0.99),
    mean: mean(latenciesMs),
    max: latenciesMs.reduce((most, value) => Math.max(most, value), -Infinity),
  };
}

/** A ratio across rounds: the median and the range it moved in. */
export interface RatioSpread {
  median: number;
  min: number;
  max: number;
}

export function spreadOf(ratios: readonly number[]): RatioSpread {
  return {
    median: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
  };
}
