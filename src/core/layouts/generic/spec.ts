import type { SheetView } from '../../grid/sheet-view';
import { defineLayout } from '../kit/define';
import { findTable, type TableMatch } from '../kit/find-table';
import { headerYear, LabelMatcher } from '../kit/labels';
import { TableSpecSchema, type DataField, type LayoutSpecInput } from '../kit/spec';
import { SYNONYMS } from './synonyms';

/**
 * The layout for a city nobody configured: the table kit with the synonym table (synonyms.ts) as
 * its labels, found inside longer headers too, with heading rows giving the levels by their
 * numbering, and the rating scale inferred from the values. Its score stays below every city
 * layout's on that city's sheets: headers alone never prove a layout as well as a city's own quirks.
 */

export const GENERIC_LAYOUT_ID = 'generic';
/** The most the generic layout is ever sure of a sheet. */
export const MAX_GENERIC_SCORE = 0.85;
/** Below this the generic layout does not claim a sheet on its own. */
export const GENERIC_ACCEPT_SCORE = 0.5;

/** Fields that show a table is a progress table rather than any list with a 名称 column. */
export const EVIDENCE_FIELDS: DataField[] = ['indicator', 'target', 'actual', 'rating', 'department', 'baseline', 'effectPlanned', 'effectActual', 'status', 'schedule'];

export const GENERIC_TABLE = TableSpecSchema.parse({
  header: { maxRows: 2, search: 60, minLabels: 2 },
  fields: SYNONYMS,
  partial: true,
  context: [
    {
      over: ['効果額', '財政効果', '効果'],
      map: { target: 'effectPlanned', actual: 'effectActual' },
      labels: { effectPlanned: ['計画', '計画額', '予定', '予定額', '当初計画'] },
    },
  ],
  required: ['name'],
  expected: EVIDENCE_FIELDS,
});

export const GENERIC_SPEC: LayoutSpecInput = {
  id: GENERIC_LAYOUT_ID,
  label: { ja: '汎用(見出し検出)', en: 'Generic (header detection)' },
  tables: [GENERIC_TABLE],
  detect: { base: 0.3, max: MAX_GENERIC_SCORE, need: 5 },
  missing: 'advise',
  sample: 'generic-city.xlsx',
};

export const zeroConfigLayout = defineLayout(GENERIC_SPEC);

export const genericLabels = new LabelMatcher(GENERIC_TABLE);

/** Which field a header names, with the year it carries: for tests and the 設定 tab. */
export function matchHeader(text: string) {
  const m = genericLabels.match(text);
  if (!m) return undefined;
  const fy = headerYear(text);
  return { ...m, ...(fy !== undefined ? { fy } : {}) };
}

/** The table detection would read on a sheet, with its score: what `suggestSpec` and the tests look at. */
export function detectTable(view: SheetView): (TableMatch & { score: number }) | undefined {
  const band = findTable(view, genericLabels);
  if (!band) return undefined;
  const score = zeroConfigLayout.detect({ name: '', sheets: [view.grid] })[0]?.score ?? 0;
  return { ...band, score };
}
