import { z } from 'zod';
import { FieldSchema, type Field } from '../../model/fields';
import { LayoutSpecSchema, type LayoutSpec } from '../kit/spec';
import { GENERIC_LAYOUT_ID } from './spec';

export { FieldSchema, type Field };

/**
 * A layout saved for a workbook nobody configured is a layout spec (kit/spec.ts): the 設定 tab
 * saves one in the workbook, `shinchoku mapping` prints one, `--mapping FILE.json` reads one.
 * The first format (version 1: header text → field) is still read and turned into a spec.
 */
export const LayoutMappingV1Schema = z.object({
  version: z.literal(1),
  sheet: z.string().optional(),
  /** 1-based row of the (last) header row, when detection should not guess it. */
  headerRow: z.number().int().positive().optional(),
  /** Header text (as shown, compared with headerKey) → field. */
  columns: z.record(z.string(), FieldSchema),
  /** Fiscal year the target/actual/rating columns are for. */
  fy: z.number().int().optional(),
});
export type LayoutMapping = z.infer<typeof LayoutMappingV1Schema>;

/** A saved layout in either format, always given back as a spec. */
export const SavedLayoutSchema = z.union([LayoutSpecSchema, LayoutMappingV1Schema]).transform((m): LayoutSpec => ('columns' in m ? specFromMapping(m) : m));
export type SavedLayout = z.input<typeof SavedLayoutSchema>;
/** The first format under its first name: the settings' `mapping` row holds one (a spec goes in `layoutSpec`). */
export const LayoutMappingSchema = LayoutMappingV1Schema;

/** A version-1 mapping as the spec it always meant: these headers, these fields, nothing guessed. */
export function specFromMapping(m: LayoutMapping): LayoutSpec {
  const fields: Partial<Record<Exclude<Field, 'ignore'>, string[]>> = {};
  for (const [text, field] of Object.entries(m.columns)) {
    if (field === 'ignore') continue;
    (fields[field] ??= []).push(text);
  }
  return LayoutSpecSchema.parse({
    id: GENERIC_LAYOUT_ID,
    ...(m.sheet !== undefined ? { sheet: m.sheet } : {}),
    ...(m.fy !== undefined ? { fy: m.fy } : {}),
    tables: [
      {
        header: { ...(m.headerRow !== undefined ? { row: m.headerRow } : {}), minLabels: 1, search: 60 },
        fields,
        required: fields.name ? ['name'] : [],
        context: [],
      },
    ],
    detect: { base: 1, max: 1 },
    missing: 'advise',
  });
}

/** A spec's first table as header text → field, for editors that list headers (the first saved format). */
export function mappingFromSpec(spec: LayoutSpec): LayoutMapping {
  const t = spec.tables[0];
  const columns: Record<string, Field> = {};
  for (const [field, rule] of Object.entries(t?.fields ?? {})) {
    for (const label of Array.isArray(rule) ? rule : (rule?.labels ?? [])) columns[label] = field as Field;
  }
  return {
    version: 1,
    ...(spec.sheet !== undefined ? { sheet: spec.sheet } : {}),
    ...(t?.header.row !== undefined ? { headerRow: t.header.row } : {}),
    columns,
    ...(spec.fy !== undefined ? { fy: spec.fy } : {}),
  };
}

/** A saved layout as a spec, whichever format it is in (undefined for nothing saved). */
export function savedSpec(m: SavedLayout | LayoutSpec | undefined): LayoutSpec | undefined {
  if (m === undefined) return undefined;
  return SavedLayoutSchema.parse(m);
}
