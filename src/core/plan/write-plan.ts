import { z } from 'zod';

/**
 * What to write, as data. Both the file adapter (ExcelJS) and the Office.js adapter apply a plan;
 * neither decides anything. Every cell write states what it expects to find, so a host can refuse
 * a write when someone else changed the cell since it was read (co-authoring, nothing lost).
 */

export const WriteValueSchema = z.union([z.string(), z.number(), z.null()]);

export const CellWriteSchema = z.object({
  sheet: z.string(),
  address: z.string(),
  value: WriteValueSchema,
  /** Text is always written as text, never as a formula (a leading '=' stays literal). */
  numberFormat: z.string().optional(),
  /** The value the planner saw: null = blank. The host skips the write (and reports it) if the cell differs. */
  expect: WriteValueSchema,
  /** Why this write exists, for the preview list and undo descriptions. */
  reason: z.enum(['rating', 'ratio', 'owned-header', 'subtotal', 'progress-column', 'summary']),
  /** Optional styling for owned cells. */
  style: z
    .object({
      bold: z.boolean().optional(),
      fill: z.string().optional(),
      align: z.enum(['left', 'center', 'right']).optional(),
      wrap: z.boolean().optional(),
      border: z.boolean().optional(),
    })
    .optional(),
  /** Restrict input to these values (A–D dropdown on progress columns). */
  validationList: z.array(z.string()).optional(),
});
export type CellWrite = z.infer<typeof CellWriteSchema>;

export const ChartSpecSchema = z.object({
  title: z.string(),
  /** A1 range on the new sheet holding categories in the first column and series in the rest. */
  dataRange: z.string(),
  /** Where the chart goes (top-left cell). */
  anchor: z.string(),
  kind: z.enum(['stackedBar', 'clusteredColumn']),
});

export const NewSheetSchema = z.object({
  name: z.string(),
  /** Replace a sheet of this name only if the add-in created it (marker in settings / cell). */
  replaceOwned: z.boolean(),
  cells: z.array(CellWriteSchema),
  merges: z.array(z.string()),
  columnWidths: z.record(z.string(), z.number()).optional(),
  chart: ChartSpecSchema.optional(),
});
export type NewSheet = z.infer<typeof NewSheetSchema>;

export const WritePlanSchema = z.object({
  /** Short description for the undo group / log: 'fill', 'summary', 'progress-columns'. */
  label: z.string(),
  writes: z.array(CellWriteSchema),
  sheets: z.array(NewSheetSchema),
  /** Settings keys to set in the workbook alongside the writes (owned-column markers …). */
  settings: z.record(z.string(), z.string()).optional(),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;

export interface ApplyResult {
  written: number;
  /**
   * Writes not made: the cell no longer held what the plan expected ('changed'), holds a formula
   * ('formula': never a target, whatever its result shows), or lies inside a merge ('merged').
   */
  conflicts: { sheet: string; address: string; found: unknown; expected: unknown; reason?: 'changed' | 'formula' | 'merged' }[];
  sheetsCreated: string[];
  /** Sheets not replaced because the add-in did not create them. */
  sheetsLeftAlone: string[];
}
