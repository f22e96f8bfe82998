import type { CellRef } from '../grid/types';
import type { CellMap, Item, ItemFlag } from '../model/plan';
import { FIELD_LABEL } from '../model/fields';
import { finding, type Finding } from '../validation/finding';
import type { ParsedValue } from '../values';
import { valueKey } from '../values/same-value';
import { headerKey } from '../grid/sheet-view';
import type { LayoutRead } from './types';

/**
 * A plan's list of items and its item sheets in one workbook describe the same items: the list is the
 * plan's register, so it decides which items exist and their ids; the sheets bring the years, the
 * subtotals and the cells staff edit. Pairs are found by id and name (a sheet with a wrong number,
 * a typo in a name); what is on one side only, and every report-year value the two disagree on, is
 * said. Isehara's list and sheets (isehara/reconcile.ts) and a list beside generic forms
 * (generic/list-forms.ts) are reconciled by this one rule.
 */

/** Name similarity above which a sheet and a list row are the same item despite typos (勤労/勤勉). */
const SAME_NAME = 0.8;

/** What the joined read is called and keyed by. */
export interface JoinedRead {
  layout: string;
  policyLabel: string;
  policies: LayoutRead['policies'];
}

/** A name compared without spaces, brackets and punctuation. */
export function nameKey(s: string): string {
  return headerKey(s).replace(/[()・:：;；、,.。\-ー－]/g, '');
}

export function reconcileListAndSheets(list: LayoutRead, sheets: LayoutRead, joined: JoinedRead): LayoutRead {
  const findings: Finding[] = [
    ...list.findings,
    // Said only when the sheets stand alone: here the list is present.
    ...sheets.findings.filter((f) => f.code !== 'ISS008'),
  ];
  const reportFy = list.reportFy ?? sheets.reportFy;
  const match = matchItems(list.items, sheets.items);

  const items: Item[] = [];
  for (const li of list.items) {
    const si = match.byList.get(li);
    if (!si) {
      items.push({ ...li, flags: addFlag(li.flags, 'list-only') });
      continue;
    }
    if (si.id !== li.id) {
      findings.push(
        finding('ISS104', si.cells.id ?? { sheet: si.source.sheet, address: 'A1' }, { sheet: si.source.sheet, sheetId: si.id, name: si.name, id: li.id }, li.id),
      );
    } else if (nameKey(si.name) !== nameKey(li.name)) {
      findings.push(
        finding('ISS106', li.cells.name ?? { sheet: li.source.sheet, address: 'A1' }, { id: li.id, listName: li.name, sheetName: si.name, sheet: si.source.sheet }, li.id),
      );
    }
    findings.push(...disagreements(li, si, reportFy));
    items.push(merge(li, si));
  }

  const sheetOnly = sheets.items.filter((s) => !match.matched.has(s));
  for (const si of sheetOnly) {
    items.push({ ...si, flags: addFlag(si.flags, 'sheet-only') });
    findings.push(
      finding('ISS103', si.cells.id ?? { sheet: si.source.sheet, address: 'A1' }, { sheet: si.source.sheet, item: `${si.id} ${si.name}` }, si.id),
    );
  }

  const listOnly = items.filter((i) => i.flags.includes('list-only'));
  if (listOnly.length) {
    const names = listOnly.map((i) => `${i.id} ${i.name}`);
    findings.push(
      finding('ISS101', { sheet: listOnly[0].source.sheet, address: listOnly[0].cells.name?.address ?? 'A1' }, { n: listOnly.length, items: names }),
    );
  }

  return {
    layout: joined.layout,
    policyLabel: joined.policyLabel,
    policies: joined.policies,
    items,
    findings,
    tables: [...list.tables, ...sheets.tables],
    ...(reportFy !== undefined ? { reportFy } : {}),
  };
}

interface Match {
  byList: Map<Item, Item>;
  matched: Set<Item>;
}

/**
 * Pairs list rows with sheets: first by id when the names agree, then by name alone (a sheet with a
 * wrong number), then by id when nothing else claims either (a renamed item).
 */
