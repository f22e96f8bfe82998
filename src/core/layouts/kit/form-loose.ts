import { oncePerText } from '../../once-per';
import type { SheetView } from '../../grid/sheet-view';
import type { CellRef } from '../../grid/types';
import { finding, type Finding } from '../../validation/finding';
import { normalizeWidth, parseCircled, parseFiscalYear } from '../../values';
import { writableRef } from './item';
import { chooseReportYear, type YearEvidence } from './report-year';
import { LEGEND, nextFilled, ownCells, rightOf, type Pos } from './form-cells';
import { headerMoneyUnit, headerYear, isYearOnly, PARTIAL_STRENGTH, strippedKey } from './labels';
import type { FormKey, FormSpec, FormValue } from './spec';

/**
 * A form nobody configured (FormSpec.loose): labels found as the synonym table finds headers, the
 * value beside each label, and the report's values (目標 / 実績 / 評価 / 効果額 / 取組状況) dated by
 * where they sit. Cities lay these out in many ways, all of which read the same here:
 *
 *   目標値 | 120                         undated: the report year's
 *   令和5年度実績 | 98                    the label's year
 *   令和5年度 | 目標 | 120                the year cell on the value's row (merged down over its block)
 *            | 令和5年度 | 令和6年度       the year cell above the value's column
 *   目標値    | 120       | 130
 *   年度 | 目標値 | 実績値 | 評価           a row of labels: the values in the rows below, each row's year at its left
 *   令和5年度 | 120 | 98 | B
 */

export const DATED_KEYS = ['target', 'actual', 'rating', 'effectPlanned', 'effectActual', 'status'] as const;
export type DatedKey = (typeof DATED_KEYS)[number];

export interface DatedValue {
  key: DatedKey;
  at: Pos;
  /** The label the value was found by, and its text (a unit it states). */
  label: Pos;
  labelText: string;
  /** The year the label, the value's row or its column states; none for a value of the report year. */
  fy?: number;
}

export interface LooseParts {
  labels: Record<string, Pos>;
  dated: DatedValue[];
  /** Distinct rows labels sit on: a form's run down a column, a table's header sits on one or two. */
  labelRows: number;
  /** Plain fields whose label is typed more than once: a sheet of repeated blocks or a list, not one item's form. */
  repeated: string[];
  /** A year in the rows above the first label (取組シート（令和6年度）). */
  titleFy?: number;
  /** A money unit the form states (効果額（百万円）, 単位：百万円) and where. */
  moneyUnit?: { unit: string; at: Pos; text: string };
  templateMarks: number;
  /** Plain fields whose value is the one cell under their label, with no second value under it (a form of label rows over value rows, not a table). */
  under: string[];
}

interface Hit {
  row: number;
  col: number;
  field: string;
  text: string;
  /** What a word beside or under a context label names (計画 beside 効果額), instead of its field's value. */
  key?: DatedKey;
}

interface Context {
  keys: string[];
  map: Partial<Record<FormKey, FormKey>>;
  /** Words that name a value only beside or under the context label. */
  words: Map<string, FormKey>;
}

interface PlacedContext {
  top: number;
  bottom: number;
  left: number;
  right: number;
  ctx: Context;
}

/** The context label a cell sits beside (on its rows, to its right) or under (the row below its columns). */
function contextAt(contexts: PlacedContext[], r: number, col: number): PlacedContext | undefined {
  return contexts.find((c) => (c.top <= r && r <= c.bottom && c.left < col) || (c.left <= col && col <= c.right && c.bottom < r && r - c.bottom <= 1));
}

