import type { SheetView } from '../../grid/sheet-view';
import type { CellRef, CellValue } from '../../grid/types';
import type { Aggregation, Direction, Effects, Indicator, YearValue } from '../../model/plan';
import { inferDirection } from '../../rules/direction';
import { normalizeWidth, parseRating, parseValue, type ParsedValue, type Rating, type Scale } from '../../values';

/**
 * The parts of an item every layout builds the same way, one rule each: the indicator (unit,
 * qualitative, aggregation, direction), the effect amounts, the rating on the plan's scale.
 */

export interface IndicatorParts {
  name: string;
  /** The 単位 cell as typed; 「-」 there means a qualitative indicator. */
  unitText?: string;
  baseline?: { value: ParsedValue; fy?: number };
  targets: YearValue[];
  finalTarget?: { value: ParsedValue; fy?: number };
  actuals: YearValue[];
  cell?: CellRef;
  /** A direction the layout knows better than the words (settings apply on top at evaluation). */
  direction?: { direction: Direction; source: Indicator['directionSource'] };
}

const DASH = /^[-ー－―—‐]+$/;

const numeric = (v: ParsedValue | undefined) => v?.kind === 'number';

/**
 * Qualitative, the one rule: 「-」 in 単位, or no numeric target (yearly or final) anywhere. Only
 * staff can rate such an item.
 */
export function isQualitative(unitText: string | undefined, targets: YearValue[], finalTarget?: { value: ParsedValue }): boolean {
  if (unitText !== undefined && DASH.test(normalizeWidth(unitText).replace(/\s+/g, ''))) return true;
  return !(targets.some((t) => numeric(t.value)) || numeric(finalTarget?.value));
}

/** The unit: the 単位 cell as typed (「-」 included: it marks a qualitative indicator), else the first unit typed inside a value. */
export function unitOf(unitText: string | undefined, values: (ParsedValue | undefined)[]): string | undefined {
  const u = unitText !== undefined ? normalizeWidth(unitText).replace(/\s+/g, '') : '';
  if (DASH.test(u)) return '-';
  if (u !== '') return u;
  for (const v of values) if (v?.kind === 'number' && v.unit) return v.unit;
  return undefined;
}

/**
 * How an indicator accumulates, the one rule: 累計 in the name or a value is a running total; a
 * per-year value (年間, /年, 年2回) is annual; a rate (%, 〜率) is a level at year end; anything
 * else is counted per year.
 */
export function aggregationOf(name: string, unit: string | undefined, values: (ParsedValue | undefined)[]): Aggregation {
  const n = normalizeWidth(name).replace(/\s+/g, '');
  if (/累計/.test(n) || values.some((v) => v?.kind === 'number' && v.cumulative)) return 'cumulative';
  if (/年間|毎年|\/年/.test(n) || (unit && /\/年$/.test(unit)) || values.some((v) => v?.kind === 'number' && v.perYear)) return 'annual';
  if (unit === '%' || /率(?:\(|$)/.test(n)) return 'level';
  return 'annual';
}

export function buildIndicator(p: IndicatorParts): Indicator {
  const values = [...p.targets.map((t) => t.value), p.finalTarget?.value, p.baseline?.value, ...p.actuals.map((a) => a.value)];
  const unit = unitOf(p.unitText, values);
  const dir =
    p.direction ??
    inferDirection({
      name: p.name,
      ...(unit ? { unit } : {}),
      ...(p.baseline ? { baseline: p.baseline.value } : {}),
      targets: p.targets.map((t) => t.value),
      ...(p.finalTarget ? { finalTarget: p.finalTarget.value } : {}),
    });
  return {
    name: p.name,
    ...(unit ? { unit } : {}),
    direction: dir.direction,
    directionSource: 'source' in dir ? dir.source : 'default',
    aggregation: aggregationOf(p.name, unit, values),
    qualitative: isQualitative(p.unitText, p.targets, p.finalTarget),
    ...(p.baseline && p.baseline.value.kind !== 'blank' ? { baseline: p.baseline } : {}),
    targets: [...p.targets].sort((a, b) => a.fy - b.fy),
    actuals: [...p.actuals].sort((a, b) => a.fy - b.fy),
    ...(p.finalTarget && p.finalTarget.value.kind !== 'blank' ? { finalTarget: p.finalTarget } : {}),
    ...(p.cell ? { cell: p.cell } : {}),
  };
}

/** Writes into a merged cell go to its top-left. */
export function writableRef(view: SheetView, r: number, c: number): CellRef {
  const m = view.merge(r, c);
  return m ? view.ref(m.top, m.left) : view.ref(r, c);
}

/** A cell's value as the value module reads it, pointing at the cell a write would go to. */
export function valueAt(view: SheetView, r: number, c: number): ParsedValue {
  return parseValue(view.value(r, c), writableRef(view, r, c));
}

export interface EffectCell {
  fy: number;
  kind: 'planned' | 'actual';
  value: ParsedValue;
}

/**
 * The effect amounts of an item, in the unit the sheet types them (the summary converts to 千円).
 * A row with nothing typed has no effects, rather than a year of blanks.
 */
export function buildEffects(cells: EffectCell[], unit: string, subtotals: { planned?: ParsedValue; actual?: ParsedValue } = {}): Effects | undefined {
  const byFy = new Map<number, { fy: number; planned?: ParsedValue; actual?: ParsedValue }>();
  for (const c of cells) {
    const e = byFy.get(c.fy) ?? { fy: c.fy };
    e[c.kind] = c.value;
    byFy.set(c.fy, e);
  }
  const typed = cells.some((c) => c.value.kind !== 'blank') || subtotals.planned !== undefined || subtotals.actual !== undefined;
  if (!typed) return undefined;
  return {
    unit,
    byYear: [...byFy.values()].sort((a, b) => a.fy - b.fy),
    ...(subtotals.planned ? { plannedSubtotal: subtotals.planned } : {}),
    ...(subtotals.actual ? { actualSubtotal: subtotals.actual } : {}),
  };
}

export interface RatingRead {
  rating?: Rating;
  /** Text typed that is not on the scale, kept for the validator (VLD003). */
  unread?: string;
}

/** A rating cell on the plan's scale: the rating, or the text that is not one. */
export function ratingOf(raw: CellValue, cell: CellRef, scale: Scale): RatingRead {
  const rating = parseRating(raw, cell, scale);
  if (rating) return { rating };
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  return text === '' ? {} : { unread: text };
}

/** 【再掲】, (再掲), [再掲] in a name: the item is listed again and counted where it was first listed. */
export const REPOST = /[【[(（]\s*(?:[^【[(（】\])）]{1,12}?\s*の?\s*)?再\s*掲(?:\s*[:：]?\s*[^【[(（】\])）]{1,12})?\s*[】\])）]|^\s*[(（]\s*再\s*[)）]/;

/**
 * A 備考 that says the row is a repeat and nothing else (再掲, 【再掲】, 1-2の再掲, 再掲（1-2）): the
 * item is listed again, as if its name said so.
 */
const ITEM_REF = '[0-9０-９①-⑳ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩA-Za-z№\\-－ー‐・.．()（）]{1,12}';
export const REPOST_NOTE = new RegExp(`^\\s*(?:${ITEM_REF}\\s*の\\s*)?[【[(（]?\\s*再\\s*掲\\s*[】\\])）]?\\s*(?:[:：]?\\s*${ITEM_REF})?\\s*$`);
/** 【継続項目】, (継続) in a name. */
export const CONTINUING = /[【[(（]\s*継続(?:項目)?\s*[】\])）]/;
