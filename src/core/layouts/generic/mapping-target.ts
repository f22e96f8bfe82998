import type { WorkbookGrid } from '../../grid/types';
import type { LayoutSpec } from '../kit/spec';
import { savedReader } from './reader';

/**
 * The sheet a saved layout is for: the one it names, else the visible sheet where most of its
 * header texts are found (a layout saved without a sheet name must not claim every sheet).
 */
export function mappingSheet(wb: WorkbookGrid, spec: LayoutSpec): string | undefined {
  if (spec.sheet) return wb.sheets.some((s) => s.name === spec.sheet) ? spec.sheet : undefined;
  let best: { sheet: string; found: number } | undefined;
  for (const d of savedReader(spec).detect(wb)) {
    const found = savedReader(spec).headersFound(wb, d.sheet);
    if (!best || found > best.found) best = { sheet: d.sheet, found };
  }
  return best?.sheet;
}

/**
 * The sheets a saved layout reads: a form layout's every form of its shape (one item per sheet); a
 * table layout's sheet and the visible sheets made from the same template (one per 基本方針 or
 * department), where every header it names is found too, in workbook order.
 */
export function mappingSheets(wb: WorkbookGrid, spec: LayoutSpec): string[] {
  // Detection and the read both ask, and each answer reads the sheets in full: worked out once per grid.
  let bySpec = known.get(wb);
  if (!bySpec) known.set(wb, (bySpec = new Map()));
  const key = JSON.stringify(spec);
  let sheets = bySpec.get(key);
  if (!sheets) bySpec.set(key, (sheets = sheetsFor(wb, spec)));
  return [...sheets];
}

const known = new WeakMap<WorkbookGrid, Map<string, string[]>>();

function sheetsFor(wb: WorkbookGrid, spec: LayoutSpec): string[] {
  if (!spec.form) {
    const sheet = mappingSheet(wb, spec);
    if (!sheet) return [];
    const reader = savedReader(spec);
    const all = reader.headersFound(wb, sheet);
    // Only sheets where the saved table is found at all (its header row, its required columns) are compared.
    const { sheet: _named, ...anySheet } = spec;
    const found = new Set(savedReader(anySheet).detect(wb).filter((d) => d.score >= spec.detect.base).map((d) => d.sheet));
    const alike = (name: string) => name === sheet || (all > 0 && found.has(name) && reader.headersFound(wb, name) === all);
    return wb.sheets.filter((s) => s.name === sheet || ((s.visibility ?? 'visible') === 'visible' && alike(s.name))).map((s) => s.name);
  }
  return savedReader(spec)
    .detect(wb)
    .filter((d) => d.score >= spec.detect.base && (spec.sheet === undefined || d.sheet === spec.sheet))
    .map((d) => d.sheet);
}
