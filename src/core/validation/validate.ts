import { FIELD_LABEL } from '../model/fields';
import { yearKey, type CellKey } from '../model/keys';
import type { Indicator, Item, Plan } from '../model/plan';
import type { RuleConfig } from '../rules/config';
import { actualFor, primaryIndicator, reportYear, targetFor } from '../rules/evaluate';
import type { Evaluation } from '../rules/evaluation';
import { unitsAgree } from '../rules/units';
import { DEFAULT_SCALE } from '../values/scales';
import type { ParsedValue } from '../values/types';
import { checkCells } from './cells';
import { finding, type Finding } from './finding';
import { checkSchedule } from './schedule';
import { itemLabel, shown, where } from './shared';

export { itemLabel, shown };

/**
 * What a 企画課 reviewer checks before accepting a department's sheet, all at once: every cell
 * against its schema (cells.ts), then what spans cells and items (a missing actual, a rating that
 * differs from the numbers, subtotals, duplicate numbers). Codes come from the catalogue
 * (catalogue.ts, docs/findings.md). Readers keep a rating they cannot read as typed in
 * `item.notes.rating`, so it is checked like any other.
 */
export function validatePlan(plan: Plan, evaluations: Evaluation[], _rules?: RuleConfig): Finding[] {
  const byId = new Map(evaluations.map((e) => [e.itemId, e]));
  const out: Finding[] = [];
  const seen = new Map<string, Item>();
  const scale = plan.scale ?? DEFAULT_SCALE;
  const symbols = scale.symbols.map((x) => x.symbol);
  for (const item of plan.items) {
    if (item.flags.includes('template')) continue;
    const repost = item.flags.includes('repost');
    if (!repost) {
      const first = seen.get(item.id);
      if (first) out.push(duplicate(item, first));
      else seen.set(item.id, item);
    }
    const fy = reportYear(item, plan);
    const ev = byId.get(item.id);
    out.push(...checkCells(item, fy, scale, plan.cellRules?.[item.source.layout]));
    out.push(...checkIndicators(item, fy));
    out.push(...checkRating(item, ev, repost, symbols));
    out.push(...checkEffects(item, fy));
    if (!repost) out.push(...checkSchedule(item, fy, plan.period));
  }
  out.push(...planWithoutRatings(plan));
  return out;
}

/** Said once per sheet: items that have nowhere to put a rating (a plan table before progress columns exist). */
function planWithoutRatings(plan: Plan): Finding[] {
  const bySheet = new Map<string, Item[]>();
  for (const item of plan.items) {
    if (item.flags.includes('template') || item.flags.includes('repost')) continue;
    if (item.rating || item.ratingCell || item.cells.rating) continue;
    bySheet.set(item.source.sheet, [...(bySheet.get(item.source.sheet) ?? []), item]);
  }
  return [...bySheet.entries()].map(([sheet, items]) => finding('VLD016', where(items[0], undefined, 'name'), { sheet, n: items.length }));
}

function duplicate(item: Item, first: Item): Finding {
  const firstRef = where(first, undefined, 'id', 'name');
  return finding('VLD008', where(item, undefined, 'id', 'name'), { id: item.id, first: `${firstRef.sheet}!${firstRef.address}` }, item.id);
}

function checkIndicators(item: Item, fy: number | undefined): Finding[] {
  const out: Finding[] = [];
  const label = itemLabel(item);
  item.indicators.forEach((ind, i) => {
    if (ind.qualitative) return;
    const primary = i === primaryIndicator(item);
    const tgt = targetFor(ind, fy);
    const act = actualFor(ind, fy);
    if (primary && fy !== undefined && tgt?.kind === 'number' && (act === undefined || act.kind === 'blank')) {
      out.push(finding('VLD006', where(item, act, `actual:${fy}`, 'actual'), { item: label, fy, target: shown(tgt) }, item.id));
    }
    // Plans that set only a final target (二本松市: R6 ⇒ R12) have no yearly target to miss.
    const finalOnly = fy !== undefined && ind.finalTarget?.fy !== undefined && ind.finalTarget.fy > fy;
    if (primary && fy !== undefined && act?.kind === 'number' && (tgt === undefined || tgt.kind === 'blank') && !finalOnly) {
      out.push(finding('VLD014', where(item, tgt, `target:${fy}`, 'target'), { item: label, fy, raw: shown(act) }, item.id));
    }
    if (fy !== undefined && act?.kind === 'number' && act.year !== undefined && act.year !== fy) {
      out.push(finding('VLD015', where(item, act, `actual:${fy}`, 'actual'), { item: label, fy, raw: shown(act), noted: act.year }, item.id));
    }
    out.push(...unitClashes(item, ind));
  });
  return out;
}

