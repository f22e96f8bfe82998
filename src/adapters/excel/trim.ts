import type { CellValue } from '../../core/grid/types';

/**
 * The file adapter's grid shape, so both hosts hand the core identical grids: each row ends at its
 * last filled cell, empty rows are [], the sheet ends at its last filled row, and a formulas row
 * ends at its last formula.
 */
export function trimGrid(
  values: (CellValue | undefined)[][],
  formulas: (string | null | undefined)[][],
): { values: CellValue[][]; formulas: (string | null)[][]; anyFormula: boolean } {
  const rows = Math.max(values.length, formulas.length);
  const v: CellValue[][] = [];
  const f: (string | null)[][] = [];
  let lastRow = -1;
  let anyFormula = false;
  for (let r = 0; r < rows; r++) {
    const vr = values[r] ?? [];
    const fr = formulas[r] ?? [];
    let lastV = -1;
    let lastF = -1;
    for (let c = 0; c < Math.max(vr.length, fr.length); c++) {
      const x = vr[c];
      if ((x !== null && x !== undefined) || fr[c]) lastV = c;
      if (fr[c]) lastF = c;
    }
    v[r] = Array.from({ length: lastV + 1 }, (_, c) => vr[c] ?? null);
    f[r] = Array.from({ length: lastF + 1 }, (_, c) => fr[c] ?? null);
    if (lastF >= 0) anyFormula = true;
    if (lastV >= 0) lastRow = r;
  }
  v.length = lastRow + 1;
  f.length = lastRow + 1;
  return { values: v, formulas: f, anyFormula };
}
