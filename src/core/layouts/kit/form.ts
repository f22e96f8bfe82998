import { headerKey, type SheetView } from '../../grid/sheet-view';
import type { CellRef, WorkbookGrid } from '../../grid/types';
import { yearKey } from '../../model/keys';
import type { CellMap, Item, NoteMap, YearValue } from '../../model/plan';
import { text as reason } from '../../rules/texts';
import { finding, type Finding } from '../../validation/finding';
import { DEFAULT_SCALE, inferScale, parseValue, readDepartments, scaleById, type ParsedValue } from '../../values';
import type { LayoutRead, LayoutReader, ReadOptions, SheetDetection } from '../types';
import { idText, levelOf, NO_POLICY } from './build';
import type { HookContext } from './define';
import { dedupe, dropCopiedSheets, policiesOf, viewOf } from './shared';
import { buildEffects, buildIndicator, ratingOf, valueAt, writableRef, type EffectCell } from './item';
import { headerMoneyUnit, headerYear, isYearOnly, strippedKey } from './labels';
import { chooseReportYear, type YearEvidence } from './report-year';
import type { FormField, FormKey, FormSpec, FormValue, LayoutSpec } from './spec';
import { oncePer } from '../../once-per';
import { LooseLabels, locateLoose, looseBlank, looseMoneyUnit, looseRatings, looseUnitFinding, looseYear, policyOfCode, type DatedValue, type LooseParts } from './form-loose';
import { LEGEND, afterLabel, nextFilled, ownCells, rightOf, squeeze, step, type Pos } from './form-cells';

/**
 * Form sheets: one item per sheet, each part a label with its value beside it (基本方針 | 1 | 行政サービスの最適化),
 * and a block per year found by its anchor label (評価). The form is found by its labels wherever they
 * sit, so copies with title rows, a column in front or retyped labels read the same. One locator and
 * one item builder for every form layout; a hook sets what is a city's own (its item codes).
 */

export type { Pos };

export interface FormYear {
  fy: number;
  label: Pos;
  anchor: Pos;
  cells: Partial<Record<'target' | 'rating' | 'actual' | 'status' | 'effectPlanned' | 'effectActual', Pos>>;
}

export interface LocatedForm {
  /** Label cells found, by the spec's field name. */
  labels: Record<string, Pos>;
  /** Value cells, by what they hold. */
  cells: Partial<Record<FormKey, Pos>>;
  /** Values typed into the label's own cell after the label. */
  fused: Partial<Record<FormKey, string>>;
  years: FormYear[];
  /** Year labels whose block lacks its anchor or has no room for its cells. */
  broken: { fy: number; at: Pos }[];
  /** Signs of the blank template: a template word in the sheet's name or title, legend lines. */
  templateMarks: number;
  /** A loose form's (FormSpec.loose) report values, each with the year its place states. */
  dated?: DatedValue[];
  /** A loose form's shape: the rows its labels sit on, a year in its title, the money unit it states. */
  loose?: Omit<LooseParts, 'labels' | 'dated' | 'templateMarks'>;
}

/** Rows without any label of the form after which the search stops. */
const FORM_GAP = 30;

