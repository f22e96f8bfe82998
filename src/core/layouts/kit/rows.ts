import { headerKey, type SheetView } from '../../grid/sheet-view';
import type { CellRef } from '../../grid/types';
import type { Field } from '../../model/fields';
import { parseValue, type ParsedValue } from '../../values';
import { bandAt, hasRequired, type TableColumn, type TableMatch } from './find-table';
import { isYearOnly, type LabelMatcher } from './labels';
import { isNoteText, isTitleText, isTotalText, looksLikeHeading, Sections, type Level, type SectionLevel } from './sections';
import { ruleOf, type TableSpec } from './spec';

/**
 * The walk through one sheet for a layout's tables: which rows are headers (the first, and any
 * printed again further down), headings, notes and totals, item rows and the rows that continue an
 * item. It decides structure only; what the cells mean is item.ts's and build.ts's job.
 */

const NONE: TableColumn[] = [];
const byField = new WeakMap<TableMatch, Map<Field, TableColumn[]>>();

/** After a column's field changed (a rating found by its values), the table's columns by field are worked out again. */
export function refieldColumns(t: TableMatch): void {
  byField.delete(t);
}

/** A table's columns by field, worked out once per table rather than per row. */
function columnsOf(t: TableMatch): Map<Field, TableColumn[]> {
  let m = byField.get(t);
  if (!m) {
    m = new Map();
    for (const c of t.columns) m.set(c.field, [...(m.get(c.field) ?? []), c]);
    byField.set(t, m);
  }
  return m;
}

/** One row of a table, with its columns by field. */
export class RowView {
  constructor(
    readonly view: SheetView,
    readonly row: number,
    readonly table: TableMatch,
  ) {}

  columns(field: Field): TableColumn[] {
    return columnsOf(this.table).get(field) ?? NONE;
  }

  col(field: Field): TableColumn | undefined {
    return columnsOf(this.table).get(field)?.[0];
  }

  text(field: Field): string {
    const c = this.col(field);
    return c ? this.view.text(this.row, c.col) : '';
  }

  /** Texts of every column of a field that several columns may share (部局 + 所属名), blanks dropped. */
  texts(field: Field): string[] {
    return this.columns(field)
      .map((c) => this.view.text(this.row, c.col))
      .filter((t) => t !== '');
  }

  /** The text of a class column (基本姿勢). */
  classText(axis: string): string {
    const c = this.table.columns.find((x) => x.axis === axis);
    return c ? this.view.text(this.row, c.col) : '';
  }

  classCol(axis: string): TableColumn | undefined {
    return this.table.columns.find((x) => x.axis === axis);
  }

  value(c: TableColumn): ParsedValue {
    const m = this.view.merge(this.row, c.col);
    return parseValue(this.view.value(this.row, c.col), m ? this.view.ref(m.top, m.left) : this.view.ref(this.row, c.col));
  }

  /** The cell a write to this field goes to (a merge's top-left). */
  ref(c: TableColumn): CellRef {
    const m = this.view.merge(this.row, c.col);
    return m ? this.view.ref(m.top, m.left) : this.view.ref(this.row, c.col);
  }

  isFollower(c: TableColumn): boolean {
    return this.view.isMergeFollower(this.row, c.col);
  }
}

/** An item row with the sections and carried-down cells it was read under. */
export interface ItemRow {
  row: RowView;
  policy?: SectionLevel;
  group?: SectionLevel;
  caption?: SectionLevel;
  /** Texts carried down from the rows above for blank (or merged) cells. */
  carried: Partial<Record<Field, string>>;
  /** Rows below that continue this item (a second indicator, more schedule lines). */
  more: RowView[];
  /** Marks a hook set on rows above in the same table (湯沢 「◆…【再掲】」), nearest last. */
  marks: RowMark[];
}

/** A row a hook read as a mark on the rows below it in the same table. */
export interface RowMark {
  row: number;
  key: string;
  name: string;
}

/** What a layout's hook says a row is, when its rules cannot: a section heading, a mark on the rows below, or nothing to read. */
export type RowKind = { level: Level; key: string; name: string } | { mark: string; name: string } | 'skip';

/** One printing of a table: its header band and the items under it (a repeated header starts the next). */
export interface TableWalk {
  /** Which of the layout's table specs it is. */
  specIndex: number;
  table: TableMatch;
  /** Marks a hook set on rows of this table, in sheet order. */
  marks: RowMark[];
  items: ItemRow[];
  headerRows: number[];
}

export interface SheetWalk {
  tables: TableWalk[];
  /** Heading rows met before any item of the level they give, for LAY010. */
  firstItemWithoutPolicy?: RowView;
  /** The level word headings carried (重点改革項目), if any. */
  sectionLabel?: string;
  /** Texts above the first header (title block): a year or a unit may be stated there. */
  title: string[];
}