function matchItems(listItems: Item[], sheetItems: Item[]): Match {
  const byList = new Map<Item, Item>();
  const matched = new Set<Item>();
  const pair = (l: Item, s: Item) => {
    byList.set(l, s);
    matched.add(s);
  };
  const free = (s: Item) => !matched.has(s);
  for (const l of listItems) {
    const s = sheetItems.find((x) => free(x) && x.id === l.id && similarity(x.name, l.name) >= SAME_NAME);
    if (s) pair(l, s);
  }
  for (const l of listItems) {
    if (byList.has(l)) continue;
    let best: Item | undefined;
    let bestScore = SAME_NAME;
    for (const s of sheetItems) {
      if (!free(s) || s.policyKey !== l.policyKey) continue;
      const score = similarity(s.name, l.name);
      if (score >= bestScore) [best, bestScore] = [s, score];
    }
    if (best) pair(l, best);
  }
  for (const l of listItems) {
    if (byList.has(l)) continue;
    const s = sheetItems.find((x) => free(x) && x.id === l.id);
    if (s) pair(l, s);
  }
  return { byList, matched };
}

/** Dice coefficient over character bigrams of the names' keys: robust to typos and line breaks. */
export function similarity(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/** The sheet is the richer record (all years, 〔小計〕); the list keeps the id and adds its cells. */
function merge(li: Item, si: Item): Item {
  const listCells: CellMap = Object.fromEntries(Object.entries(li.cells).map(([k, v]) => [`list:${k}`, v]));
  return {
    ...si,
    id: li.id,
    name: si.name || li.name,
    departments: si.departments.length ? si.departments : li.departments,
    reportFy: si.reportFy ?? li.reportFy,
    ...(si.rating ? {} : li.rating ? { rating: li.rating } : {}),
    flags: [...new Set([...li.flags, ...si.flags])],
    notes: { ...li.notes, ...si.notes },
    cells: { ...listCells, ...si.cells },
  };
}

function addFlag(flags: ItemFlag[], f: ItemFlag): ItemFlag[] {
  return flags.includes(f) ? flags : [...flags, f];
}

interface Compared {
  field: 'target' | 'actual' | 'effectPlanned' | 'effectActual' | 'rating';
  list?: ParsedValue | string;
  sheet?: ParsedValue | string;
  listCell?: CellRef;
  sheetCell?: CellRef;
}

/** Report-year values the list copies from the sheet: any difference is a transcription slip. */
function disagreements(li: Item, si: Item, reportFy: number | undefined): Finding[] {
  const fy = reportFy ?? si.reportFy ?? li.reportFy;
  if (fy === undefined) return [];
  const yv = (it: Item, kind: 'targets' | 'actuals') => it.indicators[0]?.[kind].find((v) => v.fy === fy)?.value;
  const ev = (it: Item, kind: 'planned' | 'actual') => it.effects?.byYear.find((y) => y.fy === fy)?.[kind];
  const cell = (it: Item, key: 'target' | 'actual' | 'effectPlanned' | 'effectActual', v?: ParsedValue | string) =>
    (typeof v === 'object' ? v.cell : undefined) ?? it.cells[`${key}:${fy}`];
  const rows: Compared[] = [
    { field: 'target', list: yv(li, 'targets'), sheet: yv(si, 'targets') },
    { field: 'actual', list: yv(li, 'actuals'), sheet: yv(si, 'actuals') },
    { field: 'effectPlanned', list: ev(li, 'planned'), sheet: ev(si, 'planned') },
    { field: 'effectActual', list: ev(li, 'actual'), sheet: ev(si, 'actual') },
    { field: 'rating', list: li.rating?.symbol, sheet: si.rating?.symbol },
  ];
  const out: Finding[] = [];
  for (const r of rows) {
    if (same(r.list, r.sheet)) continue;
    const lc = r.field === 'rating' ? li.ratingCell ?? li.cells.rating : cell(li, r.field, r.list);
    const sc = r.field === 'rating' ? si.ratingCell ?? si.cells.rating : cell(si, r.field, r.sheet);
    const where = (c?: CellRef) => (c ? `${c.sheet}!${c.address}` : '?');
    out.push(
      finding('ISS102', sc ?? { sheet: si.source.sheet, address: 'A1' }, { id: li.id, fy, field: FIELD_LABEL[r.field], listValue: shown(r.list), sheetValue: shown(r.sheet), listCell: where(lc), sheetCell: where(sc) }, li.id),
    );
  }
  return out;
}

function shown(v: ParsedValue | string | undefined): string {
  if (v === undefined) return '空欄';
  if (typeof v === 'string') return v;
  return v.raw.trim() === '' ? '空欄' : v.raw;
}

/** Equal as staff would read them (values/same-value.ts); a rating letter as it is. */
function same(a: ParsedValue | string | undefined, b: ParsedValue | string | undefined): boolean {
  const norm = (v: ParsedValue | string | undefined): string => (typeof v === 'string' ? v : valueKey(v));
  return norm(a) === norm(b);
}
