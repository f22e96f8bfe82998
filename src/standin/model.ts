import type { CellValue, Range, SheetGrid, WorkbookGrid } from '../core/grid/types';

/**
 * The workbook as the stand-in keeps it: what Excel itself holds, not what the API shows. The proxy
 * layer (`objects.ts`) is the only way the adapter sees it, through load/sync like in Office.
 */
export interface CellStyle {
  bold?: boolean;
  horizontalAlignment?: string;
  wrapText?: boolean;
  border?: boolean;
}

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  title: string;
  anchor: string | null;
}

export interface ValidationModel {
  range: Range;
  list: string[];
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** A note (ExcelApi 1.18) or a threaded comment (1.10) on a cell, as Excel keeps it. */
export interface NoteModel {
  content: string;
  author: string;
}

/** Page setup (ExcelApi 1.9 PageLayout): what the adapter sets and a test looks at. */
export interface PageLayoutModel {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  printArea: string | null;
}

let nextId = 1;

export class SheetModel {
  readonly id = `{SI-${String(nextId++).padStart(8, '0')}}`;
  /** values[row][col]; null = empty. A formula cell keeps its last result here (never recalculated). */
  values: CellValue[][] = [];
  formulas: (string | null)[][] = [];
  readonly numberFormats = new Map<string, string>();
  readonly fills = new Map<string, string>();
  /** Cell links (Range.hyperlink): cell key → the location or address it points at. */
  readonly hyperlinks = new Map<string, string>();
  readonly styles = new Map<string, CellStyle>();
  readonly columnWidths = new Map<number, number>();
  merges: Range[] = [];
  validations: ValidationModel[] = [];
  charts: ChartModel[] = [];
  /** What staff made that the stand-in only counts (a test puts them there): Excel tables, PivotTables, conditional formats. */
  readonly counted = { tables: 0, pivotTables: 0, conditionalFormats: 0 };
  /** Notes by cellKey (ExcelApi 1.18). */
  readonly notes = new Map<string, NoteModel>();
  /** Threaded comments by cellKey (ExcelApi 1.10); a cell has either a note or a thread. */
  readonly threads = new Map<string, NoteModel>();
  pageLayout: PageLayoutModel = { orientation: 'Portrait', paperSize: 'A4', zoom: { scale: 100 }, printTitleRows: null, printArea: null };
  /** Manual horizontal page breaks: 0-based rows that start a page. */
  rowBreaks: number[] = [];
  protected = false;
  visibility: Visibility = 'Visible';

  constructor(public name: string) {}

  value(r: number, c: number): CellValue {
    const v = this.values[r]?.[c];
    return v === undefined ? null : v;
  }

  formula(r: number, c: number): string | null {
    return this.formulas[r]?.[c] ?? null;
  }

  setCell(r: number, c: number, value: CellValue, formula: string | null): void {
    // Clearing a cell that never held anything must not grow the arrays (whole-sheet clears).
    if (value === null && formula === null && (this.values[r]?.[c] === undefined) && (this.formulas[r]?.[c] === undefined)) return;
    (this.values[r] ??= [])[c] = value;
    (this.formulas[r] ??= [])[c] = formula;
  }

  /** A row deleted (or inserted) by someone: everything below moves up (or down) by one. */
  deleteRow(row: number): void {
    this.shiftRows(row, -1);
  }

  insertRow(row: number): void {
    this.shiftRows(row, 1);
  }

  private shiftRows(row: number, by: 1 | -1): void {
    if (by < 0) {
      this.values.splice(row, 1);
      this.formulas.splice(row, 1);
    } else {
      if (this.values.length > row) this.values.splice(row, 0, []);
      if (this.formulas.length > row) this.formulas.splice(row, 0, []);
    }
    for (const m of [this.numberFormats, this.fills, this.styles, this.notes, this.threads] as Map<string, unknown>[]) {
      const moved = [...m].flatMap(([k, v]) => {
        const [r, c] = k.split(',').map(Number);
        if (r < row) return [[k, v] as const];
        if (by < 0 && r === row) return [];
        return [[cellKey(r + by, c), v] as const];
      });
      m.clear();
      for (const [k, v] of moved) m.set(k, v);
    }
    const move = (g: Range): Range | null => {
      if (g.bottom < row) return g;
      if (g.top > row || (by > 0 && g.top === row)) return { ...g, top: g.top + by, bottom: g.bottom + by };
      const bottom = g.bottom + by;
      return bottom < g.top ? null : { ...g, bottom };
    };
    this.merges = this.merges.map(move).filter((g): g is Range => g !== null && (g.top !== g.bottom || g.left !== g.right));
    this.validations = this.validations.flatMap((v) => {
      const r = move(v.range);
      return r ? [{ ...v, range: r }] : [];
    });
  }

