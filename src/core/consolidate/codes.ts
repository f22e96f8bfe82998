import { z } from 'zod';
import { CATALOGUE, FINDING_CODES, type CatalogueEntry, type FindingCode } from '../validation/catalogue';
import { SeveritySchema } from '../validation/finding';
import { placeholders, render } from '../validation/template';

/**
 * The planning section's findings (consolidation CON, reconciliation REC, the hearing list HRG) are
 * entries of the one findings catalogue (validation/catalogue.ts): code, severity, tags, named
 * parameters and both templates live there. They differ from a workbook's findings only in where
 * they point: files (and, where known, sheet and cell) rather than one workbook's cell.
 */
export type ConsolidationCode = Extract<FindingCode, `CON${string}` | `REC${string}` | `HRG${string}`>;

const isConsolidationCode = (c: FindingCode): c is ConsolidationCode => /^(CON|REC|HRG)\d{3}$/.test(c);

/** The planning section's part of the catalogue. */
export const CONSOLIDATION_CODES: Readonly<Partial<Record<ConsolidationCode, CatalogueEntry>>> = Object.fromEntries(
  FINDING_CODES.filter(isConsolidationCode).map((c) => [c, CATALOGUE[c] as CatalogueEntry]),
);

/** A parameter is one value for both languages, or its own text per language (a year, a reason). */
export const ParamValueSchema = z.union([z.string(), z.number(), z.object({ ja: z.string(), en: z.string() })]);
export const ParamsSchema = z.record(z.string(), ParamValueSchema);
export type Params = z.infer<typeof ParamsSchema>;

/** A file and, where known, the sheet and cell a finding is about. */
export const SourceRefSchema = z.object({
  file: z.string(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const ConFindingSchema = z.object({
  code: z.string().regex(/^[A-Z]+\d{3}$/),
  severity: SeveritySchema,
  params: ParamsSchema,
  message: z.object({ ja: z.string(), en: z.string() }),
  /** The files (and cells) concerned; where a copy was chosen, the one used comes first. */
  sources: z.array(SourceRefSchema),
  itemId: z.string().optional(),
});
export type ConFinding = z.infer<typeof ConFindingSchema>;

/** A template of the catalogue rendered with these parameters (labels in `lang`, counts with their plural). */
export function renderTemplate(template: string, params: Params, lang: 'ja' | 'en', kinds: CatalogueEntry['params'] = {}): string {
  return render(template, params, kinds, lang);
}

/** Parameter names a template uses. */
export function templateParams(template: string): string[] {
  return [...new Set(placeholders(template))].sort();
}

export function conFinding(code: ConsolidationCode, params: Params, sources: SourceRef[], itemId?: string): ConFinding {
  const spec = CATALOGUE[code];
  return {
    code,
    severity: spec.severity,
    params,
    message: { ja: renderTemplate(spec.ja, params, 'ja', spec.params), en: renderTemplate(spec.en, params, 'en', spec.params) },
    sources,
    ...(itemId !== undefined ? { itemId } : {}),
  };
}