function unitClashes(item: Item, ind: Indicator): Finding[] {
  const column = ind.unit;
  if (!column || column === '-') return [];
  const yearField = (field: 'target' | 'actual', fy: number) => ({ ja: `${FIELD_LABEL[field].ja}(${fy})`, en: `${FIELD_LABEL[field].en} (${fy})` });
  const values: [{ ja: string; en: string }, ParsedValue | undefined, CellKey][] = [
    [FIELD_LABEL.baseline, ind.baseline?.value, 'baseline'],
    [FIELD_LABEL.finalTarget, ind.finalTarget?.value, 'finalTarget'],
    ...ind.targets.map((t) => [yearField('target', t.fy), t.value, `target:${t.fy}`] as [{ ja: string; en: string }, ParsedValue, CellKey]),
    ...ind.actuals.map((t) => [yearField('actual', t.fy), t.value, `actual:${t.fy}`] as [{ ja: string; en: string }, ParsedValue, CellKey]),
  ];
  const out: Finding[] = [];
  for (const [field, v, key] of values) {
    if (v?.kind !== 'number' || !v.unit || unitsAgree(v.unit, column)) continue;
    out.push(finding('VLD007', where(item, v, key), { item: itemLabel(item), field, raw: shown(v), unit: v.unit, column }, item.id));
  }
  return out;
}

function checkRating(item: Item, ev: Evaluation | undefined, repost: boolean, symbols: string[]): Finding[] {
  const cell = item.ratingCell ?? item.cells.rating;
  const ratingAt = item.rating?.cell ?? cell ?? where(item, undefined, 'rating');
  const label = itemLabel(item);
  // A rating typed off the scale is the cell check's (VLD003): no second word on it here.
  if (!item.rating && item.notes?.rating) return [];
  if (repost) return []; // the original row carries the rating
  // A plan sheet without a rating column is not a progress report yet: nothing to rate (VLD016 says so once).
  if (!item.rating && !cell) return [];
  if (!item.rating) {
    if (ev?.suggested) return [finding('VLD005', ratingAt, { item: label, suggested: ev.suggested, reason: ev.reason }, item.id)];
    return [finding('VLD004', ratingAt, { item: label, symbols: symbols }, item.id)];
  }
  if (item.rating.notRated) return [];
  if (ev?.suggested && ev.suggested !== item.rating.symbol) {
    return [finding('VLD009', ratingAt, { item: label, entered: item.rating.symbol, suggested: ev.suggested, reason: ev.reason }, item.id)];
  }
  return [];
}

function checkEffects(item: Item, fy: number | undefined): Finding[] {
  const fx = item.effects;
  if (!fx) return [];
  const out: Finding[] = [];
  const label = itemLabel(item);
  const sums = { planned: 0, actual: 0 };
  const seenNumber = { planned: false, actual: false };
  const fieldOf = { planned: 'effectPlanned', actual: 'effectActual' } as const;
  for (const y of fx.byYear) {
    for (const kind of ['planned', 'actual'] as const) {
      const v = y[kind];
      if (v?.kind !== 'number') continue;
      sums[kind] += v.value;
      seenNumber[kind] = true;
    }
    const planned = y.planned;
    // A sheet with no planned amount for the year (a results sheet of 歳入増加額 | 歳出削減額) has nowhere to type one.
    const plannable = planned !== undefined || item.cells[yearKey('effectPlanned', y.fy)] !== undefined;
    if (y.actual?.kind === 'number' && y.actual.value !== 0 && plannable && (planned === undefined || planned.kind === 'blank' || planned.kind === 'na') && y.fy === fy) {
      out.push(finding('VLD013', where(item, y.actual, `effectActual:${y.fy}`), { item: label, fy: y.fy, raw: shown(y.actual) }, item.id));
    }
  }
  for (const kind of ['planned', 'actual'] as const) {
    const sub = kind === 'planned' ? fx.plannedSubtotal : fx.actualSubtotal;
    if (sub === undefined) continue;
    const field = FIELD_LABEL[fieldOf[kind]];
    const ref = where(item, sub, `${fieldOf[kind]}Subtotal` as const);
    const sum = Math.round(sums[kind] * 1e6) / 1e6;
    if (sub.kind === 'number' && Math.abs(sub.value - sum) > 0.5) {
      out.push(finding('VLD010', ref, { item: label, field, raw: shown(sub), sum }, item.id));
    } else if (sub.kind !== 'number' && seenNumber[kind] && sum !== 0) {
      out.push(finding('VLD011', ref, { item: label, field, sum }, item.id));
    }
  }
  return out;
}