  mergeAt(r: number, c: number): Range | undefined {
    return this.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }

  /** Bounding box of cells holding something; with valuesOnly false, formatted cells count too. */
  usedRect(valuesOnly: boolean): Range | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    this.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') take(r, c);
      }),
    );
    this.formulas.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f) take(r, c);
      }),
    );
    if (!valuesOnly) {
      // Merged cells carry formatting, so Excel counts them in the full used range.
      for (const m of this.merges) {
        take(m.top, m.left);
        take(m.bottom, m.right);
      }
      for (const k of [...this.numberFormats.keys(), ...this.fills.keys(), ...this.styles.keys()]) {
        const [r, c] = k.split(',').map(Number);
        take(r, c);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  /** Review › Protect Workbook (structure): sheets cannot be added, deleted, hidden or renamed. */
  structureProtected = false;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;

  constructor(public name: string) {}

  find(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  findById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }
}

export const cellKey = (r: number, c: number): string => `${r},${c}`;

const VIS_FROM_GRID: Record<NonNullable<SheetGrid['visibility']>, Visibility> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};
const VIS_TO_GRID: Record<Visibility, NonNullable<SheetGrid['visibility']>> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/**
 * Loads a grid the way Excel would hold it: the cells of a merged area other than its top-left are
 * empty (a file reader may repeat the master's value there). The settings sheet is a sheet like any other.
 */
export function modelFromGrid(wb: WorkbookGrid): WorkbookModel {
  const model = new WorkbookModel(wb.name);
  for (const g of wb.sheets) {
    const s = new SheetModel(g.name);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) s.setCell(r, c, v, null);
      }),
    );
    g.formulas?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) s.setCell(r, c, s.value(r, c), f);
      }),
    );
    s.merges = g.merges.map((m) => ({ ...m }));
    for (const m of s.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) s.setCell(r, c, null, null);
      }
    }
    s.protected = g.protected ?? false;
    s.visibility = VIS_FROM_GRID[g.visibility ?? 'visible'];
    model.sheets.push(s);
  }
  return model;
}

/**
 * The inverse, in the file adapter's shape (rows trimmed to their last filled cell). With `limit`,
 * only each sheet's top-left corner: a view of the workbook need not copy 21,300 rows to show 400.
 */
export function gridFromModel(model: WorkbookModel, limit?: { rows: number; cols: number }): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  for (const s of model.sheets) {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    let anyFormula = false;
    const rows = Math.min(Math.max(s.values.length, s.formulas.length), limit?.rows ?? Infinity);
    const maxCols = limit?.cols ?? Infinity;
    let lastRow = -1;
    for (let r = 0; r < rows; r++) {
      const vr = s.values[r] ?? [];
      const fr = s.formulas[r] ?? [];
      let lastV = -1;
      let lastF = -1;
      for (let c = 0; c < Math.min(Math.max(vr.length, fr.length), maxCols); c++) {
        const v = vr[c];
        if ((v !== null && v !== undefined) || fr[c]) lastV = c;
        if (fr[c]) lastF = c;
      }
      values[r] = Array.from({ length: lastV + 1 }, (_, c) => {
        const v = vr[c];
        return v === undefined ? null : v;
      });
      formulas[r] = Array.from({ length: lastF + 1 }, (_, c) => fr[c] ?? null);
      if (lastF >= 0) anyFormula = true;
      if (lastV >= 0) lastRow = r;
    }
    values.length = lastRow + 1;
    formulas.length = lastRow + 1;
    sheets.push({
      name: s.name,
      values,
      ...(anyFormula ? { formulas } : {}),
      merges: s.merges.map((m) => ({ ...m })),
      protected: s.protected,
      visibility: VIS_TO_GRID[s.visibility],
    });
  }
  return { name: model.name, sheets };
}
