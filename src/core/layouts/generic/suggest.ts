import { headerKey } from '../../grid/sheet-view';
import { fromA1 } from '../../grid/a1';
import type { WorkbookGrid } from '../../grid/types';
import type { Field } from '../../model/fields';
import { viewOf } from '../kit/shared';
import type { TableMatch } from '../kit/find-table';
import { LayoutSpecSchema, type LayoutSpec } from '../kit/spec';
import { LayoutMappingV1Schema, type LayoutMapping } from './mapping';
import { suggestFormSpec } from './suggest-forms';
import { detectTable, GENERIC_LAYOUT_ID, zeroConfigLayout } from './spec';

export interface MappingSuggestion {
  /** What detection reads, as a layout spec the user can correct and save. */
  spec: LayoutSpec;
  /** The same as header text → field (the first saved format), for editors that show a table of headers. */
  mapping: LayoutMapping;
  /** How sure detection was (0..1) and why, for the UI to show next to the editable layout. */
  score: number;
  reason: { ja: string; en: string };
}

/**
 * What detection would read, as a saved layout: the best table's headers with the field each
 * names, the scale and year it found, its heading rows. Saving it unchanged reads the same items.
 */
export function suggestMapping(wb: WorkbookGrid): MappingSuggestion | undefined {
  let best: (TableMatch & { score: number }) | undefined;
  for (const sheet of wb.sheets) {
    if ((sheet.visibility ?? 'visible') !== 'visible') continue;
    const t = detectTable(viewOf(sheet));
    if (t && (!best || t.score > best.score)) best = t;
  }
  // A workbook of forms (one item per sheet): the form layout detection read them with.
  const forms = suggestFormSpec(wb);
  if (forms && (!best || forms.score >= best.score)) return forms;
  if (!best) return undefined;
  const read = zeroConfigLayout.read(wb, { sheets: [best.sheet] });
  const fys = new Set(best.columns.filter((c) => c.field !== 'ignore' && c.fy !== undefined).map((c) => c.fy!));
  // The fields the read settled on (a rating column found by its values included).
  const sheet = best.sheet;
  const settled = new Map((read.fields ?? []).filter((f) => f.sheet === sheet).map((f) => [f.col, f.field]));
  // The column of 目標 / 実績 that splits items into plan and result rows names no field, whatever its header (区分).
  const roles = read.findings.find((f) => f.code === 'LAY021' && f.sheet === sheet);
  const roleCol = roles?.cell ? fromA1(roles.cell).col : undefined;
  const labels = uniqueLabels({ ...best, columns: best.columns.map((c) => ({ ...c, field: settled.get(c.col) ?? (c.col === roleCol ? 'ignore' : c.field) })) });
  const fields: Partial<Record<Exclude<Field, 'ignore'>, string[]>> = {};
  for (const [label, field] of labels) if (field !== 'ignore') (fields[field] ??= []).push(label);
  // A units row under the labels is found again below the saved header row, as detection found it.
  const labelRows = best.headerRows.filter((r) => r !== best!.unitsRow);
  const headerRow = labelRows[labelRows.length - 1] + 1;
  const fy = read.reportFy ?? (fys.size === 1 ? [...fys][0] : undefined);
  const undated = best.columns.some((c) => ['actual', 'rating', 'effectPlanned', 'effectActual'].includes(c.field) && c.fy === undefined);
  const spec = LayoutSpecSchema.parse({
    id: GENERIC_LAYOUT_ID,
    sheet: best.sheet,
    policyLabel: read.policyLabel,
    ...(undated && fy !== undefined ? { fy } : {}),
    ...(read.scale ? { scale: read.scale.id } : {}),
    tables: [
      {
        header: { row: headerRow, maxRows: labelRows.length, minLabels: 1 },
        fields,
        required: fields.name ? ['name'] : [],
        // What detection read without configuration, kept: plan and result rows, the 基本方針 from the number.
        ...(roles ? { roleRows: true } : {}),
        ...(!fields.policy ? { policyFromId: true } : {}),
      },
    ],
    detect: { base: 1, max: 1 },
    missing: 'advise',
  });
  const mapping = LayoutMappingV1Schema.parse({
    version: 1,
    sheet: best.sheet,
    headerRow,
    columns: Object.fromEntries(labels),
    ...(fys.size === 1 ? { fy: [...fys][0] } : {}),
  });
  return { spec, mapping, score: best.score, reason: zeroConfigLayout.detect({ name: '', sheets: [wb.sheets.find((s) => s.name === best!.sheet)!] })[0]?.reason ?? { ja: '', en: '' } };
}

/** Header texts must be distinct keys; a repeated sub-header (実績 under two groups) takes its group's name. */
function uniqueLabels(t: TableMatch): [string, Field][] {
  const counts = new Map<string, number>();
  for (const c of t.columns) counts.set(headerKey(c.label), (counts.get(headerKey(c.label)) ?? 0) + 1);
  const out: [string, Field][] = [];
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
