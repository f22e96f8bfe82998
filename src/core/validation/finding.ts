import { z } from 'zod';

/**
 * One validation result. Codes are stable (documented in docs/findings.md) so that users and tests
 * can rely on them; messages exist in Japanese and English and always name the cell.
 */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  code: z.string().regex(/^[A-Z]+\d{3}$/),
  severity: SeveritySchema,
  sheet: z.string(),
  /** A1 address of the cell to look at ('' only for workbook-level findings). */
  cell: z.string(),
  itemId: z.string().optional(),
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type Finding = z.infer<typeof FindingSchema>;

export function finding(
  code: string,
  severity: Severity,
  at: { sheet: string; address?: string; cell?: string },
  ja: string,
  en: string,
  itemId?: string,
): Finding {
  return {
    code,
    severity,
    sheet: at.sheet,
    cell: at.address ?? at.cell ?? '',
    ...(itemId ? { itemId } : {}),
    message: { ja, en },
  };
}
