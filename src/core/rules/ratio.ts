import type { Direction } from '../model/plan';
import type { RatioRule } from './config';

/**
 * Achievement ratio (達成率) in percent, rounded to 0.1, or null when it cannot be computed.
 *
 * actual-over-target: actual / target for higher/match; target / actual for lower and caps, so that
 * 100 always means "on target" and more is better. Negative or zero denominators give null: a ratio
 * across a sign change (▲ values) reads as nonsense rather than as progress.
 *
 * progress-from-baseline: (actual − baseline) / (target − baseline). The sign of the gap carries the
 * direction, so it needs no direction; null without a baseline or when target equals baseline.
 */
export interface RatioInput {
  actual?: number;
  target?: number;
  baseline?: number;
}

export function roundPercent(fraction: number): number {
  // Through toFixed on the scaled value so 0.8005 → 80.1 the way a person rounds, not 80.0.
  return Number((Math.round(Number((fraction * 1000).toFixed(6))) / 10).toFixed(1));
}

export function achievementRatio(rule: RatioRule, direction: Direction, v: RatioInput): number | null {
  const { actual, target, baseline } = v;
  if (actual === undefined || target === undefined) return null;
  if (!Number.isFinite(actual) || !Number.isFinite(target)) return null;
  if (rule === 'progress-from-baseline') {
    if (baseline === undefined || !Number.isFinite(baseline) || target === baseline) return null;
    return roundPercent((actual - baseline) / (target - baseline));
  }
  const lowerIsBetter = direction === 'lower' || direction === 'cap-le' || direction === 'cap-lt';
  const [num, den] = lowerIsBetter ? [target, actual] : [actual, target];
  if (den <= 0 || num < 0) return null;
  return roundPercent(num / den);
}
