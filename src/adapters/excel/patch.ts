import { rangeFromA1, rangeToA1 } from '../../core/grid/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../core/grid/types';
import type { CellChange } from '../../core/engine/incremental';
import type { RangeRead } from './host';

/**
 * A grid brought up to date from a few re-read ranges instead of a whole read: copy-on-write, so a
 * sheet nothing changed in is the very object it was, and a changed sheet shares every row it did
 * not change (caches kept per grid object, a sheet's view, stay right). Cells are taken as
 * readWorkbook takes them (constants from `formulas`, a formula's value from `values`, '' as
 * empty) and rows end at their last filled cell, so the grid is the one a full read would give.
 * Undefined when only a full read can say: a sheet not in the grid, a range outside what the grid
 * holds, a formula typed or removed, the last row emptied.
 */
export function patchGrid(grid: WorkbookGrid, reads: RangeRead[]): { grid: WorkbookGrid; changed: CellChange[] } | undefined {
  const sheets = grid.sheets.slice();
  const copied = new Set<number>();
  const changed = new Map<string, CellChange>();
  for (const read of reads) {
    const i = grid.sheets.findIndex((s) => s.name === read.name);
    if (i < 0) return undefined;
    const at = rangeFromA1(read.address.replace(/^.*!/, ''));
    if (!copied.has(i)) {
      sheets[i] = { ...sheets[i], values: sheets[i].values.slice(), ...(sheets[i].formulas ? { formulas: sheets[i].formulas!.slice() } : {}) };
      copied.add(i);
    }
    const s = sheets[i];
    const rowsCopied = new Set<number>();
    for (let r = at.top; r <= at.bottom; r++) {
      for (let c = at.left; c <= at.right; c++) {
        const cell = cellOf(read.formulas[r - at.top]?.[c - at.left], read.values[r - at.top]?.[c - at.left]);
        const oldValue = s.values[r]?.[c] ?? null;
        const oldFormula = s.formulas?.[r]?.[c] ?? null;
        if (cell.value === oldValue && cell.formula === oldFormula) continue;
        if ((cell.formula === null) !== (oldFormula === null) || r >= s.values.length) return undefined;
        if (!rowsCopied.has(r)) {
          s.values[r] = (s.values[r] ?? []).slice();
          if (s.formulas) s.formulas[r] = (s.formulas[r] ?? []).slice();
          rowsCopied.add(r);
        }
        const row = s.values[r];
        while (row.length <= c) row.push(null);
        row[c] = cell.value;
        if (cell.formula !== null) s.formulas![r][c] = cell.formula;
        changed.set(`${i}|${r}|${c}`, { sheet: s.name, row: r, col: c });
      }
    }
    for (const r of rowsCopied) trimRow(s, r);
    if (s.values.length && isEmptyRow(s, s.values.length - 1)) return undefined;
  }
  // Sheets read but unchanged stay the objects they were.
  for (const i of copied) if (![...changed.values()].some((c) => c.sheet === sheets[i].name)) sheets[i] = grid.sheets[i];
  return { grid: changed.size ? { ...grid, sheets } : grid, changed: [...changed.values()] };
}

/** A cell as readWorkbook assembles it from the two properties. */
function cellOf(formula: unknown, value: unknown): { value: CellValue; formula: string | null } {
  if (typeof formula === 'string' && formula.startsWith('=')) {
    // A text cell holding '=…' reads the same as values and formulas; a formula does not.
    if (value === formula) return { value: formula, formula: null };
    return { value: value === '' || value === undefined ? null : (value as CellValue), formula };
  }
  return { value: formula === '' || formula === undefined ? null : (formula as CellValue), formula: null };
}

function trimRow(s: SheetGrid, r: number): void {
  const v = s.values[r];
  const f = s.formulas?.[r];
  let last = v.length - 1;
  while (last >= 0 && (v[last] === null || v[last] === undefined) && !f?.[last]) last--;
  v.length = last + 1;
  if (f) {
    let lastF = f.length - 1;
    while (lastF >= 0 && !f[lastF]) lastF--;
    f.length = lastF + 1;
  }
}

function isEmptyRow(s: SheetGrid, r: number): boolean {
  return (s.values[r] ?? []).every((x) => x === null || x === undefined) && !(s.formulas?.[r] ?? []).some((x) => x);
}

/** More formula cells than this and a full read costs about what re-reading them would. */
export const MAX_FORMULA_CELLS = 2000;
const MAX_FORMULA_RANGES = 200;

const formulaRanges = new WeakMap<WorkbookGrid, { sheet: string; address: string }[] | null>();

/**
 * The formula cells of every sheet, as few ranges (runs along a row): an edit recalculates what
 * depends on it, anywhere in the workbook, and the change event names only the edited cells. Null
 * when there are too many to re-read cheaply.
 */
export function formulaCells(grid: WorkbookGrid): { sheet: string; address: string }[] | null {
  const hit = formulaRanges.get(grid);
  if (hit !== undefined) return hit;
  const out: { sheet: string; address: string }[] = [];
  let cells = 0;
  let result: { sheet: string; address: string }[] | null = out;
  scan: for (const s of grid.sheets) {
    if (!s.formulas) continue;
    for (let r = 0; r < s.formulas.length; r++) {
      const row = s.formulas[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (!row[c]) continue;
        let end = c;
        while (row[end + 1]) end++;
        cells += end - c + 1;
        out.push({ sheet: s.name, address: rangeToA1({ top: r, left: c, bottom: r, right: end }) });
        if (cells > MAX_FORMULA_CELLS || out.length > MAX_FORMULA_RANGES) {
          result = null;
          break scan;
        }
        c = end;
      }
    }
  }
  formulaRanges.set(grid, result);
  return result;
}
