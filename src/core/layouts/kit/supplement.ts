import type { Item } from '../../model/plan';
import { finding, type Finding } from '../../validation/finding';
import { similarity } from '../list-sheets';

/**
 * A workbook that lists its items on one sheet and gives some of them again on another (取組一覧, then
 * 財政効果 with No. | 取組名 | 効果見込額 | 効果実績額): the same number and name on two sheets is one item
 * described twice, not an item typed twice. The later sheet's item fills in what the first one lacks
 * (effects, indicators, rating, department) and is not counted again; LAY022 says so once per sheet.
 * Items only on the later sheet stay items. Two copies that both give a value keep the first sheet's;
 * a copy that adds nothing is an item typed twice, left for dedupe (VLD008).
 */

/** Names this alike (Dice over bigrams) are one item's name (a typo, a line break). */
const SAME_NAME = 0.8;

export function joinSupplementSheets(items: Item[], findings: Finding[]): void {
  const sheets: string[] = [];
  for (const it of items) if (!sheets.includes(it.source.sheet)) sheets.push(it.source.sheet);
  if (sheets.length < 2) return;
  const dropped = new Set<Item>();
  for (let s = 1; s < sheets.length; s++) {
    const later = items.filter((it) => it.source.sheet === sheets[s] && !it.flags.includes('repost'));
    const earlier = items.filter((it) => sheets.indexOf(it.source.sheet) < s && !dropped.has(it) && !it.flags.includes('repost'));
    const byId = new Map<string, Item[]>();
    for (const it of earlier) byId.set(it.id, [...(byId.get(it.id) ?? []), it]);
    const pairs: [Item, Item][] = [];
    for (const b of later) {
      const a = byId.get(b.id)?.find((x) => similarity(x.name, b.name) >= SAME_NAME);
      // A copy that adds nothing is the same item typed twice: dedupe says so (VLD008).
      if (a && adds(a, b)) pairs.push([a, b]);
    }
    if (pairs.length === 0) continue;
    for (const [a, b] of pairs) {
      fillIn(a, b);
      dropped.add(b);
    }
    // A sheet that only adds to another's items is not asked for the columns a list needs (LAY006).
    if (pairs.length === later.length) {
      const kept = findings.filter((f) => !(f.code === 'LAY006' && f.sheet === sheets[s]));
      findings.splice(0, findings.length, ...kept);
    }
    const into = pairs[0][0].source.sheet;
    findings.push(finding('LAY022', pairs[0][1].cells.id ?? pairs[0][1].cells.name ?? { sheet: sheets[s] }, { sheet: sheets[s], n: pairs.length, into }));
  }
  if (dropped.size === 0) return;
  const kept = items.filter((it) => !dropped.has(it));
  items.splice(0, items.length, ...kept);
}

const typed = (v: { kind: string } | undefined) => v !== undefined && v.kind !== 'blank';

/** Whether `b` gives something `a` lacks: an amount of a year, an indicator, a rating, a department. */
function adds(a: Item, b: Item): boolean {
  for (const y of b.effects?.byYear ?? []) {
    const x = a.effects?.byYear.find((z) => z.fy === y.fy);
    if ((typed(y.planned) && !typed(x?.planned)) || (typed(y.actual) && !typed(x?.actual))) return true;
  }
  return (a.indicators.length === 0 && b.indicators.length > 0) || (!a.rating && !!b.rating) || (a.departments.length === 0 && b.departments.length > 0);
}

/** What `b` says that `a` does not, added to `a` (cells included, so every figure still points at its cell). */
function fillIn(a: Item, b: Item): void {
  if (b.effects) {
    if (!a.effects) a.effects = b.effects;
    else {
      const years = a.effects.byYear.map((y) => ({ ...y }));
      for (const y of b.effects.byYear) {
        const x = years.find((z) => z.fy === y.fy);
        if (!x) years.push({ ...y });
        else {
          if (x.planned === undefined || x.planned.kind === 'blank') x.planned = y.planned;
          if (x.actual === undefined || x.actual.kind === 'blank') x.actual = y.actual;
        }
      }
      a.effects = { ...a.effects, byYear: years.sort((p, q) => p.fy - q.fy) };
    }
  }
  if (a.indicators.length === 0 && b.indicators.length) a.indicators = b.indicators;
  if (!a.rating && b.rating) {
    a.rating = b.rating;
    if (b.ratingCell) a.ratingCell = b.ratingCell;
  }
  if (a.departments.length === 0 && b.departments.length) a.departments = b.departments;
  if (b.notes) a.notes = { ...b.notes, ...a.notes };
  a.cells = { ...b.cells, ...a.cells };
}