export interface WalkOptions {
  /** The layout's table specs, with their compiled labels: a header of any of them starts that table. */
  specs: { spec: TableSpec; labels: LabelMatcher }[];
  /** The first header found by detection (spec index and band). */
  first: { index: number; band: TableMatch };
  /** A hook may say what a row is (a heading, a mark, nothing) before it is read as data. */
  row?(view: SheetView, row: number, cells: { col: number; text: string }[]): RowKind | undefined;
  /** Sections a sheet starts in (a sheet named for its policy). */
  start?: { policy?: SectionLevel; group?: SectionLevel };
}

/** A level word and its number inside a title, with the name after it (not a range: 基本方針1～5). */
const LEVEL_IN_TITLE = /(?:基本方針|重点項目|重点取組|施策の柱|推進項目)\s*[0-9０-９ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,2}(?![0-9０-９～〜~\-－・、,])[\s\u3000:：.．]*[^\s\u3000～〜~].*$/;

/** Distinct cells of a row, each merge once at its left-most column. */
function distinctCells(view: SheetView, r: number): { col: number; text: string }[] {
  return view.rowCells(r);
}

export function walkSheet(view: SheetView, opts: WalkOptions): SheetWalk {
  const { specs, first } = opts;
  let current = { index: first.index, band: first.band };
  let spec = specs[current.index].spec;
  const colFor = (t: TableMatch, f: Field) => t.columns.find((c) => c.field === f);
  const sectionsFor = (t: TableMatch, s: TableSpec) => new Sections(s.headings, { policy: !!colFor(t, 'policy'), group: !!colFor(t, 'group') });
  let sections = sectionsFor(first.band, spec);
  if (opts.start?.policy) sections.policy = opts.start.policy;
  if (opts.start?.group) sections.group = opts.start.group;
  const title: string[] = [];
  const walk: SheetWalk = { tables: [], title };
  let tableWalk: TableWalk = { specIndex: first.index, table: first.band, items: [], headerRows: [...first.band.headerRows], marks: [] };
  walk.tables.push(tableWalk);

  const setLevel = (h: { level: Level; key: string; name: string }) => {
    if (h.level === 'policy') {
      sections.policy = { key: h.key, name: h.name };
      sections.group = undefined;
      sections.caption = undefined;
    } else if (h.level === 'group') {
      sections.group = { key: h.key, name: h.name };
      sections.caption = undefined;
    } else sections.caption = { key: h.key, name: h.name };
  };
  /** The hook's word on a row: true when it took the row (a heading, a mark, or nothing to read). */
  const hooked = (r: number, cells: { col: number; text: string }[]): boolean => {
    const kind = opts.row?.(view, r, cells);
    if (kind === undefined) return false;
    if (kind === 'skip') return true;
    if ('mark' in kind) tableWalk.marks.push({ row: r, key: kind.mark, name: kind.name });
    else setLevel(kind);
    return true;
  };
  const takeHeading = (text: string): boolean => sections.take(text) !== undefined;

  // Headings between the title and the first header (「●重点項目1 …」 then 「(1) …」) open the first section.
  const top = first.band.headerRows[0];
  for (let r = 0; r < top; r++) {
    const cells = distinctCells(view, r);
    if (cells.length === 0) continue;
    const text = cells.map((c) => c.text).join(' ');
    title.push(text);
    if (hooked(r, cells)) continue;
    // A title that names the sheet's 基本方針 (…進捗状況 基本方針１ 持続可能な財政運営): the sheet's items are under it.
    const named = !sections.policy && isTitleText(text) ? LEVEL_IN_TITLE.exec(text) : null;
    if (named) takeHeading(named[0]);
    if (cells.length > 2 || isNoteText(text) || isTitleText(text)) continue;
    const rules = spec.headings.rules.length > 0;
    if (rules || looksLikeHeading(text) || (sections.policy && /^[(（]|^[①-⑳]/.test(text.trim()))) takeHeading(text);
  }

  let carried: Partial<Record<Field, string>> = {};
  let last: ItemRow | undefined;
  const nameKeyOf = (t: TableMatch) => {
    const c = colFor(t, 'name');
    return c ? headerKey(view.text(t.headerRows[t.headerRows.length - 1], c.col)) : '';
  };
  let headerNameKey = nameKeyOf(first.band);
  const minLabels = Math.min(...specs.map((x) => x.spec.header.minLabels));
  const headerTexts = new Set<string>();
  const noteHeader = (t: TableMatch) => {
    for (const r of t.headerRows) for (const c of view.rowCells(r)) headerTexts.add(c.text);
  };
  noteHeader(first.band);
  // Whether a text reads as a header label, asked once per distinct text: data rows repeat theirs (A, 件, 課の名前).
  const labelish = new Map<string, boolean>();
  const isLabel = (text: string) => {
    let hit = labelish.get(text);
    if (hit === undefined) {
      hit = isYearOnly(text) || specs.some((x) => x.labels.sure(text) || x.labels.isSpanning(text));
      labelish.set(text, hit);
    }
    return hit;
  };
  const mayBeHeader = (cells: { col: number; text: string }[]) => {
    let n = 0;
    for (const c of cells) {
      if (headerTexts.has(c.text) || isLabel(c.text)) n++;
      if (n >= minLabels) return true;
    }
    return false;
  };

  for (let r = first.band.headerRows[first.band.headerRows.length - 1] + 1; r < view.rowCount; r++) {
    const cells = distinctCells(view, r);
    if (cells.length === 0) continue;

    // The layout's own rows first (a title row above a header is the hook's, not the band's).
    if (hooked(r, cells)) {
      last = undefined;
      continue;
    }

    // A header: the same table printed again (a page break, the next section), or another of the layout's tables.
    // Only a row of sure labels (or the texts of a header already met) is looked at closely.
    if (cells.length >= minLabels && mayBeHeader(cells)) {
      const next = headerAt(view, specs, r);
      if (next) {
        if (next.index !== current.index) {
          spec = specs[next.index].spec;
          const fresh = sectionsFor(next.band, spec);
          Object.assign(fresh, { policy: sections.policy, group: sections.group, caption: sections.caption, label: sections.label });
          sections = fresh;
        }
        current = next;
        noteHeader(next.band);
        tableWalk = { specIndex: next.index, table: next.band, items: [], headerRows: [...next.band.headerRows], marks: [] };
        walk.tables.push(tableWalk);
        headerNameKey = nameKeyOf(next.band);
        r = next.band.headerRows[next.band.headerRows.length - 1];
        // Cells carried down belong to the table they were typed in.
        carried = {};
        last = undefined;
        continue;
      }
    }

    const table = tableWalk.table;
    const row = new RowView(view, r, table);
    const nameCol = colFor(table, 'name')!;
    const name = view.text(r, nameCol.col);

    if (cells.length === 1) {
      const only = cells[0];
      if (isNoteText(only.text) || isTotalText(only.text)) continue;
      const merge = view.merge(r, only.col);
      const spans = !!merge && merge.right > merge.left;
      const headingLike = only.col !== nameCol.col || spans || looksLikeHeading(only.text) || spec.headings.rules.length > 0;
      if (headingLike && takeHeading(only.text)) {
        carried = {};
        last = undefined;
        continue;
      }
      // A paragraph merged across the row from the name column leftwards is a title or a note, never an item;
      // a lone cell outside the name column is a stray note (or, for multi-row items, the next line of one).
      if (spans && only.col <= nameCol.col) continue;
      if (only.col !== nameCol.col && !spans && spec.continuation !== 'rows') continue;
    } else if (cells.length === 2 && spec.headings.rules.length > 0 && !numberInId(row)) {
      // 「(1)」 and its name in two cells, or a heading with a page note: the rules decide.
      if (takeHeading(cells.map((c) => c.text).join(' '))) {
        carried = {};
        last = undefined;
        continue;
      }
    }
    // The header printed again as a single row of labels we did not take as a band.
    if (name && headerKey(name) === headerNameKey) continue;
    if (isTotalText(name) || (isNoteText(name) && cells.length === 1)) continue;

    if (!name || row.isFollower(nameCol)) {
      // A name carried down (merged over its rows, or typed once): every row with entries of its own
      // is an item of that name (会津若松: one row per department). Otherwise the item above goes on.
      const carriesName = spec.carryDown.includes('name') && (name || carried.name) && view.rowTexts(r).length >= 2;
      if (!carriesName) {
        if (last && spec.continuation !== 'none') last.more.push(row);
        continue;
      }
    }

    if (spec.minCells > 1 && view.rowTexts(r).length < spec.minCells) continue;
    for (const f of spec.carryDown) {
      const c = colFor(table, f);
      if (!c) continue;
      const t = view.text(r, c.col);
      if (t) carried[f] = t;
    }
    if (!sections.policy && !colFor(table, 'policy') && walk.firstItemWithoutPolicy === undefined && spec.headings.rules.some((h) => h.level === 'policy')) {
      walk.firstItemWithoutPolicy = row;
    }
    last = {
      row,
      ...(sections.policy ? { policy: sections.policy } : {}),
      ...(sections.group ? { group: sections.group } : {}),
      ...(sections.caption ? { caption: sections.caption } : {}),
      carried: { ...carried },
      more: [],
      marks: [...tableWalk.marks],
    };
    tableWalk.items.push(last);
  }
  if (sections.label) walk.sectionLabel = sections.label;
  return walk;
}

/** Whether the row's id column holds a number: then it is an item even if it looks like a heading. */
function numberInId(row: RowView): boolean {
  const c = row.col('id');
  if (!c) return false;
  const v = row.value(c);
  return v.kind === 'number';
}

function headerAt(view: SheetView, specs: WalkOptions['specs'], r: number): { index: number; band: TableMatch } | undefined {
  for (let i = 0; i < specs.length; i++) {
    const { spec, labels } = specs[i];
    const band = bandAt(view, labels, r);
    if (band && hasRequired(band, spec.required, spec.oneOf)) return { index: i, band };
  }
  return undefined;
}

/** The rule of a field in a spec (labels plus what its cells must hold). */
export function fieldRule(spec: TableSpec, field: Field) {
  const r = (spec.fields as Record<string, Parameters<typeof ruleOf>[0] | undefined>)[field];
  return r ? ruleOf(r) : undefined;
}
