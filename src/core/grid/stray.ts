import { toA1 } from './a1';
import type { CellRef, CellValue, Range, SheetGrid, WorkbookGrid } from './types';

/**
 * Cells far away from everything else on a sheet: a value typed at XFD1048576 (or pasted by
 * Ctrl+End by mistake) makes the sheet's bounding box 17 billion cells, and every reader that walks
 * rows × columns would follow it. Such cells are left out of what the readers see (they stay in
 * the workbook untouched): a tail of at most MAX_STRAY_CELLS filled cells beyond a gap of empty rows
 * (or columns) both larger than a fixed minimum and several times the extent of what comes before.
 * A real table is never cut: it has more cells than that, and tables are not that far apart.
 */
const MAX_STRAY_CELLS = 16;
const MIN_ROW_GAP = 10000;
const MIN_COL_GAP = 256;
/** The gap must also exceed this many times the extent of the filled part before it. */
const GAP_FACTOR = 4;

export interface StrayCells {
  /** The sheets as readers should see them (the same objects where nothing was cut). */
  wb: WorkbookGrid;
  /** The cells left out, by sheet and address. */
  stray: CellRef[];
}

export function withoutStrayCells(wb: WorkbookGrid): StrayCells {
  const stray: CellRef[] = [];
  let changed = false;
  const sheets = wb.sheets.map((s) => {
    const cut = strayCut(s);
    if (!cut) return s;
    changed = true;
    stray.push(...cut.stray.map(([r, c]) => ({ sheet: s.name, address: toA1(r, c) })));
    return trimmed(s, cut.rows, cut.cols);
  });
  return { wb: changed ? { ...wb, sheets } : wb, stray };
}

const filled = (v: CellValue | undefined): boolean => v !== null && v !== undefined && v !== '';

/**
 * Where to cut a sheet (rows and columns to keep), or undefined when nothing is stray. Costs one
 * pass over the filled rows; rows absent from a sparse grid are skipped by the engine, not visited.
 */
function strayCut(s: SheetGrid): { rows: number; cols: number; stray: [number, number][] } | undefined {
  const rowCells = new Map<number, number>();
  const colCells = new Map<number, number>();
  // forEach visits only the rows present: a sparse grid with one row at 1,048,575 is two visits, not a million.
  s.values.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (!filled(v)) return;
      rowCells.set(r, (rowCells.get(r) ?? 0) + 1);
      colCells.set(c, (colCells.get(c) ?? 0) + 1);
    });
  });
  const rows = tailCut(rowCells, MIN_ROW_GAP);
  const cols = tailCut(colCells, MIN_COL_GAP);
  if (rows === undefined && cols === undefined) return undefined;
  const keepRows = rows ?? s.values.length;
  const keepCols = cols ?? Infinity;
  const out: [number, number][] = [];
  s.values.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (filled(v) && (r >= keepRows || c >= keepCols)) out.push([r, c]);
    });
  });
  // Both cuts were allowed separately; together they must still leave only a few cells out.
  if (out.length > MAX_STRAY_CELLS) return undefined;
  return { rows: keepRows, cols: keepCols, stray: out };
}

/** First index of the stray tail (everything from there on is left out), or undefined. */
function tailCut(counts: Map<number, number>, minGap: number): number | undefined {
  const at = [...counts.keys()].sort((a, b) => a - b);
  let tail = 0;
  for (const i of at) tail += counts.get(i)!;
  for (let k = 1; k < at.length; k++) {
    tail -= counts.get(at[k - 1])!;
    const gap = at[k] - at[k - 1] - 1;
    if (tail <= MAX_STRAY_CELLS && gap > minGap && gap > GAP_FACTOR * (at[k - 1] + 1)) return at[k - 1] + 1;
  }
  return undefined;
}

function trimmed(s: SheetGrid, rows: number, cols: number): SheetGrid {
  const cut = <T>(grid: (T[] | undefined)[]): T[][] => grid.slice(0, rows).map((row) => (row && row.length > cols ? row.slice(0, cols) : row)) as T[][];
  const merges = s.merges.flatMap((m): Range[] => (m.top >= rows || m.left >= cols ? [] : [{ ...m, bottom: Math.min(m.bottom, rows - 1), right: Math.min(m.right, cols - 1) }]));
  return {
    ...s,
    values: cut(s.values),
    ...(s.formulas ? { formulas: cut(s.formulas) } : {}),
    merges,
  };
}
