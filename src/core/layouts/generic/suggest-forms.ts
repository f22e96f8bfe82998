import type { WorkbookGrid } from '../../grid/types';
import { LayoutSpecSchema } from '../kit/spec';
import { GENERIC_FORM_SPEC, genericFormLayout } from './forms';
import { LayoutMappingV1Schema } from './mapping';
import { GENERIC_LAYOUT_ID } from './spec';
import type { MappingSuggestion } from './suggest';

/**
 * The form layout detection read a workbook of forms with, as a spec to correct and save: the form's
 * labels (the synonym table's, as read), the scale and report year it settled on. Saved unchanged
 * and passed back (`--mapping`, the 設定 tab) it reads the same items: a saved layout is a spec.
 */
export function suggestFormSpec(wb: WorkbookGrid): MappingSuggestion | undefined {
  const found = genericFormLayout.detect(wb).filter((d) => d.score >= GENERIC_FORM_SPEC.detect.base);
  if (!found.length) return undefined;
  const read = genericFormLayout.read(wb, { sheets: found.map((d) => d.sheet) });
  // Values typed once (目標値 | 120) are the report year's: the year the read took from a title or a 年度 cell is saved with them.
  const undated = read.findings.some((f) => f.code === 'FY002');
  const { sample: _sample, id: _id, label: _label, ...form } = GENERIC_FORM_SPEC;
  const spec = LayoutSpecSchema.parse({
    ...form,
    id: GENERIC_LAYOUT_ID,
    policyLabel: read.policyLabel,
    ...(read.scale ? { scale: read.scale.id } : {}),
    ...(undated && read.reportFy !== undefined ? { fy: read.reportFy } : {}),
  });
  const score = Math.min(...found.map((d) => d.score));
  return {
    spec,
    // The first saved format names table columns only: a form has none.
    mapping: LayoutMappingV1Schema.parse({ version: 1, columns: {} }),
    score,
    // Why, as said of the first sheet read as an item (not of a blank template before it).
    reason: (found.find((d) => d.sheet === read.items[0]?.source.sheet) ?? found[0]).reason,
  };
}
