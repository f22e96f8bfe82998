import { z } from 'zod';
import { CATALOGUE, type FindingCode, type ParamsOf } from './catalogue';
import { lazyLabel, type ParamValue } from './template';

/**
 * One validation result. Its code, severity and wording come from the catalogue (catalogue.ts);
 * the parameters it was raised with travel with it, so a host can show the raw value, filter by
 * item or re-render the message. `message` is rendered from the templates (when read) for hosts that just print.
 */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

const LabelSchema = z.object({ ja: z.string(), en: z.string() });
export const ParamValueSchema: z.ZodType<ParamValue> = z.union([z.string(), z.number(), LabelSchema, z.array(z.union([z.string(), LabelSchema]))]);

export const FindingSchema = z.object({
  code: z.string().regex(/^[A-Z]+\d{3}$/),
  severity: SeveritySchema,
  sheet: z.string(),
  /** A1 address of the cell to look at ('' only for workbook-level findings). */
  cell: z.string(),
  itemId: z.string().optional(),
  params: z.record(z.string(), ParamValueSchema),
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Where a finding points: a cell, or a sheet (address '' for the sheet as a whole). */
export interface FindingAt {
  sheet: string;
  address?: string;
}

/** A finding from the catalogue: severity and both messages follow from the code and the parameters. */
export function finding<C extends FindingCode>(code: C, at: FindingAt, params: ParamsOf<C>, itemId?: string): Finding {
  const entry = CATALOGUE[code];
  const p = params as Record<string, ParamValue>;
  const clean: Record<string, ParamValue> = {};
  for (const k in p) if (p[k] !== undefined) clean[k] = p[k];
  return {
    code,
    severity: entry.severity,
    sheet: at.sheet,
    cell: at.address ?? '',
    ...(itemId ? { itemId } : {}),
    params: clean,
    message: lazyLabel(entry, clean),
  };
}
