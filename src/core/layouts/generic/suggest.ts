import { headerKey, SheetView } from '../../grid/sheet-view';
import type { WorkbookGrid } from '../../grid/types';
import { detectTable, type DetectedTable } from './detect-table';
import { LayoutMappingSchema, type LayoutMapping } from './mapping';

export interface MappingSuggestion {
  mapping: LayoutMapping;
  /** How sure detection was (0..1) and why, for the UI to show next to the editable mapping. */
  score: number;
  reason: { ja: string; en: string };
}

/**
 * What detection would read, as a mapping the user can correct and save: every header of the best
 * table, unknown ones as 'ignore'. Saving it unchanged gives the same read as detection.
 */
export function suggestMapping(wb: WorkbookGrid): MappingSuggestion | undefined {
  let best: DetectedTable | undefined;
  for (const sheet of wb.sheets) {
    if ((sheet.visibility ?? 'visible') !== 'visible') continue;
    const t = detectTable(new SheetView(sheet));
    if (t && (!best || t.score > best.score)) best = t;
  }
  if (!best) return undefined;
  const fys = new Set(best.columns.filter((c) => c.field !== 'ignore' && c.fy !== undefined).map((c) => c.fy!));
  const mapping = LayoutMappingSchema.parse({
    version: 1,
    sheet: best.sheet,
    headerRow: best.headerRows[best.headerRows.length - 1] + 1,
    columns: Object.fromEntries(uniqueLabels(best).map(([label, field]) => [label, field])),
    ...(fys.size === 1 ? { fy: [...fys][0] } : {}),
  });
  return { mapping, score: best.score, reason: best.reason };
}

/** Header texts must be distinct keys; a repeated sub-header (実績 under two groups) takes its group's name. */
function uniqueLabels(t: DetectedTable): [string, string][] {
  const counts = new Map<string, number>();
  for (const c of t.columns) counts.set(headerKey(c.label), (counts.get(headerKey(c.label)) ?? 0) + 1);
  const out: [string, string][] = [];
  const used = new Set<string>();
  for (const c of t.columns) {
    let label = c.label;
    if ((counts.get(headerKey(label)) ?? 0) > 1 && c.group && !label.startsWith(c.group)) label = `${c.group} ${label}`;
    // Still repeated: the reader takes the first column for such a header, so the others add nothing.
    if (used.has(headerKey(label))) continue;
    used.add(headerKey(label));
    out.push([label, c.field]);
  }
  return out;
}
