import { oncePerText } from '../once-per';
import { normalizeWidth } from './normalize';

/**
 * Units as cities write them. A value keeps the unit it was typed in (`30億円` is 30 億円, see
 * docs/values.md), so comparing a value with a 単位 column or with another value goes through here.
 */

/** Kanji scale prefixes, longest first so 千万 wins over 千. */
const SCALES: [string, number][] = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['兆', 1e12],
  ['億', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/** Spellings of one unit that must compare equal. */
const SYNONYMS: Record<string, string> = {
  '㎡': 'm²',
  m2: 'm²',
  '平方メートル': 'm²',
  '㎥': 'm³',
  m3: 'm³',
  '㎞': 'km',
  '㎏': 'kg',
  '㎝': 'cm',
  '㎜': 'mm',
  '㏊': 'ha',
  'ヶ所': 'か所',
  'ケ所': 'か所',
  'カ所': 'か所',
  '箇所': 'か所',
  'ヵ所': 'か所',
  'トン': 't',
  'パーセント': '%',
  'ポイント': 'pt',
  'ﾎﾟｲﾝﾄ': 'pt',
};

/**
 * The form used to compare units: width folded, spaces dropped, synonyms merged
 * (`㎡` = `m ²` = `m2`, `箇所` = `か所`, `トン` = `t`). Not for display: show what was typed.
 */
const SYNONYM_LIST = Object.entries(SYNONYMS);
export const unitKey: (unit: string) => string = oncePerText((unit) => {
  let u = normalizeWidth(unit).replace(/\s+/g, '');
  for (const [from, to] of SYNONYM_LIST) {
    if (u.includes(from)) u = u.split(from).join(to);
  }
  return u;
}, 2000);

export interface ScaledUnit {
  /** 1e8 for 億円, 1e3 for 千円, 1 for 円. */
  scale: number;
  /** The unit without its scale prefix, in comparison form: 円, 枚, 人, 円/年. */
  base: string;
}

/** `億円` → 1e8 × 円; `千円/年` → 1e3 × 円/年; `件` → 1 × 件. */
export function splitScale(unit: string): ScaledUnit {
  const u = unitKey(unit);
  for (const [prefix, scale] of SCALES) {
    // A prefix alone (`万`) is a scale of nothing; a prefix before a bracket or digit is not a unit.
    if (u.startsWith(prefix) && u.length > prefix.length) return { scale, base: u.slice(prefix.length) };
  }
  return { scale: 1, base: u };
}

/** Same quantity, possibly at another scale: 億円 ~ 千円 ~ 円, 万枚 ~ 枚, but not 円 ~ 件. */
export function unitsComparable(a: string, b: string): boolean {
  return splitScale(a).base === splitScale(b).base;
}

/** Drops float noise from scaling (1.1 × 1000 = 1100.0000000000002) without losing real digits. */
function clean(n: number): number {
  return Number(n.toPrecision(15));
}

/**
 * `value` in `from` expressed in `to`: convertUnit(12.6, '億円', '千円') = 1,260,000;
 * convertUnit(41096, '千円', '億円') = 0.41096. Undefined when the bases differ (円 vs 件).
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  const f = splitScale(from);
  const t = splitScale(to);
  if (f.base !== t.base) return undefined;
  if (f.scale === t.scale) return value;
  return f.scale > t.scale ? clean(value * (f.scale / t.scale)) : clean(value / (t.scale / f.scale));
}

/**
 * A parsed value in the unit of a 単位 column or another value. A value typed without a unit is
 * taken to be in that unit already (the common case: `12.6` under 単位 `億円`).
 */
export function valueIn(v: { value: number; unit?: string }, unit: string | undefined): number | undefined {
  if (!v.unit || !unit) return v.value;
  return convertUnit(v.value, v.unit, unit);
}

export interface UnitCell {
  /** The unit as written, width folded, without a trailing `/年`. */
  unit: string;
  /** `件/年`, `千円/年`: an annual rate. */
  perYear: boolean;
  scale: number;
  base: string;
}

/**
 * A 単位 column cell. `-` (and blank) means a qualitative indicator and gives undefined, as does
 * anything too long to be a unit.
 */
export function parseUnit(text: string | null | undefined): UnitCell | undefined {
  if (text === null || text === undefined) return undefined;
  const s = normalizeWidth(String(text)).replace(/\s+/g, '');
  if (s === '' || /^[-ー—―]+$/.test(s) || s.length > 16) return undefined;
  const m = /^(.*?)\/年$/.exec(s);
  const unit = m ? m[1] : s;
  if (unit === '') return undefined;
  return { unit, perYear: !!m, ...splitScale(unit) };
}
