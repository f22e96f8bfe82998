import { headerKey, type SheetView } from '../../grid/sheet-view';
import type { CellRef } from '../../grid/types';
import { finding, type Finding } from '../../validation/finding';
import { normalizeWidth, parseCircled } from '../../values';
import { gridCell, STANCES } from './grid';

/**
 * A copy of the 大綱's 整理表 kept in the workbook (corner cell 「基本姿勢 推進手段」, 基本姿勢 (1)–(3)
 * across, 推進手段 (1)–(7) down). It holds no items; it is checked against the reference grid so a
 * renumbered or retyped cell is reported rather than silently trusted.
 */
export interface GridSheetCell {
  means: number;
  stance: number;
  circled?: number;
  name: string;
  cell: CellRef;
}

export function findGridSheet(view: SheetView): { row: number; col: number } | undefined {
  for (let r = 0; r < Math.min(view.rowCount, 30); r++) {
    for (let c = 0; c < Math.min(view.colCount, 10); c++) {
      const k = headerKey(view.text(r, c));
      if (k.includes('基本姿勢') && k.includes('推進手段') && k.length <= 16) return { row: r, col: c };
    }
  }
  return undefined;
}

const lead = (s: string) => {
  const m = /^\((\d)\)/.exec(normalizeWidth(s).replace(/\s+/g, ''));
  return m ? Number(m[1]) : undefined;
};
const compact = (s: string) => normalizeWidth(s).replace(/[\s、,，・。()（）「」“”"]/g, '').replace(/活か/g, '生か');

export function readGridSheet(view: SheetView): { cells: GridSheetCell[]; findings: Finding[] } {
  const corner = findGridSheet(view);
  const findings: Finding[] = [];
  const cells: GridSheetCell[] = [];
  if (!corner) return { cells, findings };
  const stanceCols: { col: number; stance: number }[] = [];
  for (let c = corner.col + 1; c < view.colCount; c++) {
    if (view.isMergeFollower(corner.row, c)) continue;
    const n = lead(view.text(corner.row, c));
    if (n !== undefined) stanceCols.push({ col: c, stance: n });
  }
  for (let r = corner.row + 1; r < view.rowCount; r++) {
    const means = lead(view.text(r, corner.col));
    if (means === undefined) continue;
    for (const { col, stance } of stanceCols) {
      const text = view.text(r, col);
      const ref = view.ref(r, col);
      const circled = parseCircled([...text][0] ?? '');
      const name = circled !== undefined ? text.slice([...text][0].length).trim() : text;
      cells.push({ means, stance, ...(circled !== undefined ? { circled } : {}), name, cell: ref });
      const expected = gridCell(means, stance);
      if (!expected) continue;
      if (circled !== undefined && circled !== stance) {
        findings.push(
          finding('TKB001', ref, { text, stance: `(${stance})`, expected: STANCES[stance - 1].key }),
        );
      } else if (compact(name) !== compact(expected.name)) {
        findings.push(
          finding('TKB006', ref, { id: expected.id, name, expected: expected.name }),
        );
      }
    }
  }
  return { cells, findings };
}
