import { SheetView } from '../../grid/sheet-view';
import type { SheetGrid } from '../../grid/types';
import type { Item, Policy } from '../../model/plan';
import { finding, type Finding } from '../../validation/finding';
import { oncePer } from '../../once-per';
import { similarity } from '../list-sheets';

/** What table and form layouts share: one view per sheet, one id per item, the policies in plan order. */

/** Detection and reading share one view per sheet, so its text cache serves every layout. */
export const viewOf = oncePer((grid: SheetGrid) => new SheetView(grid));

/** Items by a key, in the order they come: appended, not copied per item (a sheet of 20,000 rows is one group). */
function groupBy(items: readonly Item[], key: (it: Item) => string): Map<string, Item[]> {
  const out = new Map<string, Item[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** The items each sheet counts (【再掲】 repeats left out), by sheet in the order met. */
function countedBySheet(items: readonly Item[]): Map<string, Item[]> {
  return groupBy(items.filter((it) => !it.flags.includes('repost')), (it) => it.source.sheet);
}

/** A sheet name that says it is a copy: 取組項目一覧 (2), バックアップ, コピー, 旧, 控え, old, backup. */
const COPY_NAME = /\(\s*\d+\s*\)\s*$|バックアップ|ﾊﾞｯｸｱｯﾌﾟ|コピー|ｺﾋﾟｰ|控え|保存用|^旧|（旧）|\(旧\)|copy|backup|\bbk\b|\bold\b/i;

/**
 * Sheets that are copies of another sheet read by the same layout (a sheet copied within the workbook
 * as a backup, 取組項目一覧 (2)): nearly all of their items have the name, department, 基本方針, rating
 * and amounts of an item on the other sheet. Of two such sheets the one named like a copy is the copy, else the later
 * one. Its items are not counted: a copied sheet doubled every figure.
 */
function copiedSheets(items: readonly Item[]): { copy: string; of: string; edited?: true }[] {
  const bySheet = groupBy(items, (it) => it.source.sheet);
  // What the item is, and what was typed for it: a copy edited since (another rating, another amount) is
  // not taken for a copy; it is said (LAY028) and both are read, for staff to settle.
  const amounts = (it: Item) => (it.effects?.byYear ?? []).map((y) => `${y.fy}:${y.planned?.raw ?? ''}/${y.actual?.raw ?? ''}`).join(',');
  const identity = (it: Item) => `${it.policyKey}\u0000${it.name.replace(/\s+/g, '')}\u0000${it.departments.join('、')}`;
  const signature = (it: Item) => `${identity(it)}\u0000${it.rating?.symbol ?? it.notes?.rating ?? ''}\u0000${amounts(it)}`;
  const sets = new Map([...bySheet].map(([sheet, its]) => [sheet, { ids: new Set(its.map(identity)), sigs: new Set(its.map(signature)) }]));
  const overlap = (a: Set<string>, b: Set<string>) => {
    let n = 0;
    for (const x of b) if (a.has(x)) n++;
    return a.size === b.size && a.size > 0 && n >= Math.max(1, b.size * 0.9);
  };
  const sheets = [...bySheet.keys()];
  const out: { copy: string; of: string; edited?: true }[] = [];
  const gone = new Set<string>();
  for (let i = 0; i < sheets.length; i++) {
    for (let j = i + 1; j < sheets.length; j++) {
      const [a, b] = [sheets[i], sheets[j]];
      if (gone.has(a) || gone.has(b)) continue;
      const [sa, sb] = [sets.get(a)!, sets.get(b)!];
      if (!overlap(sa.ids, sb.ids)) continue;
      const copy = COPY_NAME.test(a) && !COPY_NAME.test(b) ? a : b;
      gone.add(copy);
      out.push({ copy, of: copy === a ? b : a, ...(overlap(sa.sigs, sb.sigs) ? {} : { edited: true as const }) });
    }
  }
  return out;
}

/**
 * Copied sheets' items taken out of `items` (LAY027); a copy edited since is kept and said (LAY028).
 * Returns the sheets taken out, for what else a reader keeps by sheet (its table anchors).
 */
export function dropCopiedSheets(items: Item[], findings: Finding[]): Set<string> {
  const dropped = new Set<string>();
  for (const { copy, of, edited } of copiedSheets(items)) {
    findings.push(finding(edited ? 'LAY028' : 'LAY027', { sheet: copy, address: 'A1' }, { sheet: copy, of }));
    if (!edited) dropped.add(copy);
  }
  if (dropped.size) {
    const kept = items.filter((i) => !dropped.has(i.source.sheet));
    items.splice(0, items.length, ...kept);
  }
  return dropped;
}

/**
 * A workbook of one sheet per 基本方針 (or per department) often numbers each sheet's items from 1
 * again (bare numbers 1, 2, 3): No.1 on 基本方針1 and No.1 on 基本方針2 are two items, not one typed twice. When every number
 * that recurs does so only across sheets, for items of different names, and never within a sheet,
 * the items of those sheets are numbered by their sheet: the sheet's 基本方針 when it has one of its
 * own (`2-1`), else the sheet's name (`総務課-1`). Anything else is left for dedupe (VLD008).
 */
export function qualifyRestartedNumbers(items: Item[]): void {
  const bySheet = countedBySheet(items);
  if (bySheet.size < 2) return;
  const seen = new Map<string, Item>();
  const restarted = new Set<string>();
  for (const [sheet, its] of bySheet) {
    const own = new Set<string>();
    for (const it of its) {
      if (own.has(it.id)) return;
      own.add(it.id);
      const first = seen.get(it.id);
      if (!first) {
        seen.set(it.id, it);
        continue;
      }
      // The same item given on two sheets (a sheet of its amounts), or numbers that are not counts from 1 (2-1, A-3).
      if (similarity(first.name, it.name) >= 0.8 || !/^[0-9０-９]+$/.test(it.id)) return;
      restarted.add(first.source.sheet).add(sheet);
    }
  }
  if (restarted.size === 0) return;
  const policyOf = (its: Item[]) => (its.every((it) => it.policyKey === its[0].policyKey) && its[0].policyKey !== '-' ? its[0].policyKey : undefined);
  const policies = [...restarted].map((s) => policyOf(bySheet.get(s)!));
  const byPolicy = policies.every((p) => p !== undefined) && new Set(policies).size === policies.length;
  for (const sheet of restarted) {
    const its = bySheet.get(sheet)!;
    const prefix = byPolicy ? policyOf(its)! : sheet;
    for (const it of its) if (!it.id.startsWith(`${prefix}-`)) it.id = `${prefix}-${it.id}`;
  }
}

/** Numbers that count items from 1 within their section: 1, ①, (1), ア, (ア). */
const COUNT = /^(?:[0-9０-９]{1,3}|[①-⑳]|[(（][0-9０-９]{1,2}[)）]|[ア-ン]|[(（][ア-ン][)）])$/;

/**
 * Items numbered from ① again under each heading of a sheet (基本方針Ⅰ → (1) → ①②, (2) → ①②):
 * when every number that recurs on the sheet does so only under different headings, for items of
 * different names, each item's number is its headings' keys and its own (`Ⅰ-1-①`). Anything else
 * is left for dedupe (VLD008).
 */
export function qualifyBySection(items: Item[]): void {
  const bySheet = countedBySheet(items);
  const section = (it: Item) => `${it.policyKey}\u0000${it.groupKey ?? ''}`;
  for (const its of bySheet.values()) {
    const seen = new Map<string, Item>();
    const inSection = new Set<string>();
    let recurs = false;
    let ok = true;
    for (const it of its) {
      const here = `${section(it)}\u0000${it.id}`;
      if (inSection.has(here)) ok = false;
      inSection.add(here);
      const first = seen.get(it.id);
      if (!first) {
        seen.set(it.id, it);
        continue;
      }
      recurs = true;
      if (!COUNT.test(it.id) || similarity(first.name, it.name) >= 0.8) ok = false;
    }
    if (!recurs || !ok || its.some((it) => it.policyKey === '-')) continue;
    for (const it of its) it.id = [it.policyKey, it.groupKey, it.id].filter((k) => k !== undefined && k !== '').join('-');
  }
}

/** One id per item (【再掲】 repeats excepted): a later duplicate keeps its row visible under a distinct id. */
export function dedupe(items: Item[], findings: Finding[]): void {
  const seen = new Map<string, Item>();
  for (const it of items) {
    if (it.flags.includes('repost')) continue;
    const first = seen.get(it.id);
    if (!first) {
      seen.set(it.id, it);
      continue;
    }
    const at = first.cells.id ?? first.cells.name ?? { sheet: first.source.sheet, address: 'A1' };
    const id = it.id;
    // A sheet of one item (a form) is named by its sheet alone.
    const alone = !items.some((x) => x !== it && x.source.sheet === it.source.sheet);
    it.id = alone ? `${id}@${it.source.sheet}` : `${id}@${it.source.sheet}!${it.source.row + 1}`;
    findings.push(finding('VLD008', it.cells.id ?? it.cells.name ?? { sheet: it.source.sheet }, { id, first: `${at.sheet}!${at.address}` }, it.id));
  }
}

export function policiesOf(fixed: Policy[] | undefined, items: Item[]): Policy[] {
  if (fixed) return fixed.map((p) => ({ ...p }));
  const out = new Map<string, Policy>();
  for (const it of items) if (!out.has(it.policyKey)) out.set(it.policyKey, { key: it.policyKey, name: it.policyName, order: out.size + 1 });
  return [...out.values()];
}

/**
 * 【再掲】 marks a repeat of an item listed elsewhere; when every one of an item's rows in the workbook
 * carries it (the mark copied with the row), none would be counted. The first row is then the item, and LAY024 says so.
 */
export function countRepostedOriginals(items: Item[], findings: Finding[]): void {
  for (const copies of groupBy(items, (it) => it.name.replace(/[\s\u3000]+/g, '')).values()) {
    // A lone 【再掲】 row may repeat an item of another department's file: only rows repeated here are judged.
    if (copies.length < 2 || !copies.every((it) => it.flags.includes('repost'))) continue;
    const first = copies[0];
    first.flags = first.flags.filter((f) => f !== 'repost');
    findings.push(finding('LAY024', first.cells.name ?? { sheet: first.source.sheet }, { name: first.name, n: copies.length }, first.id));
  }
}
