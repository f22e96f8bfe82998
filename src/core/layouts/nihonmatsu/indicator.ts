import type { CellRef } from '../../grid/types';
import type { Aggregation, Direction, Indicator } from '../../model/plan';
import { inferDirection } from '../../rules/direction';
import { normalizeWidth, parseValue } from '../../values';
import type { NumberValue, ParsedValue } from '../../values/types';
import { valueIn } from '../../values/units';
import type { KpiPair } from './main-actions';

/**
 * The direction of a base⇒target pair. Wording and stated caps come first (`inferDirection`:
 * 超過勤務 → lower). When wording says nothing, the pair itself is the plan's statement: the city
 * wrote the R12 target below the R6 base (629万枚⇒560万枚) because it wants less. That is safer
 * than the yearly-trend rule `inferDirection` is cautious about, since there are no yearly targets
 * to be flat or cross the base, only the one final target the plan chose.
 */
export function pairDirection(pair: Pick<KpiPair, 'name' | 'base' | 'target' | 'unit'>): {
  direction: Direction;
  source: Indicator['directionSource'];
} {
  const inferred = inferDirection({ name: pair.name, unit: pair.unit, baseline: pair.base, finalTarget: pair.target });
  if (inferred.source !== 'default') return { direction: inferred.direction, source: inferred.source };
  const base = valueIn(pair.base, pair.target.unit) ?? pair.base.value;
  if (base === pair.target.value) return { direction: inferred.direction, source: inferred.source };
  return { direction: pair.target.value < base ? 'lower' : 'higher', source: 'inferred' };
}

/**
 * 累計 in the label: a running total. Rates (%, 〜率) are a level at year end. Everything else
 * (寄附額, 年間使用枚数, 職員数) is measured per year.
 */
export function pairAggregation(pair: Pick<KpiPair, 'label' | 'unit' | 'cumulative'>): Aggregation {
  if (pair.cumulative) return 'cumulative';
  if (pair.unit === '%' || /率$/.test(pair.label)) return 'level';
  return 'annual';
}

export function indicatorOf(
  pair: KpiPair,
  years: { baseFy?: number; targetFy: number },
  cell: CellRef | undefined,
): Indicator {
  const { direction, source } = pairDirection(pair);
  return {
    name: pair.name,
    ...(pair.unit ? { unit: pair.unit } : {}),
    direction,
    directionSource: source,
    aggregation: pairAggregation(pair),
    qualitative: false,
    baseline: { value: pair.base, ...(years.baseFy !== undefined ? { fy: years.baseFy } : {}) },
    targets: [],
    actuals: [],
    finalTarget: { value: pair.target, fy: years.targetFy },
    ...(cell ? { cell } : {}),
  };
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