/** A label glob in stripped-key form: `*効果額*`, `計画最終年度の目標*`, or exact. */
function globOf(label: string): RegExp {
  const parts = label.split('*').map((p) => strippedKey(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/** Longer labels are sentences (a value), not labels. */
const MAX_LABEL_KEY = 24;

/** The form's labels compiled the way kit/labels.ts compiles a synonym table: exact, glob, or inside a longer label. */
export class LooseLabels {
  private readonly exact = new Map<string, string>();
  private readonly patterns: { re: RegExp; field: string }[] = [];
  private readonly partials: { key: string; field: string }[] = [];
  private readonly over: Context[];

  constructor(readonly spec: FormSpec) {
    for (const [field, f] of Object.entries(spec.fields)) {
      for (const label of f.labels) {
        if (label.includes('*')) {
          this.patterns.push({ re: globOf(label), field });
          continue;
        }
        const key = strippedKey(label);
        if (!key) continue;
        if (!this.exact.has(key)) this.exact.set(key, field);
        if (key.length >= 2 && !/^[\x20-\x7e]+$/.test(key)) this.partials.push({ key, field });
      }
    }
    this.over = spec.context.map((c) => ({
      keys: c.over.map((o) => strippedKey(o)).filter(Boolean),
      map: c.map,
      words: new Map(Object.entries(c.labels).flatMap(([key, words]) => (words ?? []).map((w) => [strippedKey(w), key as FormKey] as const))),
    }));
  }

  /** The field a cell's text names, if any (each distinct text looked at once). */
  readonly match = oncePerText((text) => this.find(text));

  private find(text: string): { field: string; strength: number } | undefined {
    const key = strippedKey(text);
    if (!key) return undefined;
    const exact = this.exact.get(key) ?? this.exact.get(key.replace(/[()]/g, ''));
    if (exact) return { field: exact, strength: 1 };
    // A sentence (部局再編案を作成した。) is what someone wrote, not a label, whatever word it holds.
    if (key.length > MAX_LABEL_KEY || text.includes('。')) return undefined;
    const p = this.patterns.find((x) => x.re.test(key));
    if (p) return { field: p.field, strength: 1 };
    let best: { key: string; field: string }[] = [];
    for (const e of this.partials) {
      if (!key.includes(e.key)) continue;
      if (!best.length || e.key.length > best[0].key.length) best = [e];
      else if (e.key.length === best[0].key.length) best.push(e);
    }
    // Two fields tying for the longest label: the cell says neither for sure.
    if (!best.length || new Set(best.map((e) => e.field)).size > 1) return undefined;
    return { field: best[0].field, strength: PARTIAL_STRENGTH };
  }

  /** A label over others that turns them into other values (効果額 over 目標 / 実績). */
  context(text: string): Context | undefined {
    const key = strippedKey(text);
    if (!key || key.length > 12) return undefined;
    return this.over.find((o) => o.keys.some((k) => key === k || key.includes(k)));
  }
}

/** The first value a field's label gives (the key a field is dated or plain by). */
export function firstKey(values: FormValue[]): FormKey | undefined {
  const v = values[0];
  return v === undefined ? undefined : typeof v === 'string' ? v : v.key;
}

export function isDated(key: FormKey | undefined): key is DatedKey {
  return key !== undefined && (DATED_KEYS as readonly string[]).includes(key);
}

/** Rows without any label of the form after which the search stops. */
const FORM_GAP = 30;
/** Rows searched for the form's first label (title blocks are a few rows), and the most a form may run. */
const FIRST_LABEL_ROWS = 40;
const FORM_ROWS = 200;
/** The most rows a year block spans below the row its year is typed on. */
const BLOCK_ROWS = 6;
/** How far above a value a year heading of its column is looked for. */
const COLUMN_YEAR_REACH = 10;
/** How many rows under a row of labels hold its values (one per year). */
const ROWS_UNDER_LABELS = 12;
const UNIT_NOTE = /単位\s*[:：]\s*(円|千円|万円|百万円|億円)/;

/**
 * Finds a loose form's labels and values. `take` reads a plain field's values right of its label
 * (the kit's one rule for that, form.ts), so a loose form's name, policy and department cells are
 * found exactly as a city form's are.
 */
export function locateLoose(v: SheetView, spec: FormSpec, labels: LooseLabels, take: (label: Pos, field: string, stop: number) => void): LooseParts {
  const out: LooseParts = { labels: {}, dated: [], labelRows: 0, repeated: [], templateMarks: 0, under: [] };
  const typed = new Map<string, string>();
  const words = spec.template;
  if (words.some((w) => v.name.includes(w))) out.templateMarks += 2;
  const hits: Hit[] = [];
  const contexts: PlacedContext[] = [];
  const hitRows = new Map<number, Hit[]>();
  const contextCols = new Map<number, number[]>();
  let lastHit = 0;
  // A form is a page or two: its first label near the top, nothing of it past a few pages (a long table is no form).
  const end = Math.min(v.rowCount, FORM_ROWS);
  for (let r = 0; r < end && (hits.length === 0 ? r < FIRST_LABEL_ROWS : r - lastHit <= FORM_GAP); r++) {
    // Whether the cell before was a label still waiting for its value: then only a sure label is a label.
    let waiting = false;
    for (const c of ownCells(v, r)) {
      if (LEGEND.test(c.text.normalize('NFKC'))) out.templateMarks++;
      // 様式第1号 is printed on every filled-in sheet; 様式 alone, 記入例 … mark the blank one.
      if (c.text.length <= 60 && words.some((w) => c.text.includes(w) && !new RegExp(`${w}\\s*第?\\s*[0-9０-９]`).test(c.text))) out.templateMarks++;
      if (hits.length === 0 && out.titleFy === undefined && /年度/.test(c.text)) {
        const fy = parseFiscalYear(c.text);
        if (fy !== undefined && fy >= 1989 && fy <= 2100) out.titleFy = fy;
      }
      const money = c.text.includes('円') ? (headerMoneyUnit(c.text) ?? UNIT_NOTE.exec(c.text.normalize('NFKC'))?.[1]) : undefined;
      const m = labels.match(c.text);
      const ctx = !m || m.strength < 1 ? labels.context(c.text) : undefined;
      if (ctx && !waiting) {
        const merge = v.merge(r, c.col);
        contexts.push({ top: r, bottom: merge?.bottom ?? r, left: c.col, right: merge?.right ?? c.col, ctx });
        contextCols.set(r, [...(contextCols.get(r) ?? []), c.col]);
        if (money) out.moneyUnit ??= { unit: money, at: { row: r, col: c.col }, text: c.text };
        lastHit = r;
        continue;
      }
      // 計画 / 見込 beside or under 効果額: a word that names a value there only.
      const sub = !m ? contextAt(contexts, r, c.col)?.ctx.words.get(strippedKey(c.text)) : undefined;
      if (isDated(sub)) {
        const hit = { row: r, col: c.col, field: '', text: c.text, key: sub };
        hits.push(hit);
        hitRows.set(r, [...(hitRows.get(r) ?? []), hit]);
        lastHit = r;
        waiting = true;
        continue;
      }
      const field = m ? spec.fields[m.field] : undefined;
      // A money note (単位：百万円) names no field, whatever word it contains.
      const note = money && field && !isDated(firstKey(field.values)) && !/効果|財政/.test(c.text);
      // A word inside a longer text (取組評価シート, 基本方針 I 地域経営…) is a label only with a value beside it.
      const beside = m && m.strength < 1 ? nextFilled(v, { row: r, col: c.col }, v.colCount) !== undefined : true;
      if (m && field && !note && beside && (!waiting || m.strength >= 1)) {
        const dated = isDated(firstKey(field.values));
        // A plain field is given once: the same label further down is text of the form, not its part.
        if (!dated && out.labels[m.field] !== undefined && typed.get(m.field) === strippedKey(c.text) && !out.repeated.includes(m.field)) out.repeated.push(m.field);
        if (dated || out.labels[m.field] === undefined) {
          if (!dated) typed.set(m.field, strippedKey(c.text));
          const hit = { row: r, col: c.col, field: m.field, text: c.text };
          hits.push(hit);
          hitRows.set(r, [...(hitRows.get(r) ?? []), hit]);
          out.labels[m.field] ??= { row: r, col: c.col };
          if (money && dated) out.moneyUnit ??= { unit: money, at: { row: r, col: c.col }, text: c.text };
          lastHit = r;
          waiting = true;
          continue;
        }
      }
      if (money && !out.moneyUnit && (note || !m)) out.moneyUnit = { unit: money, at: { row: r, col: c.col }, text: c.text };
      waiting = false;
    }
  }
  out.labelRows = hitRows.size;

  const keyOf = (h: Hit): FormKey | undefined => h.key ?? firstKey(spec.fields[h.field].values);
  for (const [r, row] of hitRows) {
    row.sort((a, b) => a.col - b.col);
    const datedOnRow = row.filter((h) => isDated(keyOf(h))).length;
    row.forEach((h, i) => {
      const stop = Math.min(row[i + 1]?.col ?? v.colCount, ...(contextCols.get(r) ?? []).filter((c) => c > h.col));
      const key = keyOf(h);
      if (!isDated(key)) {
        const under = valueUnder(v, h, stop, hitRows);
        // Then a blank row or another row of labels, never a second row of values as under a table's header.
        const next = under ? under.row + 1 : 0;
        if (under && (next >= v.rowCount || v.isRowEmpty(next) || (hitRows.get(next)?.length ?? 0) >= ownCells(v, next).length)) out.under.push(h.field);
        take(under ?? { row: h.row, col: h.col }, h.field, stop);
        return;
      }
      const mapped = h.key ? undefined : contextAt(contexts, r, h.col)?.ctx.map[key];
      const k: DatedKey = isDated(mapped) ? mapped : key;
      const push = (at: Pos, fy: number | undefined) => {
        const m = v.merge(at.row, at.col);
        out.dated.push({ key: k, at: m ? { row: m.top, col: m.left } : at, label: { row: h.row, col: h.col }, labelText: h.text, ...(fy !== undefined ? { fy } : {}) });
      };
      const labelFy = headerYear(h.text);
      const right: Pos[] = [];
      for (let q = rightOf(v, h); q.col < stop && q.col < v.colCount; q = rightOf(v, q)) right.push(q);
      // A row of cells under year headings (令和5年度 | 令和6年度): one value per year, blank ones included.
      if (labelFy === undefined) {
        const byCol = right.map((p) => ({ p, fy: columnYear(v, p, hitRows, h.col) })).filter((x) => x.fy !== undefined);
        if (byCol.length) {
          for (const x of byCol) push(x.p, x.fy);
          return;
        }
      }
      const filled = right.find((p) => v.text(p.row, p.col) !== '');
      if (filled) {
        push(filled, labelFy ?? rowYear(v, filled, h.col));
        return;
      }
      if (datedOnRow >= 2) {
        // A row of labels: each row below is a year's values (or the one undated value).
        for (let rr = r + 1; rr < v.rowCount && rr <= r + ROWS_UNDER_LABELS; rr++) {
          if (hitRows.has(rr) || v.isRowEmpty(rr)) break;
          const m = v.merge(rr, h.col);
          if (m && m.top < rr) continue;
          const p = { row: rr, col: h.col };
          const fy = labelFy ?? rowYear(v, p, h.col);
          if (fy === undefined && v.text(rr, h.col) === '') continue;
          push(p, fy);
          if (fy === undefined) break;
        }
        return;
      }
      // Nothing typed: the cell beside the label, so a blank can be reported and written.
      if (right[0]) push(right[0], labelFy ?? rowYear(v, right[0], h.col));
    });
  }
  return out;
}

/** A fiscal year typed as text alone (令和5年度, R5): a number 2023 in a cell is an amount. */
/**
 * A label with nothing beside it and its value in the cell below (取組名 over 事務事業の見直し, a row of
 * labels over a row of values): where reading "right of the label" starts so that the value below is
 * the first cell it meets. Not when the cell below is a label itself (a blank value, the next label).
 */
function valueUnder(v: SheetView, h: Pos, stop: number, hitRows: Map<number, Hit[]>): Pos | undefined {
  const span = v.merge(h.row, h.col);
  const right = span ? span.right : h.col;
  for (let c = right + 1; c < stop && c < v.colCount; c++) if (v.text(h.row, c) !== '') return undefined;
  const below = (span ? span.bottom : h.row) + 1;
  if (below >= v.rowCount || v.text(below, h.col) === '' || hitRows.get(below)?.some((x) => x.col === h.col)) return undefined;
  return { row: below, col: h.col - 1 };
}

function yearCell(v: SheetView, r: number, c: number): number | undefined {
  const raw = v.value(r, c);
  if (typeof raw !== 'string' || /^\s*[\d０-９]+\s*$/.test(raw)) return undefined;
  const t = v.text(r, c);
  return isYearOnly(t) ? headerYear(t) : undefined;
}

/**
 * The year a cell on the value's row left of it states (a year block's label, merged down over its
 * rows); else, for a block whose year is typed on its first row only, the year left of the label
 * column a few rows up, with nothing else typed there in between.
 */
function rowYear(v: SheetView, p: Pos, labelCol: number): number | undefined {
  for (let c = p.col - 1; c >= 0; c--) {
    const fy = yearCell(v, p.row, c);
    if (fy !== undefined) return fy;
  }
  // Something else typed left of the label on its own row (効果額 beside 目標): the row is not a year block's.
  for (let c = labelCol - 1; c >= 0; c--) if (v.text(p.row, c) !== '') return undefined;
  for (let r = p.row - 1; r >= 0 && p.row - r <= BLOCK_ROWS; r--) {
    for (let c = labelCol - 1; c >= 0; c--) {
      if (v.text(r, c) === '') continue;
      return yearCell(v, r, c);
    }
  }
  return undefined;
}

/**
 * The year heading above the value's column: the rows between are its band, each labelled in the
 * value's own label column (目標値 / 実績値 / 評価 under | 令和5年度 | 令和6年度); a row of another block
 * in between (効果額 | 計画 … further down) ends the band.
 */
function columnYear(v: SheetView, p: Pos, hitRows: Map<number, Hit[]>, labelCol: number): number | undefined {
  for (let r = p.row - 1; r >= 0 && p.row - r <= COLUMN_YEAR_REACH; r--) {
    const fy = yearCell(v, r, p.col);
    if (fy !== undefined) return fy;
    const hits = hitRows.get(r) ?? [];
    // A label in this very column above: the value belongs to that label's block, not to a year heading further up.
    if (hits.some((h) => h.col === p.col)) return undefined;
    if (!hits.some((h) => h.col === labelCol)) return undefined;
  }
  return undefined;
}

// ── reading loose forms: what the workbook's sheets say together ─────────────────────────────

interface LooseSheet {
  view: SheetView;
  form: { cells: Partial<Record<FormKey, Pos>>; dated?: DatedValue[]; loose?: { titleFy?: number; moneyUnit?: LooseParts['moneyUnit'] } };
}

/** Nothing typed in the form's value cells (no name, no value): the blank template, whatever it is called. */
export function looseBlank(s: LooseSheet): boolean {
  const name = s.form.cells.name;
  if (name && s.view.text(name.row, name.col) !== '') return false;
  return !(s.form.dated ?? []).some((d) => s.view.text(d.at.row, d.at.col) !== '');
}

/** The rating cells' texts across the sheets, and the first rating label: what the scale is inferred from. */
export function looseRatings(sheets: LooseSheet[]): { values: string[]; at?: CellRef; label: string } {
  const values: string[] = [];
  let at: CellRef | undefined;
  let label = '';
  for (const { view, form } of sheets) {
    for (const d of form.dated ?? []) {
      if (d.key !== 'rating') continue;
      at ??= view.ref(d.label.row, d.label.col);
      label ||= d.labelText;
      const t = view.text(d.at.row, d.at.col);
      if (t) values.push(t);
    }
  }
  return { values, ...(at ? { at } : {}), label };
}

/**
 * The report year of loose forms, by the table reader's rule (report-year.ts): the year most sheets
 * have a rating or an actual typed for; else the latest year a value is dated; else the year a 年度
 * label or the title states. Undated values are then that year's, and the user is told where it came from.
 */
export function looseYear(sheets: LooseSheet[], opts: { asked?: number; layout?: number }, findings: Finding[]): number | undefined {
  const evidence = new Map<number, YearEvidence>();
  const columnYears = new Set<number>();
  let title: { fy: number; source: 'label' | 'title' } | undefined;
  let undated: CellRef | undefined;
  for (const { view, form } of sheets) {
    const name = form.cells.name ? view.text(form.cells.name.row, form.cells.name.col) : view.name;
    const yearAt = form.cells.year;
    const stated = yearAt ? headerYear(view.text(yearAt.row, yearAt.col)) : undefined;
    if (stated !== undefined) title ??= { fy: stated, source: 'label' };
    else if (form.loose?.titleFy !== undefined) title ??= { fy: form.loose.titleFy, source: 'title' };
    const counted = new Set<number>();
    for (const d of form.dated ?? []) {
      if (d.fy === undefined) {
        undated ??= view.ref(d.label.row, d.label.col);
        continue;
      }
      if (d.key === 'target' || d.key === 'effectPlanned') continue;
      columnYears.add(d.fy);
      const e = evidence.get(d.fy) ?? { fy: d.fy, items: 0, cells: [] };
      evidence.set(d.fy, e);
      const raw = view.text(d.at.row, d.at.col);
      if (raw === '' || d.key === 'status' || counted.has(d.fy)) continue;
      counted.add(d.fy);
      e.items++;
      e.cells.push({ cell: writableRef(view, d.at.row, d.at.col), item: name, raw });
    }
  }
  const choice = chooseReportYear({
    ...(opts.asked !== undefined ? { asked: opts.asked } : {}),
    evidence: [...evidence.values()],
    columnYears: [...columnYears],
    ...(title ? { title: title.fy } : {}),
    ...(opts.layout !== undefined ? { layout: opts.layout } : {}),
  });
  for (const e of choice.early) findings.push(finding('FY004', e.cell, { item: e.item ?? '', fy: e.fy, raw: e.raw, reportFy: choice.fy }));
  if (undated && choice.source === 'title' && title) {
    findings.push(finding('FY002', undated, { fy: choice.fy, source: title.source === 'label' ? { ja: '「年度」欄', en: 'the 年度 cell' } : { ja: '表題', en: 'the title' } }));
  }
  if (undated && choice.fy === undefined) findings.push(finding('FY001', undated, {}));
  return choice.fy;
}

/** The money unit amounts are typed in on a sheet (千円 unless it states another). */
export function looseMoneyUnit(s: LooseSheet): string {
  return s.form.loose?.moneyUnit?.unit ?? '千円';
}

/** An effect unit other than 千円, said once for the workbook at the label that states it (LAY020). */
export function looseUnitFinding(sheets: LooseSheet[], findings: Finding[]): void {
  const s = sheets.find((x) => x.form.loose?.moneyUnit && x.form.loose.moneyUnit.unit !== '千円' && (x.form.dated ?? []).some((d) => d.key === 'effectPlanned' || d.key === 'effectActual'));
  const u = s?.form.loose?.moneyUnit;
  if (s && u) findings.push(finding('LAY020', s.view.ref(u.at.row, u.at.col), { header: u.text, unit: u.unit }));
}

/** An item code's first number is its top level: 1-2, 1(2)③, 2.1, ①-3, Ⅱ-1 → 1, 1, 2, 1, 2. */
export function policyOfCode(code: string): string | undefined {
  const t = normalizeWidth(code).trim();
  const m = /^(\d{1,2})(?:[-ー－‐.(（_]|$)/.exec(t);
  if (m && /[-ー－‐.(（_]/.test(t)) return String(Number(m[1]));
  const circled = parseCircled(t[0] ?? '');
  if (circled !== undefined && t.length > 1) return String(circled);
  const roman = /^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])./.exec(t);
  if (roman) return String('ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ'.indexOf(roman[1]) + 1);
  return undefined;
}