/** A label glob in header-key form: `*小計*効果見込額*`, `計画最終年度の目標*`, or exact. */
function globOf(label: string): RegExp {
  const parts = label.split('*').map((p) => headerKey(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

interface CompiledField {
  name: string;
  field: FormField;
  globs: RegExp[];
  fused?: RegExp;
}

export class FormLocator {
  private readonly fields: CompiledField[];
  private readonly after: RegExp[];
  private readonly anchor: RegExp[];
  private readonly looseLabels?: LooseLabels;

  constructor(readonly spec: FormSpec) {
    if (spec.loose) this.looseLabels = new LooseLabels(spec);
    this.fields = Object.entries(spec.fields).map(([name, field]) => ({
      name,
      field,
      globs: field.labels.map(globOf),
      ...(field.fused ? { fused: new RegExp(field.fused) } : {}),
    }));
    this.after = (spec.years?.after ?? []).map(globOf);
    this.anchor = (spec.years?.anchor ?? []).map(globOf);
  }

  private fieldOf(text: string): CompiledField | undefined {
    const key = headerKey(text);
    if (!key || key.length > 80) return undefined;
    return this.fields.find((f) => f.globs.some((g) => g.test(key)) || (f.fused && f.fused.test(squeeze(text))));
  }

  locate(v: SheetView): LocatedForm {
    const form: LocatedForm = { labels: {}, cells: {}, fused: {}, years: [], broken: [], templateMarks: 0 };
    if (this.looseLabels) {
      const byName = new Map(this.fields.map((f) => [f.name, f]));
      const { labels, dated, templateMarks, ...shape } = locateLoose(v, this.spec, this.looseLabels, (label, name, stop) => this.takeValues(v, form, label, byName.get(name)!, stop));
      return Object.assign(form, { labels, dated, templateMarks, loose: shape });
    }
    const words = this.spec.template;
    if (words.some((w) => v.name.includes(w))) form.templateMarks += 2;
    const yearRows: { row: number; col: number; fy: number }[] = [];
    let afterRow: number | undefined;
    const labelsByRow = new Map<number, { col: number; f: CompiledField }[]>();

    // A form is a page: once no label has been seen for a page's worth of rows, the sheet is something else.
    let lastHit = 0;
    for (let r = 0; r < v.rowCount && r - lastHit <= FORM_GAP; r++) {
      for (const c of ownCells(v, r)) {
        if (LEGEND.test(c.text.normalize('NFKC'))) form.templateMarks++;
        if (words.some((w) => c.text.includes(w)) && c.text.length <= 60) form.templateMarks++;
        const key = headerKey(c.text);
        if (afterRow === undefined && this.after.some((g) => g.test(key))) {
          afterRow = r;
          lastHit = r;
        }
        const f = this.fieldOf(c.text);
        if (f && form.labels[f.name] === undefined) {
          const onRow = f.field.row === undefined || form.labels[f.field.row]?.row === r;
          if (onRow) {
            form.labels[f.name] = { row: r, col: c.col };
            lastHit = r;
            labelsByRow.set(r, [...(labelsByRow.get(r) ?? []), { col: c.col, f }]);
            continue;
          }
        }
        // Year labels are typed as text (令和5年度, R5), one under the other: a number 2000 in a cell is an amount.
        if (afterRow !== undefined && r > afterRow && typeof v.raw(r, c.col) === 'string' && !/^\s*[\d０-９]+\s*$/.test(c.text) && isYearOnly(c.text) && (!yearRows.length || yearRows[0].col === c.col)) {
          const fy = headerYear(c.text);
          if (fy !== undefined) {
            yearRows.push({ row: r, col: c.col, fy });
            lastHit = r;
          }
        }
      }
    }

    // Values right of each label, up to the next label on its row.
    for (const [r, labels] of labelsByRow) {
      labels.sort((a, b) => a.col - b.col);
      labels.forEach(({ col, f }, i) => {
        const stop = labels[i + 1]?.col ?? v.colCount;
        this.takeValues(v, form, { row: r, col }, f, stop);
      });
    }

    if (this.spec.years) {
      const stopAt = Math.min(
        v.rowCount,
        ...['effectPlannedSubtotal', 'effectActualSubtotal'].map((k) => form.cells[k as FormKey]?.row ?? v.rowCount),
      );
      for (let i = 0; i < yearRows.length; i++) {
        const y = yearRows[i];
        const next = yearRows[i + 1]?.row ?? stopAt;
        const block = this.yearBlock(v, y, next);
        if (block) form.years.push(block);
        else form.broken.push({ fy: y.fy, at: { row: y.row, col: y.col } });
      }
    }
    return form;
  }

  private takeValues(v: SheetView, form: LocatedForm, label: Pos, f: CompiledField, stop: number): void {
    let from = label;
    const values = f.field.values.map((x): Exclude<FormValue, string> => (typeof x === 'string' ? { key: x } : x));
    if (f.fused && values[0]) {
      const rest = afterLabel(v.text(label.row, label.col), f.fused);
      if (rest) form.fused[values[0].key] = rest;
    }
    for (const val of values) {
      const re = val.match ? new RegExp(val.match, 'u') : undefined;
      const fits = (p: Pos) => !re || re.test(v.text(p.row, p.col).normalize('NFKC'));
      let q = nextFilled(v, from, stop);
      if (val.seek) while (q && !fits(q)) q = nextFilled(v, q, stop);
      if (q && !fits(q)) {
        if (val.optional) continue;
        q = undefined;
      }
      if (!q) {
        if (val.optional || val.seek) continue;
        // Nothing typed: the cell next to the label (or the value before), so a blank can be reported and written.
        const right = rightOf(v, from);
        if (right.col < stop) form.cells[val.key] = right;
        continue;
      }
      form.cells[val.key] = q;
      from = q;
    }
  }

  /** One year block: its cells counted from the anchor label, on the year's row and the row below. */
  private yearBlock(v: SheetView, y: { row: number; col: number; fy: number }, nextRow: number): FormYear | undefined {
    const spec = this.spec.years!;
    let anchor: Pos | undefined;
    for (const c of ownCells(v, y.row)) {
      if (c.col > y.col && this.anchor.some((g) => g.test(headerKey(c.text)))) {
        anchor = { row: y.row, col: c.col };
        break;
      }
    }
    if (!anchor) return undefined;
    // The first cell a block may use left of its anchor: past the year label and the cells it skips.
    let first = rightOf(v, { row: y.row, col: y.col });
    for (let i = 0; i < spec.skip; i++) first = rightOf(v, first);
    const cols: Record<string, number> = {};
    for (const [k, steps] of Object.entries(spec.cells)) {
      const p = step(v, anchor, steps!);
      if (steps! < 0 && p.col < first.col) return undefined;
      cols[k] = p.col;
    }
    const block: FormYear = { fy: y.fy, label: { row: y.row, col: y.col }, anchor, cells: {} };
    for (const [k, c] of Object.entries(cols)) block.cells[k as keyof FormYear['cells']] = { row: y.row, col: c };
    const lower = y.row + 1;
    const labelMerge = v.merge(y.row, y.col);
    if (lower < nextRow && ((labelMerge && labelMerge.bottom >= lower) || !v.isRowEmpty(lower))) {
      for (const [k, steps] of Object.entries(spec.lower)) {
        // The lower row's cells sit under the upper row's, whatever its merges.
        const col = Object.entries(spec.cells).find(([, s]) => s === steps)?.[0];
        block.cells[k as keyof FormYear['cells']] = { row: lower, col: col ? cols[col] : step(v, { row: lower, col: anchor.col }, steps!).col };
      }
    }
    return block;
  }
}

/** Detection: every required part found, the score rising with the share of parts found. */
export function formScore(spec: LayoutSpec, form: LocatedForm): { score: number; found: string[] } {
  const fs = spec.form!;
  const found = Object.keys(fs.fields).filter((n) => form.labels[n] !== undefined);
  if (form.years.length) found.push(`${fs.years?.anchor[0] ?? '年度'}×${form.years.length}`);
  const total = Object.keys(fs.fields).length + (fs.years ? 1 : 0);
  const complete =
    fs.required.every((n) => form.labels[n] !== undefined) &&
    (!fs.years || form.years.length > 0) &&
    fs.oneOf.every((g) => g.some((n) => form.labels[n] !== undefined)) &&
    (!form.loose || looseShape(fs, form));
  const { base, max, need } = spec.detect;
  const share = Math.min(1, found.length / (need ?? total));
  const score = complete ? base + (max - base) * share : share * base * 0.5;
  return { score: Math.round(Math.min(max, score) * 100) / 100, found };
}

/**
 * A loose form's labels run down the sheet with the name's value beside its label; a table's header
 * is a row of labels with the names below, and a 目次 or summary table has the same words in a row.
 */
function looseShape(fs: FormSpec, form: LocatedForm): boolean {
  const name = fs.required.map((n) => form.labels[n]).find((p) => p !== undefined);
  const value = form.cells.name;
  const loose = form.loose;
  if (!loose || loose.labelRows < 3 || !name || !value) return false;
  // The name beside its label, or alone under it (a form of label rows over value rows: a table has more rows under its header).
  const beside = value.row === name.row && value.col > name.col;
  const under = value.row > name.row && fs.required.some((n) => loose.under.includes(n));
  if (!beside && !under) return false;
  return !fs.required.some((n) => loose.repeated.includes(n));
}

/** Forms of one workbook are copies of one template: the share of label names two sheets have in common. */
function sameShape(a: string[], b: string[]): number {
  const x = new Set(a);
  const common = b.filter((n) => x.has(n)).length;
  return common / new Set([...a, ...b]).size;
}
/** Two sheets with at least this share of their labels in common are forms of the same shape. */
const SAME_SHAPE = 0.6;

export interface FormHooks {
  /** The item as the kit built it from the form: a hook sets what is the city's own (its code); false drops it (after saying why). */
  item?(item: Item, form: LocatedForm, view: SheetView, ctx: HookContext): void | false;
  after?(read: LayoutRead, ctx: HookContext): void;
}

interface SheetForm {
  view: SheetView;
  form: LocatedForm;
  template: boolean;
}

export function defineForm(spec: LayoutSpec, hooks: FormHooks = {}): LayoutReader & { spec: LayoutSpec } {
  const locator = new FormLocator(spec.form!);
  const locate = oncePer((v: SheetView) => locator.locate(v));

  function detect(wb: WorkbookGrid): SheetDetection[] {
    const scored: { sheet: string; score: number; found: string[]; template: boolean }[] = [];
    for (const g of wb.sheets) {
      if (!spec.detect.hidden && (g.visibility ?? 'visible') !== 'visible') continue;
      const form = locate(viewOf(g));
      const { score, found } = formScore(spec, form);
      if (score <= 0) continue;
      scored.push({ sheet: g.name, score, found, template: form.templateMarks >= 2 });
    }
    // A layout nobody configured is sure of a form only when the workbook holds several of the same shape,
    // or when the form by itself shows most of what one is (spec.form.alone).
    const siblings = spec.form!.siblings;
    const out: SheetDetection[] = [];
    const complete = scored.filter((o) => o.score >= spec.detect.base);
    for (const d of scored) {
      // Enough alike is enough: a workbook of 70 item sheets need not compare every pair.
      let alike = 0;
      if (d.score >= spec.detect.base && siblings > 1) for (let i = 0; i < complete.length && alike < siblings; i++) if (sameShape(complete[i].found, d.found) >= SAME_SHAPE) alike++;
      const alone = spec.form!.alone !== undefined && d.found.length >= spec.form!.alone;
      const score = d.score >= spec.detect.base && siblings > 1 && alike < siblings && !alone ? Math.round(d.score * 50) / 100 : d.score;
      out.push({ sheet: d.sheet, score, reason: reason('formDetected', { labels: d.found, n: d.found.length, ...(d.template ? { template: reason('formTemplate') } : {}), score: score.toFixed(2) }) });
    }
    return out;
  }

  function read(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
    const findings: Finding[] = [];
    const names = opts.sheets ?? detect(wb).filter((d) => d.score >= 0.6).map((d) => d.sheet);
    const sheets: SheetForm[] = wb.sheets
      .filter((g) => names.includes(g.name))
      .map((g) => {
        const view = viewOf(g);
        const form = locate(view);
        return { view, form, template: form.templateMarks >= 2 || (!!form.loose && looseBlank({ view, form })) };
      });
    const stated = opts.scale ?? (typeof spec.scale === 'string' ? scaleById(spec.scale) : spec.scale);
    let scale = stated ?? DEFAULT_SCALE;
    const filled = sheets.filter((s) => !s.template);
    if (!stated && spec.form!.loose) {
      // No scale stated: what the rating cells hold (A–D, S–C, ◎○△×, 1–5 …), as the table reader infers it.
      const r = looseRatings(filled);
      const guess = inferScale(r.values, r.label);
      if (guess) {
        scale = guess.scale;
        if (scale.id !== DEFAULT_SCALE.id && r.at) findings.push(finding('LAY019', r.at, { scale: scale.label, values: guess.values }));
      }
    }
    const ctx: HookContext = { wb, spec, scale, findings, opts, state: new Map() };
    const year = spec.form!.loose
      ? looseYear(filled, { ...(opts.reportFy !== undefined ? { asked: opts.reportFy } : {}), ...(spec.fy !== undefined ? { layout: spec.fy } : {}) }, findings)
      : reportYear(filled, opts, findings);
    ctx.reportFy = year;
    if (spec.form!.loose) looseUnitFinding(filled, findings);

    const items: Item[] = [];
    for (const s of sheets) {
      if (s.template) {
        findings.push(finding('LAY014', { sheet: s.view.name, address: 'A1' }, { sheet: s.view.name }));
        continue;
      }
      const item = buildFormItem(spec, s.view, s.form, ctx);
      if (hooks.item?.(item, s.form, s.view, ctx) === false) continue;
      for (const b of s.form.broken) {
        findings.push(
          finding('LAY015', s.view.ref(b.at.row, b.at.col), { sheet: s.view.name, part: reason('formYearBroken', { fy: b.fy }) }, item.id),
        );
      }
      items.push(item);
    }
    // An item sheet copied within the workbook (2-1 (2), バックアップ) is read once, not twice.
    dropCopiedSheets(items, findings);
    dedupe(items, findings);
    const out: LayoutRead = {
      layout: spec.id,
      policyLabel: spec.policyLabel ?? (spec.form!.loose ? policyWord(spec.form!, filled) : undefined) ?? '基本方針',
      policies: policiesOf(spec.policies, items),
      items,
      findings,
      tables: [],
      ...(year !== undefined ? { reportFy: year } : {}),
      scale,
      ...(spec.rulePack ? { rulePack: spec.rulePack } : {}),
    };
    hooks.after?.(out, ctx);
    return out;
  }

  /** The year most sheets report (a rating or an actual typed); a later year only a few sheets have is an early entry (FY004). */
  function reportYear(sheets: SheetForm[], opts: ReadOptions, findings: Finding[]): number | undefined {
    const evidence = new Map<number, YearEvidence>();
    const columnYears = new Set<number>();
    for (const { view, form } of sheets) {
      const name = form.cells.name ? view.text(form.cells.name.row, form.cells.name.col) : view.name;
      for (const y of form.years) {
        columnYears.add(y.fy);
        const e = evidence.get(y.fy) ?? { fy: y.fy, items: 0, cells: [] };
        evidence.set(y.fy, e);
        const hit = (['rating', 'actual', 'effectActual'] as const).map((k) => y.cells[k]).find((p) => p && view.text(p.row, p.col) !== '');
        if (!hit) continue;
        e.items++;
        e.cells.push({ cell: writableRef(view, hit.row, hit.col), item: name, raw: view.text(hit.row, hit.col) });
      }
    }
    const choice = chooseReportYear({
      ...(opts.reportFy !== undefined ? { asked: opts.reportFy } : {}),
      evidence: [...evidence.values()],
      columnYears: [],
      ...(spec.fy !== undefined ? { layout: spec.fy } : {}),
    });
    for (const e of choice.early) findings.push(finding('FY004', e.cell, { item: e.item ?? '', fy: e.fy, raw: e.raw, reportFy: choice.fy }));
    // Nothing typed anywhere yet: the plan's first year.
    return choice.fy ?? spec.period?.from ?? (columnYears.size ? Math.min(...columnYears) : undefined);
  }

  return { id: spec.id, label: spec.label, spec, detect, read, ...(spec.sample ? { sample: spec.sample } : {}) };
}

/** One item from a located form, by the same rules as a table row. */
export function buildFormItem(spec: LayoutSpec, v: SheetView, form: LocatedForm, ctx: HookContext): Item {
  const fs = spec.form!;
  const ref = (p: Pos): CellRef => writableRef(v, p.row, p.col);
  const textAt = (k: FormKey) => {
    const p = form.cells[k];
    return form.fused[k] ?? (p ? v.text(p.row, p.col) : '');
  };
  const valueOf = (k: FormKey): ParsedValue | undefined => {
    const p = form.cells[k];
    const fused = form.fused[k];
    if (fused !== undefined) return parseValue(fused, ref(p ?? form.labels[k] ?? { row: 0, col: 0 }));
    return p ? valueAt(v, p.row, p.col) : undefined;
  };
  const cells: CellMap = {};
  for (const k of ['id', 'name', 'policy', 'group', 'department', 'unit', 'baseline', 'finalTarget', 'content', 'note', 'effectPlannedSubtotal', 'effectActualSubtotal'] as const) {
    const p = form.cells[k];
    if (p) cells[k] = ref(p);
  }
  const indicatorAt = form.cells.indicator ?? form.labels[Object.keys(fs.fields).find((n) => fs.fields[n].values.some((x) => (typeof x === 'string' ? x : x.key) === 'indicator')) ?? ''];
  if (indicatorAt) cells.indicator = ref(indicatorAt);

  const reportFy = ctx.reportFy;
  const targets: YearValue[] = [];
  const actuals: YearValue[] = [];
  const effects: EffectCell[] = [];
  const notes: NoteMap = {};
  let rating: Item['rating'];
  let ratingCell: CellRef | undefined;
  for (const y of [...form.years].sort((a, b) => a.fy - b.fy)) {
    const at = (k: keyof FormYear['cells']) => y.cells[k];
    const t = at('target');
    const a = at('actual');
    if (t) {
      targets.push({ fy: y.fy, value: valueAt(v, t.row, t.col) });
      cells[yearKey('target', y.fy)] = ref(t);
    }
    if (a) {
      const val = valueAt(v, a.row, a.col);
      if (val.kind === 'number' || val.kind === 'text') actuals.push({ fy: y.fy, value: val });
      cells[yearKey('actual', y.fy)] = ref(a);
    }
    const r = at('rating');
    if (r) cells[yearKey('rating', y.fy)] = ref(r);
    for (const [k, kind] of [
      ['effectPlanned', 'planned'],
      ['effectActual', 'actual'],
    ] as const) {
      const p = at(k);
      if (!p) continue;
      effects.push({ fy: y.fy, kind, value: valueAt(v, p.row, p.col) });
      cells[yearKey(k, y.fy)] = ref(p);
    }
    if (y.fy !== reportFy) continue;
    if (r) {
      ratingCell = ref(r);
      const read = ratingOf(v.value(r.row, r.col), ratingCell, ctx.scale);
      if (read.rating) rating = read.rating;
      if (read.unread) notes.rating = read.unread;
    }
    const s = at('status');
    if (s) {
      cells[yearKey('status', y.fy)] = ref(s);
      const text = v.text(s.row, s.col);
      if (text) notes.status = text;
    }
  }
  // A loose form's values: each of the year its place states, else of the report year.
  const taken = new Set<string>();
  for (const d of form.dated ?? []) {
    const fy = d.fy ?? reportFy;
    const slot = `${d.key}:${fy ?? ''}`;
    if (taken.has(slot)) continue;
    taken.add(slot);
    const at = ref(d.at);
    if (fy !== undefined) cells[yearKey(d.key, fy)] = at;
    // A rating or a status with no year anywhere is still the sheet's own (FY001 says the year is missing).
    const current = d.fy === undefined || d.fy === reportFy;
    if (d.key === 'rating') {
      if (!current) continue;
      ratingCell = at;
      const read = ratingOf(v.value(d.at.row, d.at.col), at, ctx.scale);
      if (read.rating) rating = read.rating;
      if (read.unread) notes.rating = read.unread;
      continue;
    }
    if (d.key === 'status') {
      const text = v.text(d.at.row, d.at.col);
      if (current && text) notes.status = text;
      continue;
    }
    if (fy === undefined) continue;
    const value = valueAt(v, d.at.row, d.at.col);
    if (d.key === 'target') targets.push({ fy, value });
    else if (d.key === 'actual') {
      if (value.kind === 'number' || value.kind === 'text') actuals.push({ fy, value });
    } else effects.push({ fy, kind: d.key === 'effectPlanned' ? 'planned' : 'actual', value });
  }
  if (ratingCell) cells.rating = ratingCell;

  const baseline = valueOf('baseline');
  const finalTarget = valueOf('finalTarget');
  const lastFy = spec.period?.to ?? (form.years.length ? Math.max(...form.years.map((y) => y.fy)) : undefined);
  const unitText = form.cells.unit ? textAt('unit') : labelUnit(v, form);
  const indicator = buildIndicator({
    name: textAt('indicator'),
    ...(unitText !== undefined ? { unitText } : {}),
    ...(baseline
      ? { baseline: { value: baseline, ...((baseline.kind === 'number' && baseline.year !== undefined ? baseline.year : fs.baselineFy) !== undefined ? { fy: (baseline.kind === 'number' && baseline.year !== undefined ? baseline.year : fs.baselineFy)! } : {}) } }
      : {}),
    targets,
    ...(finalTarget ? { finalTarget: { value: finalTarget, ...(lastFy !== undefined ? { fy: lastFy } : {}) } } : {}),
    actuals,
    ...(indicatorAt ? { cell: ref(indicatorAt) } : {}),
  });

  const dept = readDepartments(textAt('department'));
  if (dept.related) notes.related = dept.related;
  const content = textAt('content');
  if (content) notes.content = content;
  const subLabel = Object.entries(form.labels).find(([n]) => fs.fields[n].values.some((x) => (typeof x === 'string' ? x : x.key) === 'effectPlannedSubtotal'));
  const unit = form.loose ? looseMoneyUnit({ view: v, form }) : ((subLabel && headerMoneyUnit(v.text(subLabel[1].row, subLabel[1].col))) ?? '千円');
  const eff = buildEffects(effects, unit, {
    ...(form.cells.effectPlannedSubtotal ? { planned: valueOf('effectPlannedSubtotal')! } : {}),
    ...(form.cells.effectActualSubtotal ? { actual: valueOf('effectActualSubtotal')! } : {}),
  });
  let policy = levelOf([textAt('policy'), textAt('policyName')].filter(Boolean).join(' '));
  if (!policy.key && fs.policyFromId) {
    // No 基本方針 label: the code's numbering says it (1-2 is under 1), else the item has none.
    const key = policyOfCode(textAt('id'));
    policy = key ? { key, name: `${spec.policyLabel ?? '基本方針'}${key}` } : { ...NO_POLICY };
  }
  const group = levelOf([textAt('group'), textAt('groupName')].filter(Boolean).join(' '));
  const row = (form.labels[Object.keys(fs.fields).find((n) => fs.fields[n].values.some((x) => (typeof x === 'string' ? x : x.key) === 'name')) ?? ''] ?? { row: 0 }).row;
  return {
    id: idText(textAt('id')) || v.name,
    policyKey: policy.key,
    policyName: policy.name,
    ...(group.key ? { groupKey: group.key, groupName: group.name } : {}),
    name: textAt('name').replace(/\s+/g, ' ').trim(),
    departments: dept.lead,
    indicators: [indicator],
    ...(eff ? { effects: eff } : {}),
    ...(reportFy !== undefined ? { reportFy } : {}),
    ...(rating ? { rating } : {}),
    ...(ratingCell ? { ratingCell } : {}),
    flags: [],
    ...(Object.keys(notes).length ? { notes } : {}),
    cells,
    source: { layout: spec.id, sheet: v.name, row },
  };
}

/** A unit a target or actual label states in brackets (目標値（件）), when the form has no 単位 cell; money units are amounts'. */
function labelUnit(v: SheetView, form: LocatedForm): string | undefined {
  for (const d of form.dated ?? []) {
    if (d.key !== 'target' && d.key !== 'actual') continue;
    const m = /[(（]\s*(?:単位\s*[:：]\s*)?([^()（）]{1,6}?)\s*[)）]\s*$/.exec(d.labelText.normalize('NFKC'));
    if (m && !headerMoneyUnit(d.labelText)) return m[1];
  }
  return undefined;
}

/** What a loose form calls its top level: the policy label as typed (施策の柱, 重点項目), years and units left out. */
function policyWord(fs: FormSpec, sheets: { view: SheetView; form: LocatedForm }[]): string | undefined {
  const field = Object.keys(fs.fields).find((n) => fs.fields[n].values.some((x) => (typeof x === 'string' ? x : x.key) === 'policy'));
  for (const { view, form } of sheets) {
    const at = field ? form.labels[field] : undefined;
    const word = at ? strippedKey(view.text(at.row, at.col)) : '';
    if (word) return word;
  }
  return undefined;
}
