import { normalizeWidth } from '../values';

/**
 * Whether a unit typed inside a value (`5回`, `30億円以内` → 円) agrees with the 単位 column.
 * Multipliers were already applied to the value, so 億円 and 円 are the same unit; per-year marks
 * (/年, 年間) only say how the value is counted; か所/箇所/ヶ所 are one word spelt three ways.
 */
const MULTIPLIER_PREFIX = /^(兆|億|千万|百万|万|千)(?=.)/;
const PER_YEAR = /(\/年|毎年|年間|\/年度)$/;
const SPELLINGS: [RegExp, string][] = [
  [/^(か|カ|ヵ|ヶ|ケ|箇)所$/, '箇所'],
  [/^(pt|ポイント|ﾎﾟｲﾝﾄ)$/i, 'pt'],
];

export function baseUnit(unit: string): string {
  let u = normalizeWidth(unit).replace(/\s+/g, '').replace(PER_YEAR, '');
  u = u.replace(/^年/, '');
  u = u.replace(MULTIPLIER_PREFIX, '');
  for (const [re, to] of SPELLINGS) if (re.test(u)) return to;
  return u;
}

export function unitsAgree(inValue: string, column: string): boolean {
  const a = baseUnit(inValue);
  const b = baseUnit(column);
  return a === '' || b === '' || a === b;
}

const SCALE: [RegExp, number][] = [
  [/^兆/, 1e12],
  [/^億/, 1e8],
  [/^千万/, 1e7],
  [/^百万/, 1e6],
  [/^万/, 1e4],
  [/^千/, 1e3],
];

function scaleOf(unit: string): number {
  const u = normalizeWidth(unit).replace(/\s+/g, '');
  if (u.length < 2) return 1;
  return SCALE.find(([re]) => re.test(u))?.[1] ?? 1;
}

/**
 * A typed number in the scale of the 単位 column, so `19.1億円` (parsed as 1.91e9 円), `19.1` and
 * `1,910,000千円` all compare as 19.1 under 単位 億円. A value without a unit is taken as typed.
 */
export function inColumnScale(value: number, valueUnit: string | undefined, columnUnit: string | undefined): number {
  if (!valueUnit || !columnUnit || !unitsAgree(valueUnit, columnUnit)) return value;
  const factor = scaleOf(valueUnit) / scaleOf(columnUnit);
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}
