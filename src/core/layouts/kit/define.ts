import type { SheetView } from '../../grid/sheet-view';
import type { SheetGrid, WorkbookGrid } from '../../grid/types';
import { FIELD_LABEL, type CellRules, type Field } from '../../model/fields';
import type { Item } from '../../model/plan';
import { text } from '../../rules/texts';
import { finding, type Finding } from '../../validation/finding';
import type { Label } from '../../validation/template';
import { DEFAULT_SCALE, fiscalYearLabel, inferScale, parseValue, scaleById, type Scale } from '../../values';
import type { FieldConfidence, LayoutRead, LayoutReader, ReadOptions, SheetDetection, TableAnchor } from '../types';
import { alignAnchors, anchorOf } from './anchor';
import { countRepostedOriginals, dropCopiedSheets, dedupe, policiesOf, qualifyBySection, qualifyRestartedNumbers, viewOf } from './shared';
import { findRoleColumn, joinSplitItems, roleRows } from './role-rows';
import { joinSupplementSheets } from './supplement';
import { defineForm, type FormHooks } from './form';
import { buildItem, DEPARTMENT_SHEET, NO_POLICY, type BuildContext } from './build';
import { applyTableUnit, applyUnitBelow, bandAt, findTable, hasDataBelow, type TableColumn, type TableMatch } from './find-table';
import { headerYear, LabelMatcher, strippedKey } from './labels';
import { chooseReportYear, type YearEvidence } from './report-year';
import { fieldRule, refieldColumns, walkSheet, type ItemRow, type SheetWalk, type TableWalk, type WalkOptions } from './rows';
import { readTraces, type Decided } from './trace';
import { legendScale } from '../../values/legend';
import { LayoutSpecSchema, type DataField, type LayoutSpec, type LayoutSpecInput, type TableSpec } from './spec';

/** Headers naming an effect amount without saying planned or achieved, in strippedKey form (units and years removed). */
const LONE_EFFECT = new Set(['効果額', '財政効果額', '削減効果額', '財政効果', '効果金額', '削減額'].map(strippedKey));

/**
 * Headers naming one part of an effect amount, each in a column of its own (歳入増加額 | 歳出削減額,
 * 効果額(歳入) | 効果額(歳出)): which part, in strippedKey form.
 */
function effectPart(c: TableColumn): 'revenue' | 'spending' | undefined {
  const k = strippedKey(c.label);
  const m = /^(歳入|歳出)(?:増加|確保|増|削減|抑制|縮減|節減)?(?:効果)?額$/.exec(k) ?? /^(?:財政)?(?:効果|削減)(?:額|金額)?\(?(歳入|歳出)(?:分)?\)?$/.exec(k);
  return m ? (m[1] === '歳入' ? 'revenue' : 'spending') : undefined;
}

/** A column the values of which decide whether it is read as the effect (promoteEffect): an edit in it can change every item. */
export const mayBeLoneEffect = (c: TableColumn): boolean => LONE_EFFECT.has(strippedKey(c.label)) || effectPart(c) !== undefined;

/**
 * defineLayout(spec, hooks) → a layout reader: detection with its score and reasons, reading with
 * one walk per sheet, the report year by evidence, the rating scale stated or inferred, items built
 * by the one set of rules. Hooks are for a city's real quirks only.
 */

export interface HookContext {
  wb: WorkbookGrid;
  spec: LayoutSpec;
  scale: Scale;
  reportFy?: number;
  findings: Finding[];
  opts: ReadOptions;
  /** A hook's own bookkeeping for this read (numbering within groups …), fresh each read. */
  state: Map<string, unknown>;
}

export interface LayoutHooks {
  /** Sheets the layout reads besides its tables (a 目次, a 7×3 grid): found and read here. */
  sheets?: {
    detect(view: SheetView): SheetDetection | undefined;
    read(view: SheetView, ctx: HookContext): void;
  };
  /** What a row is when the spec's rules cannot say (a caption row, a mark on the rows below, a row to skip). */
  row?: WalkOptions['row'];
  /** Sections a sheet starts in before any heading (a sheet named for its policy). */
  start?(view: SheetView): WalkOptions['start'];
  /** One item as the kit built it: a hook may set what is the city's own (its code, KPIs in text, classes); false drops the row. */
  item?(item: Item, row: ItemRow, ctx: HookContext & { table: TableWalk }): void | false;
  /** After every sheet is read: links across items (【再掲】 originals, the 目次's authority). */
  after?(read: LayoutRead, ctx: HookContext): void;
  /** A form layout's hooks (the spec has `form`, not tables). */
  form?: FormHooks;
  /**
   * What the cells under a found header say of whether the sheet is this city's, 0..1 (1: nothing
   * against): a city's own policies or codes, where other cities use the same column words.
   */
  evidence?(view: SheetView, band: TableMatch): number;
}

export interface KitLayout extends LayoutReader {
  spec: LayoutSpec;
}

/** Key fields whose absence a layout read without configuration mentions (LAY006). */
const KEY_FIELDS: DataField[] = ['indicator', 'target', 'actual', 'rating', 'department'];
const ACCEPT = 0.5;

