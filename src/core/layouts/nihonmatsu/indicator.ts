import type { CellRef } from '../../grid/types';
import type { Aggregation, Direction, Indicator } from '../../model/plan';
import { inferDirection } from '../../rules/direction';
import { normalizeWidth, parseValue } from '../../values';
import type { NumberValue, ParsedValue } from '../../values/types';
import { aggregationOf, buildIndicator } from '../kit/item';
import type { KpiPair } from './main-actions';

/**
 * A base⇒target pair written in 主な取組 as an indicator, by the kit's one set of rules: the plan
 * states the direction by the pair (629万枚⇒560万枚 wants less) unless the words say it first.
 */
export function pairDirection(pair: Pick<KpiPair, 'name' | 'base' | 'target' | 'unit'>): {
  direction: Direction;
  source: Indicator['directionSource'];
} {
  const d = inferDirection({ name: pair.name, ...(pair.unit ? { unit: pair.unit } : {}), baseline: pair.base, finalTarget: pair.target });
  return { direction: d.direction, source: d.source };
}

export function pairAggregation(pair: Pick<KpiPair, 'label' | 'unit' | 'cumulative' | 'base' | 'target'>): Aggregation {
  return aggregationOf(pair.label, pair.unit, [pair.base, pair.target, ...(pair.cumulative ? [{ ...pair.target, cumulative: true }] : [])]);
}

export function indicatorOf(pair: KpiPair, years: { baseFy?: number; targetFy: number }, cell: CellRef | undefined): Indicator {
  return buildIndicator({
    name: pair.name,
    ...(pair.unit ? { unitText: pair.unit } : {}),
    baseline: { value: pair.base, ...(years.baseFy !== undefined ? { fy: years.baseFy } : {}) },
    targets: [],
    finalTarget: { value: pair.target, fy: years.targetFy },
    actuals: [],
    ...(cell ? { cell } : {}),
    direction: pairDirection(pair),
  });
}

const NUMBER_TOKEN = /^[-▲△]?\d[\d,]*(?:\.\d+)?(?:[兆億万千百]\d*(?:\.\d+)?)*[^\s\d]{0,6}$/u;

/**
 * The values typed in a 実績 cell, one per indicator in the order of the KPIs
 * (`給与報告書 62% 償却資産 31% …`, or `62%` alone). Words between the numbers are labels.
 * Returns undefined when the count does not match, so the caller can say so instead of guessing.
 */
export function actualValues(raw: string | number | boolean | null, count: number, cell: CellRef): ParsedValue[] | undefined {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return [];
  if (typeof raw !== 'string') return count === 1 ? [parseValue(raw, cell)] : undefined;
  const tokens = normalizeWidth(raw)
    .split(/[\s、/;；]+/u)
    .map((t) => t.replace(/^・/, '').trim())
    .filter(Boolean);
  const numeric = tokens.filter((t) => NUMBER_TOKEN.test(t)).map((t) => parseValue(t, cell));
  const numbers = numeric.filter((v): v is NumberValue => v.kind === 'number');
  if (numbers.length === count) return numbers;
  if (count === 1 && numbers.length === 0) return [parseValue(raw, cell)];
  return undefined;
}