interface Compiled {
  spec: TableSpec;
  labels: LabelMatcher;
}

/** Names of sheets that show how to fill a table in, never hold the plan's items. */
const EXAMPLE_SHEET = /記入例|記載例|入力例|作成例|記入見本|記入方法|^\s*(?:例|見本|サンプル)\s*$/;

export function isExampleSheet(name: string): boolean {
  return EXAMPLE_SHEET.test(name.normalize('NFKC'));
}

/** The one fiscal year these names state (a year mark is needed: 2024年度, R6, 令和6年度, FY2024), if they state one. */
function namedYear(names: string[]): number | undefined {
  const years = new Set<number>();
  for (const n of names) {
    if (!/年度|年|[RHＲＨ令平]\s*[0-9０-９元]|FY/i.test(n)) continue;
    const fy = headerYear(n);
    if (fy !== undefined) years.add(fy);
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** A plan period (令和3年度～令和7年度, R3～7年度): the years of a plan, not one sheet's year. */
const YEAR_RANGE = /[0-9０-９元]\s*(?:年度)?\s*[～〜~－-]\s*(?:令和|平成|[RHＲＨ])?\s*[0-9０-９]/;

/** A sheet's own year: the first year its title states (令和5年度 取組状況), else its name's (R5実績). */
function sheetYear(view: SheetView, walk: SheetWalk): number | undefined {
  for (const line of walk.title) {
    if (!/年度/.test(line) || YEAR_RANGE.test(line)) continue;
    const fy = headerYear(line);
    if (fy !== undefined) return fy;
  }
  return namedYear([view.name]);
}

/** A level's name from its column header, as a summary heads it: units and years out, and an English gloss beside the Japanese (基本方針 Policy). */
function levelLabel(header: string): string {
  const k = strippedKey(header) || header;
  return /[^ -~]/.test(k) ? k.replace(/[A-Za-z][A-Za-z.\s]*/g, '').trim() || k : k;
}

/** Sheets named for last year (前年度, 昨年度): last year's copy beside this year's. */
const LAST_YEAR_SHEET = /(?:前年度|昨年度|前年)(?!比)/;

/**
 * Sheets of another year than the report year, when the workbook also has the report year's: sheets
 * stating different years keep the asked year's (else the latest), and a sheet named 前年度 gives way
 * to any other. Sheets that state no year are kept. None is dropped when all would be.
 */
function otherYearSheets(walks: { view: SheetView; walk: SheetWalk }[], asked: number | undefined): { walk: { view: SheetView; walk: SheetWalk }; year: Label }[] {
  const dated = walks.map((w) => ({ w, fy: sheetYear(w.view, w.walk) }));
  const years = new Set(dated.map((d) => d.fy).filter((fy): fy is number => fy !== undefined));
  const out: { walk: { view: SheetView; walk: SheetWalk }; year: Label }[] = [];
  if (years.size > 1) {
    const target = asked !== undefined && years.has(asked) ? asked : Math.max(...years);
    for (const d of dated) if (d.fy !== undefined && d.fy !== target) out.push({ walk: d.w, year: { ja: fiscalYearLabel(d.fy, 'ja'), en: fiscalYearLabel(d.fy, 'en') } });
  }
  const kept = walks.filter((w) => !out.some((o) => o.walk === w));
  const last = kept.filter((w) => LAST_YEAR_SHEET.test(w.view.name));
  if (last.length && last.length < kept.length) for (const w of last) out.push({ walk: w, year: { ja: '前年度', en: 'last year' } });
  return out.length < walks.length ? out : [];
}

export function defineLayout(input: LayoutSpecInput | LayoutSpec, hooks: LayoutHooks = {}): KitLayout {
  const spec = LayoutSpecSchema.parse(input);
  if (spec.form) return defineForm(spec, hooks.form);
  const tables: Compiled[] = spec.tables.map((t) => ({ spec: t, labels: new LabelMatcher(t) }));

  const visible = (g: SheetGrid) => spec.detect.hidden || (g.visibility ?? 'visible') === 'visible';

  function firstTable(view: SheetView): { index: number; band: TableMatch } | undefined {
    let best: { index: number; band: TableMatch; score: number } | undefined;
    tables.forEach((t, index) => {
      const band = findTable(view, t.labels);
      if (!band) return;
      const score = scoreOf(view, t.spec, band);
      if (!best || score > best.score || (score === best.score && band.headerRows[0] < best.band.headerRows[0])) best = { index, band, score };
    });
    return best;
  }

  /** The table a walk starts at: the top-most of the layout's tables (the best scored decides detection only). */
  function topTable(view: SheetView): { index: number; band: TableMatch } | undefined {
    let top: { index: number; band: TableMatch } | undefined;
    tables.forEach((t, index) => {
      const band = findTable(view, t.labels);
      if (band && (!top || band.headerRows[0] < top.band.headerRows[0])) top = { index, band };
    });
    return top;
  }

  /** The first band of the layout's labels in the rows searched, whatever fields it lacks. */
  function headerWithout(view: SheetView, t: Compiled): TableMatch | undefined {
    for (let r = 0; r < Math.min(view.rowCount, t.spec.header.search); r++) {
      const band = bandAt(view, t.labels, r);
      if (band && band.found.size >= 2) return band;
    }
    return undefined;
  }

  function scoreOf(view: SheetView, t: TableSpec, band: TableMatch): number {
    const { base } = spec.detect;
    const max = Math.min(spec.detect.max, t.maxScore ?? 1);
    const need = spec.detect.need ?? Math.max(1, t.expected.length);
    const evidence = t.expected.map((f) => band.found.get(f) ?? 0).sort((a, b) => b - a);
    const got = evidence.slice(0, Math.ceil(need)).reduce((s, x) => s + x, 0);
    let score = t.expected.length === 0 ? max : base + (max - base) * Math.min(1, got / need);
    score -= 0.05 * band.ambiguous.length;
    const nameCol = band.columns.find((c) => c.field === 'name');
    if (nameCol && !hasDataBelow(view, band.headerRows[band.headerRows.length - 1], nameCol.col)) score *= 0.5;
    if (hooks.evidence) score *= hooks.evidence(view, band);
    return Math.max(0, Math.min(max, Math.round(score * 100) / 100));
  }

  function reasonOf(t: TableSpec, band: TableMatch, score: number): Label {
    const hits = band.columns.filter((c) => c.field !== 'ignore');
    const wanted = new Set([...t.required, ...t.expected, ...t.oneOf.flat()]);
    const found = [...band.found.keys()].filter((f) => wanted.has(f)).length;
    return text('detected', {
      hits: hits.map((c) => ({ ja: `「${c.label}」→${FIELD_LABEL[c.field].ja}`, en: `"${c.label}" → ${FIELD_LABEL[c.field].en}` })),
      found: wanted.size ? found : hits.length,
      wanted: wanted.size || hits.length,
      rows: band.headerRows.length,
      score: score.toFixed(2),
    });
  }

  function detect(wb: WorkbookGrid): SheetDetection[] {
    const out: SheetDetection[] = [];
    for (const grid of wb.sheets) {
      if (!visible(grid)) continue;
      if (spec.sheet !== undefined && grid.name !== spec.sheet) continue;
      // A sheet named 記入例 shows how to fill the table in: its rows are not items (a form layout tells its template by more signs).
      if (!spec.form && isExampleSheet(grid.name)) continue;
      const view = viewOf(grid);
      const other = hooks.sheets?.detect(view);
      if (other) {
        out.push(other);
        continue;
      }
      const first = firstTable(view);
      if (!first) continue;
      const score = scoreOf(view, tables[first.index].spec, first.band);
      if (score > 0) out.push({ sheet: grid.name, score, reason: reasonOf(tables[first.index].spec, first.band, score) });
    }
    return out;
  }

  function read(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
    const findings: Finding[] = [];
    const names = opts.sheets ?? detect(wb).filter((d) => d.score >= ACCEPT).map((d) => d.sheet);
    const ctx: HookContext = { wb, spec, scale: DEFAULT_SCALE, findings, opts, state: new Map() };
    const walks: { view: SheetView; walk: SheetWalk }[] = [];
    const hookedSheets: string[] = [];

    for (const name of names) {
      const grid = wb.sheets.find((s) => s.name === name);
      if (!grid) {
        findings.push(finding('LAY017', { sheet: name }, { sheet: name }));
        continue;
      }
      const view = viewOf(grid);
      if (hooks.sheets?.detect(view)) {
        hookedSheets.push(name);
        hooks.sheets.read(view, ctx);
        continue;
      }
      const first = topTable(view);
      if (!first) {
        // A header of this layout without a column it cannot do without says which; anything else is no table at all.
        const partial = tables.map((t) => ({ t, band: headerWithout(view, t) })).find((x) => x.band);
        if (partial?.band) {
          const missing = [...partial.t.spec.required.filter((f) => !partial.band!.found.has(f)), ...partial.t.spec.oneOf.filter((g) => !g.some((f) => partial.band!.found.has(f))).map((g) => g[0])];
          findings.push(finding('LAY004', writableHeader(view, partial.band.headerRows[0], partial.band.columns[0]?.col ?? 0), { sheet: name, fields: missing.map((f) => fieldName(partial.t.spec, f)) }));
        } else findings.push(finding('LAY003', { sheet: name, address: 'A1' }, { sheet: name, layout: spec.label, reason: NO_TABLE }));
        continue;
      }
      // Items are rows with a name: a table found without a name column (a saved layout that names none, read on
      // another sheet) has none to read.
      if (!first.band.columns.some((c) => c.field === 'name')) {
        findings.push(finding('LAY004', writableHeader(view, first.band.headerRows[0], first.band.columns[0]?.col ?? 0), { sheet: name, fields: [fieldName(tables[first.index].spec, 'name')] }));
        continue;
      }
      const start = hooks.start?.(view);
      walks.push({ view, walk: walkSheet(view, { specs: tables, first, ...(hooks.row ? { row: hooks.row } : {}), ...(start ? { start } : {}) }) });
    }

    // A workbook that keeps last year's sheet beside this year's (令和5年度 | 令和6年度, 前年度 | 今年度): the report year's only.
    for (const other of otherYearSheets(walks, opts.reportFy)) {
      walks.splice(walks.indexOf(other.walk), 1);
      findings.push(finding('LAY026', { sheet: other.walk.view.name, address: 'A1' }, { sheet: other.walk.view.name, year: other.year }));
    }

    // With no configuration, a column whose values are a rating scale's symbols is the rating (取組結果: 完了/一部実施/その他).
    const promoted = new Map<TableColumn, Label>();
    for (const { view, walk } of walks) {
      for (const tw of walk.tables) {
        promoteRoles(view, tw, findings);
        promoteRating(view, tw, promoted);
        promoteEffect(view, tw, promoted);
        const last = tw.items.at(-1);
        if (last) applyUnitBelow(view, Math.max(last.row.row, ...last.more.map((m) => m.row)), tw.table.columns);
      }
    }

    const decided = decide(walks, opts, wb.name);
    const { scale, year } = decided;
    findings.push(...decided.findings);
    ctx.scale = scale;
    ctx.reportFy = year;

    const items: Item[] = [];
    const anchors: TableAnchor[] = [];
    const fields: FieldConfidence[] = [];
    for (const { view, walk } of walks) {
      reportColumns(view, walk, findings, fields, promoted);
      if (walk.firstItemWithoutPolicy) {
        const r = walk.firstItemWithoutPolicy;
        const policyRule = walk.tables[0] ? tableSpecOf(walk.tables[0]).headings.rules.find((h) => h.level === 'policy') : undefined;
        findings.push(finding('LAY010', r.ref(r.col('name')!), { level: spec.policyLabel ?? walk.sectionLabel ?? policyRule?.match ?? '基本方針' }));
      }
      let sheetItems = 0;
      for (const tw of walk.tables) {
        const rowOfItem: Record<string, number> = {};
        const dataRows: number[] = [];
        // Made once per table, not per item.
        const made = contextsOf(tw, ctx);
        for (const ir of tw.items) {
          const item = itemOf(ir, made);
          if (!item) continue;
          items.push(item);
          rowOfItem[item.id] = ir.row.row;
          dataRows.push(ir.row.row);
        }
        sheetItems += tw.items.length;
        const owned: Record<string, number> = {};
        for (const c of tw.table.columns) if (c.owned && owned[c.owned] === undefined) owned[c.owned] = c.col;
        anchors.push(anchorOf(view, tw.table.headerRows, dataRows.sort((a, b) => a - b), owned, rowOfItem));
      }
      if (sheetItems === 0 && walk.tables[0]) {
        const t = walk.tables[0].table;
        const nameCol = t.columns.find((c) => c.field === 'name');
        findings.push(finding('LAY008', view.ref(t.headerRows[t.headerRows.length - 1], nameCol?.col ?? 0), { sheet: view.name }));
      }
    }
    // A sheet copied within the workbook (取組項目一覧 (2), バックアップ) is read once, not twice.
    const copies = dropCopiedSheets(items, findings);
    for (let i = anchors.length - 1; i >= 0; i--) if (copies.has(anchors[i].sheet)) anchors.splice(i, 1);
    // A layout nobody configured, or one saved from it: its sheets may number from 1 each, or repeat items.
    if (spec.id === 'generic' || walks.every((w) => w.walk.tables.every((tw) => tableSpecOf(tw).partial))) {
      qualifyRestartedNumbers(items);
      qualifyBySection(items);
      countRepostedOriginals(items, findings);
      joinSupplementSheets(items, findings);
    }
    dedupe(items, findings);
    // Items are keyed by their final ids only now (duplicates renamed), so fix the anchors' keys.
    const rowOf = new Map(items.map((i) => [`${i.source.sheet}|${i.source.row}`, i.id]));
    for (const a of anchors) a.rowOfItem = Object.fromEntries(Object.values(a.rowOfItem).map((r) => [rowOf.get(`${a.sheet}|${r}`) ?? '', r]).filter(([k]) => k !== ''));

    const columns = walks.flatMap((w) => w.walk.tables).flatMap((t) => t.table.columns);
    const policyCol = columns.find((c) => c.field === 'policy');
    // A group column that gave the top level (build.ts: no 基本方針 column, heading or code) names it.
    const groupCol = columns.find((c) => c.field === 'group');
    const groupIsTop = !policyCol && groupCol && items.length > 0 && items.every((i) => i.groupKey === undefined) && items.some((i) => i.policyKey !== NO_POLICY.key);
    const read: LayoutRead = {
      layout: spec.id,
      policyLabel:
        spec.policyLabel ??
        (policyCol ? levelLabel(policyCol.label) : undefined) ??
        (groupIsTop ? levelLabel(groupCol.label) : undefined) ??
        walks.find((w) => w.walk.sectionLabel)?.walk.sectionLabel ??
        // Headings that are all departments (■ 総務部, ■ 財務部) group the items by department, not by 基本方針.
        (spec.tables.every((t) => t.partial) && items.length && items.every((i) => i.policyKey !== NO_POLICY.key && DEPARTMENT_SHEET.test(i.policyName.replace(/^[■□●○◆◇・\s]+/, ''))) ? '部局' : undefined) ??
        '基本方針',
      policies: policiesOf(spec.policies, items),
      items,
      findings,
      tables: alignAnchors(anchors),
      ...(year !== undefined ? { reportFy: year } : {}),
      scale,
      cellRules: { [spec.id]: cellRulesOf(spec) },
      fields,
      ...(spec.rulePack ? { rulePack: spec.rulePack } : {}),
    };
    if (opts.trace) readTraces.set(read, {
      spec,
      tables,
      walks,
      hookedSheets,
      ctx,
      after: !!hooks.after,
      ...(hooks.row ? { row: hooks.row } : {}),
      ...(hooks.start ? { start: hooks.start } : {}),
      decided,
      decide: (w) => decide(w, opts, wb.name),
      decidedDespite: (c, before, after) => decidedDespite(c, before, after, decided, opts),
      itemOf: (ir, tw, c) => itemOf(ir, contextsOf(tw, c)),
    });
    hooks.after?.(read, ctx);
    return read;
  }

  /** The scale (stated by the layout, else what the rating cells hold) and the report year, with the findings deciding them made. */
  function decide(walks: { view: SheetView; walk: SheetWalk }[], opts: ReadOptions, bookName?: string): Decided {
    const findings: Finding[] = [];
    const stated = opts.scale ?? (typeof spec.scale === 'string' ? scaleById(spec.scale) : spec.scale);
    let scale = stated ?? DEFAULT_SCALE;
    if (!stated) {
      const guess = inferFromWalks(walks);
      if (guess) {
        scale = guess.scale;
        if (scale.id !== DEFAULT_SCALE.id) findings.push(finding('LAY019', guess.at, { scale: scale.label, values: guess.values }));
      }
    }
    const year = decideYear(walks, opts, findings, bookName);
    return { scale, ...(year !== undefined ? { year } : {}), findings };
  }

  /**
   * Whether decide() surely decides as it did when one cell of column `c` on an item's own row goes
   * from `before` to `after` (texts), so it need not run again: the scale reads ratings only when
   * none is stated; the year counts, per dated column of entries, the items with something typed,
   * and points at the entries of years after the one chosen (FY004, with their text).
   */
  function decidedDespite(c: TableColumn, before: string, after: string, decided: Decided, opts: ReadOptions): boolean {
    const stated = opts.scale ?? spec.scale;
    if (c.field === 'rating' && !stated) return false;
    if (!YEAR_EVIDENCE.includes(c.field) || c.fy === undefined) return true;
    return before !== '' && after !== '' && decided.year !== undefined && c.fy <= decided.year;
  }

  /** What building a table walk's items needs: the kit's context and the hook's. */
  function contextsOf(tw: TableWalk, ctx: HookContext): { bctx: BuildContext; tctx: HookContext & { table: TableWalk } } {
    return {
      bctx: {
        layout: spec.id,
        spec: tableSpecOf(tw),
        scale: ctx.scale,
        ...(ctx.reportFy !== undefined ? { reportFy: ctx.reportFy } : {}),
        ...(tw.table.roles !== undefined ? { roles: tw.table.roles } : {}),
      },
      tctx: { ...ctx, table: tw },
    };
  }

  /** One item of a table walk: the kit's build, then the layout's hook (false drops the row). */
  function itemOf(ir: ItemRow, { bctx, tctx }: ReturnType<typeof contextsOf>): Item | undefined {
    const item = buildItem(ir, bctx);
    return hooks.item?.(item, ir, tctx) === false ? undefined : item;
  }

  function tableSpecOf(tw: TableWalk): TableSpec {
    return tables[tw.specIndex].spec;
  }

  function inferFromWalks(walks: { view: SheetView; walk: SheetWalk }[]) {
    const values: string[] = [];
    let at: { sheet: string; address: string } | undefined;
    let header = '';
    for (const { view, walk } of walks) {
      for (const tw of walk.tables) {
        for (const c of tw.table.columns.filter((x) => x.field === 'rating')) {
          at ??= view.ref(tw.table.headerRows[tw.table.headerRows.length - 1], c.col);
          header ||= c.label;
          for (const ir of tw.items) {
            const t = view.text(ir.row.row, c.col);
            if (t) values.push(t);
          }
        }
      }
    }
    const guess = inferScale(values, header);
    // The sheet's own legend (評価基準 4：… 3：… 2：… 1：…), when no scale of the library has its grades.
    const legend = at ? legendScale(legendTexts(walks), values) : undefined;
    if (legend && at && (!guess || guess.unread.length > 0 || guess.scale.symbols.length !== legend.symbols.length)) {
      return { scale: legend, confidence: 1, values: guess?.values ?? values, unread: [], at };
    }
    return guess && at ? { ...guess, at } : undefined;
  }

  /** Texts where a sheet prints its rating legend: the title block, and the header rows and the rows just under them (legend cells beside the table). */
  function legendTexts(walks: { view: SheetView; walk: SheetWalk }[]): string[] {
    const out: string[] = [];
    for (const { view, walk } of walks) {
      out.push(...walk.title);
      for (const tw of walk.tables.slice(0, 1)) {
        const last = tw.table.headerRows[tw.table.headerRows.length - 1];
        for (let r = tw.table.headerRows[0]; r <= last + 3 && r < view.rowCount; r++) for (const c of view.rowCells(r)) if (/[:：]/.test(c.text)) out.push(c.text);
      }
    }
    return out;
  }

  function decideYear(walks: { view: SheetView; walk: SheetWalk }[], opts: ReadOptions, findings: Finding[], bookName?: string): number | undefined {
    const evidence = new Map<number, YearEvidence>();
    const columnYears = new Set<number>();
    let undated: { sheet: string; address: string } | undefined;
    // An undated value column (実績, 効果額) is read for whatever year is chosen; undated ratings and texts follow.
    let undatedValue = false;
    let yearCell: { sheet: string; address: string } | undefined;
    let title: number | undefined;
    for (const { view, walk } of walks) {
      if (title === undefined) {
        for (const line of walk.title) {
          // 令和5年度の取組結果, or a date the report stands at (平成19年9月末現在 → 2007).
          if (!/年度|年\s*[0-9０-９]{1,2}\s*月/.test(line)) continue;
          const fy = headerYear(line);
          if (fy !== undefined) {
            title = fy;
            break;
          }
        }
      }
      for (const tw of walk.tables) {
        const head = tw.table.headerRows[tw.table.headerRows.length - 1];
        for (const c of tw.table.columns) {
          // In a table of plan and result rows (LAY021) a year's column holds values: its result rows say the year is reported.
          if (tw.table.roles !== undefined && c.yearOnly && c.fy !== undefined) {
            columnYears.add(c.fy);
            const e = evidence.get(c.fy) ?? { fy: c.fy, items: 0, cells: [] };
            for (const ir of tw.items) {
              const hit = roleRows(ir, tw.table.roles)?.actual;
              if (!hit || view.text(hit.row, c.col) === '') continue;
              e.items++;
              e.cells.push({ cell: hit.ref(c), item: view.text(ir.row.row, ir.row.col('name')!.col), raw: view.text(hit.row, c.col) });
            }
            evidence.set(c.fy, e);
            continue;
          }
          if (!['actual', 'rating', 'status', 'effectActual', 'target', 'effectPlanned'].includes(c.field)) continue;
          if (c.fy === undefined) {
            undated ??= view.ref(head, c.col);
            if (['actual', 'effectActual', 'target', 'effectPlanned'].includes(c.field)) undatedValue = true;
            continue;
          }
          yearCell ??= yearHeaderCell(view, tw.table.headerRows, c.col, c.fy);
          if (!YEAR_EVIDENCE.includes(c.field)) continue;
          columnYears.add(c.fy);
          const e = evidence.get(c.fy) ?? { fy: c.fy, items: 0, cells: [] };
          for (const ir of tw.items) {
            const rows = [ir.row, ...ir.more];
            const hit = rows.find((r) => view.text(r.row, c.col) !== '');
            if (!hit) continue;
            e.items++;
            e.cells.push({ cell: hit.ref(c), item: view.text(ir.row.row, ir.row.col('name')!.col), raw: view.text(hit.row, c.col) });
          }
          evidence.set(c.fy, e);
        }
      }
    }
    // No title with a year: the sheets' names (R6取組状況, 令和6年度) when they name one year, else the
    // file's (令和6年度_取組状況.xlsx), date the columns that name none, as a title would.
    let titled: Label = { ja: '表題', en: 'the title' };
    if (title === undefined && undated) {
      const named = namedYear(walks.map((w) => w.view.name));
      const file = bookName === undefined ? undefined : namedYear([bookName.replace(/^.*[\\/]/, '')]);
      if (named !== undefined) [title, titled] = [named, { ja: 'シート名', en: 'the sheet name' }];
      else if (file !== undefined) [title, titled] = [file, { ja: 'ファイル名', en: 'the file name' }];
    }
    const asked = opts.reportFy;
    const sheetChoice = chooseReportYear({
      evidence: [...evidence.values()].map((e) => ({ ...e, items: new Set(e.cells.map((c) => `${c.cell.sheet}|${c.item}`)).size })),
      columnYears: [...columnYears],
      // A title's year dates only columns that name none (a plan's title names its period, not a report year).
      ...(title !== undefined && undated ? { title } : {}),
      ...(spec.fy !== undefined ? { layout: spec.fy } : {}),
    });
    const head = walks[0] ? walks[0].view.ref(walks[0].walk.tables[0].table.headerRows[0], 0) : { sheet: '', address: '' };
    if (asked !== undefined) {
      // The sheet has columns for other years only: its own year is read, and the user is told.
      if (!undatedValue && columnYears.size && !columnYears.has(asked) && sheetChoice.fy !== undefined) {
        findings.push(finding('FY003', yearCell ?? head, { chosen: asked, sheetFy: sheetChoice.fy }));
        return sheetChoice.fy;
      }
      return asked;
    }
    for (const e of sheetChoice.early) {
      findings.push(finding('FY004', e.cell, { item: e.item ?? '', fy: e.fy, raw: e.raw, reportFy: sheetChoice.fy }));
    }
    if (undated && sheetChoice.source === 'title') findings.push(finding('FY002', undated, { fy: sheetChoice.fy, source: titled }));
    if (undated && sheetChoice.fy === undefined) findings.push(finding('FY001', undated, {}));
    return sheetChoice.fy;
  }

  /**
   * A synonym table without a rating column: a status-like column whose values are nearly all the
   * symbols of one scale (short words, not sentences) is the rating column.
   */
  function promoteRating(view: SheetView, tw: TableWalk, promoted: Map<TableColumn, Label>): void {
    if (!tableSpecOf(tw).partial || tw.table.found.has('rating') || tw.items.length === 0) return;
    let best: { col: TableColumn; read: number; scale: string } | undefined;
    for (const c of tw.table.columns) {
      if (!(c.field === 'status' || (c.field === 'ignore' && !c.axis && !c.owned && !c.yearOnly))) continue;
      const values = tw.items.map((ir) => view.text(ir.row.row, c.col)).filter((v) => v !== '');
      if (values.length < Math.max(3, tw.items.length * 0.5)) continue;
      if (values.filter((v) => [...v].length <= 10).length < values.length * 0.9) continue;
      const guess = inferScale(values, c.label);
      if (!guess || guess.confidence < 0.9) continue;
      if (!best || values.length > best.read) best = { col: c, read: values.length, scale: guess.scale.label.ja };
    }
    if (!best) return;
    best.col.field = 'rating';
    best.col.strength = 1;
    tw.table.found.set('rating', 1);
    refieldColumns(tw.table);
    promoted.set(best.col, text('fieldByValues', { header: best.col.label, scale: best.scale }));
  }

  /**
   * With no configuration, items written on a plan row and a result row (区分: 目標 / 実績) are read
   * by row (role-rows.ts); the column that tells them apart is no 基本方針 or group, whatever its header.
   */
  function promoteRoles(view: SheetView, tw: TableWalk, findings: Finding[]): void {
    const t = tableSpecOf(tw);
    if (!t.partial && !t.roleRows) return;
    const found = findRoleColumn(view, tw);
    if (!found) return;
    const { column: c } = found;
    if (c.field !== 'ignore' && tw.table.columns.filter((x) => x.field === c.field).length === 1) tw.table.found.delete(c.field as DataField);
    c.field = 'ignore';
    tw.table.roles = c.col;
    joinSplitItems(view, tw, c.col);
    refieldColumns(tw.table);
    const head = tw.table.headerRows[tw.table.headerRows.length - 1];
    findings.push(finding('LAY021', view.ref(head, c.col), { header: c.label.replace(/\s+/g, ' ') || view.ref(head, c.col).address, planned: found.planned, actual: found.actual }));
  }

  /**
   * With no configuration, a table's one amount column headed only 効果額 (財政効果額（千円）) is the
   * year's effect: achieved on a results table (one with ratings or actuals), planned on a plan's list.
   * Two such columns say nothing about which is which, and stay unread.
   */
  function promoteEffect(view: SheetView, tw: TableWalk, promoted: Map<TableColumn, Label>): void {
    const t = tw.table;
    if (!tableSpecOf(tw).partial || t.found.has('effectPlanned') || t.found.has('effectActual') || tw.items.length === 0) return;
    const lone = t.columns.filter((c) => c.field === 'ignore' && !c.axis && !c.owned && !c.yearOnly && mayBeLoneEffect(c));
    // One such column, or one per year (R5効果額 | R6効果額): each year's column is that year's effect.
    // A year's amount may be typed in two parts instead (歳入増加額 | 歳出削減額): their sum is the effect.
    const byYear = new Map<number | undefined, TableColumn[]>();
    for (const c of lone) byYear.set(c.fy, [...(byYear.get(c.fy) ?? []), c]);
    const isPair = (cs: TableColumn[]) => cs.length === 2 && new Set(cs.map(effectPart)).size === 2 && cs.every((c) => effectPart(c) !== undefined);
    if (lone.length === 0 || (byYear.size > 1 && byYear.has(undefined)) || [...byYear.values()].some((cs) => cs.length > 1 && !isPair(cs))) return;
    const numeric = (c: TableColumn) => {
      const typed = tw.items.map((ir) => parseValue(view.value(ir.row.row, c.col))).filter((v) => v.kind !== 'blank');
      return typed.filter((v) => v.kind === 'number').length >= typed.length * 0.8;
    };
    if (!lone.every(numeric)) return;
    const field: DataField = t.found.has('rating') || t.found.has('actual') ? 'effectActual' : 'effectPlanned';
    for (const c of lone) {
      c.field = field;
      c.strength = 1;
      promoted.set(c, text(lone.length === 1 ? 'fieldLoneEffect' : 'fieldYearEffect', { header: c.label, field: FIELD_LABEL[field] }));
    }
    const pairs = [...byYear.values()].filter((cs) => cs.length === 2);
    // A new list, not a change to the old one: what was worked out from the old one (build.ts) stays right.
    if (pairs.length) t.ambiguous = [...t.ambiguous, ...pairs.map((cs) => ({ field, cols: cs.map((c) => c.col).sort((a, b) => a - b), split: true }))];
    t.found.set(field, 1);
    refieldColumns(t);
    applyTableUnit(view, t.headerRows[0], lone);
  }

  function reportColumns(view: SheetView, walk: SheetWalk, findings: Finding[], fields: FieldConfidence[], promoted: Map<TableColumn, Label>): void {
    const first = walk.tables[0];
    if (!first) return;
    const t = tableSpecOf(first);
    const band = first.table;
    const headerLast = band.headerRows[band.headerRows.length - 1];
    const at = (c: number) => view.ref(headerLast, c);
    // Missing columns are said at the item-name header, where a person looks for the table.
    const nameCol = band.columns.find((c) => c.field === 'name') ?? band.columns[0];
    const nameAt = nameCol ? labelCell(view, band.headerRows, nameCol.col, nameCol.label) : view.ref(band.headerRows[0], 0);
    const missing = t.expected.filter((f) => !band.found.has(f));
    if (spec.missing === 'warn' && missing.length) findings.push(finding('LAY005', nameAt, { fields: missing.map((f) => fieldName(t, f)) }));
    // A sheet named for a department gives its items that department (build.ts): no column is missing then.
    // Plan and result rows (LAY021) give the targets and actuals of the year columns.
    const byRole = (f: DataField) => band.roles !== undefined && (f === 'target' || f === 'actual');
    const key = KEY_FIELDS.filter((f) => !band.found.has(f) && !byRole(f) && !(f === 'department' && DEPARTMENT_SHEET.test(view.name)));
    if (spec.missing === 'advise' && key.length) findings.push(finding('LAY006', nameAt, { fields: key.map((f) => FIELD_LABEL[f]) }));
    for (const s of band.superseded ?? []) {
      const label = (c: number) => band.columns.find((x) => x.col === c)!.label;
      findings.push(finding('LAY025', at(s.kept), { field: fieldName(t, s.field), header: label(s.kept), earlier: s.cols.map(label) }));
    }
    for (const a of band.ambiguous) {
      const labels = a.cols.map((c) => band.columns.find((x) => x.col === c)!.label);
      findings.push(finding(a.split ? 'LAY023' : 'LAY007', at(a.cols[1]), { field: fieldName(t, a.field), headers: labels, n: labels.length }));
    }
    for (const c of band.columns) {
      if ((c.field === 'effectPlanned' || c.field === 'effectActual') && c.unit && c.unit !== '千円') {
        findings.push(finding('LAY020', at(c.col), { header: c.label, unit: c.unit }));
      }
      if (c.field === 'ignore') continue;
      fields.push({
        sheet: view.name,
        field: c.field,
        header: c.label,
        col: c.col,
        confidence: c.strength || (c.yearOnly ? 1 : 0),
        reason: promoted.get(c) ?? confidenceReason(c.strength, c.label, c.field, c.yearOnly),
      });
    }
  }

  return { id: spec.id, label: spec.label, spec, detect, read, ...(spec.sample ? { sample: spec.sample } : {}) };
}

/** Dated columns whose entries are evidence of the year reported (a dated target or plan is not). */
const YEAR_EVIDENCE: Field[] = ['actual', 'rating', 'status', 'effectActual'];

const NO_TABLE = { ja: 'この様式の見出し行が見つかりません。', en: 'No header row of this layout was found.' };

/** A field as the city's layout calls it (its first label: 達成状況 for Isehara's rating), in English the field's name. */
function fieldName(t: TableSpec, f: DataField): Label {
  const label = fieldRule(t, f)?.labels[0]?.replace(/^\*|\*$/g, '');
  return { ja: label ?? FIELD_LABEL[f].ja, en: FIELD_LABEL[f].en };
}

/** The header cell where a column's label is written (a leaf merged down points at its top-left). */
function labelCell(view: SheetView, rows: number[], col: number, label: string) {
  const leaf = label.split(' ').pop() ?? label;
  for (const r of rows) if (view.text(r, col) === leaf) return writableHeader(view, r, col);
  return writableHeader(view, rows[0], col);
}

/** A header cell to point at: a merged header's top-left. */
function writableHeader(view: SheetView, row: number, col: number) {
  const m = view.merge(row, col);
  return m ? view.ref(m.top, m.left) : view.ref(row, col);
}

/** The header cell that states a column's year (the column's own, or the group above it). */
function yearHeaderCell(view: SheetView, rows: number[], col: number, fy: number) {
  for (const r of rows) if (headerYear(view.text(r, col)) === fy) return writableHeader(view, r, col);
  return writableHeader(view, rows[0], col);
}

function confidenceReason(strength: number, header: string, field: Field, yearOnly?: boolean): Label {
  if (yearOnly) return text('fieldYearOnly', { header });
  return text(strength >= 1 ? 'fieldExact' : 'fieldPartial', { header, field: FIELD_LABEL[field] });
}

function cellRulesOf(spec: LayoutSpec): CellRules {
  const out: CellRules = {};
  for (const t of spec.tables) {
    for (const field of Object.keys(t.fields) as DataField[]) {
      const r = fieldRule(t, field);
      if (r && (r.required || r.says)) out[field] = { ...(r.required ? { required: r.required } : {}), ...(r.says ? { says: true } : {}) };
    }
  }
  return out;
}

