import { z } from 'zod';
import { PlanSchema, type Plan } from '../model/plan';
import type { Evaluation } from '../rules/evaluation';
import { ConFindingSchema } from './codes';

/**
 * What the planning section hands over (department workbooks, one per file) and what a
 * consolidation makes of them. Everything here is data: hosts read the files, the core decides.
 */

/** A file that was read and analysed. `file` is how the user named it (a path relative to the folder). */
export interface FileInput {
  file: string;
  plan: Plan;
  evaluations: Evaluation[];
  /** Validation errors of the file on its own (it is still counted; the user is told). */
  errors: number;
  layouts: string[];
}

export const SkipReasonSchema = z.discriminatedUnion('kind', [
  /** Excel's `~$name.xlsx` lock file, present while a colleague has the workbook open. */
  z.object({ kind: z.literal('owner') }),
  /** Bytes that are not an .xlsx package: CSV, text, an old .xls, a PDF … */
  z.object({ kind: z.literal('not-workbook'), format: z.object({ ja: z.string(), en: z.string() }) }),
  /** The reader refused it (damaged, encrypted …), with its own reason. */
  z.object({ kind: z.literal('unreadable'), reason: z.object({ ja: z.string(), en: z.string() }) }),
]);
export type SkipReason = z.infer<typeof SkipReasonSchema>;

export interface SkippedInput {
  file: string;
  skipped: SkipReason;
}

export type ConsolidationInput = FileInput | SkippedInput;

export function isSkipped(i: ConsolidationInput): i is SkippedInput {
  return 'skipped' in i;
}

export const FileStatusSchema = z.enum(['used', 'duplicate', 'other-year', 'owner', 'not-workbook', 'unreadable', 'empty']);
export type FileStatus = z.infer<typeof FileStatusSchema>;

export const FileEntrySchema = z.object({
  file: z.string(),
  status: FileStatusSchema,
  reportFy: z.number().int().nullable(),
  /** Items read from the file, and how many of them the summary counts from this file. */
  items: z.number().int(),
  counted: z.number().int(),
  layouts: z.array(z.string()),
  /** Content fingerprint (identity.ts): equal for a renamed copy. */
  fingerprint: z.string().nullable(),
  /** For status 'duplicate': the file it repeats. */
  copyOf: z.string().nullable(),
  errors: z.number().int(),
});
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const CopySchema = z.object({
  file: z.string(),
  /** The item's id in that file. */
  itemId: z.string(),
  sheet: z.string(),
  /** Cell of the item's name (or number) in that sheet. */
  cell: z.string(),
  /** The compared values as typed (identity.ts COMPARED_FIELDS). */
  values: z.record(z.string(), z.string()),
});
export type Copy = z.infer<typeof CopySchema>;

export const DuplicateSchema = z.object({
  /** The item's id in the consolidated plan. */
  id: z.string(),
  name: z.string(),
  copies: z.array(CopySchema),
  /** The file whose copy is counted; null while a conflict waits for a choice. */
  used: z.string().nullable(),
  differing: z.array(z.string()),
  resolution: z.enum(['same', 'prefer', 'choice', 'unresolved']),
});
export type Duplicate = z.infer<typeof DuplicateSchema>;

/** Where a consolidated item came from: the file, and the item as that file's reader named it. */
export const OriginSchema = z.object({
  file: z.string(),
  itemId: z.string(),
  layout: z.string(),
  sheet: z.string(),
  row: z.number().int(),
});
export type Origin = z.infer<typeof OriginSchema>;

export const ConsolidationReportSchema = z.object({
  reportFy: z.number().int().nullable(),
  files: z.array(FileEntrySchema),
  duplicates: z.array(DuplicateSchema),
  findings: z.array(ConFindingSchema),
});

export interface Consolidation {
  reportFy?: number;
  files: FileEntry[];
  /** One item per item of the plan, each from exactly one file. */
  plan: Plan;
  origins: Record<string, Origin>;
  evaluations: Evaluation[];
  duplicates: Duplicate[];
  findings: z.infer<typeof ConFindingSchema>[];
  /** Conflicting copies still to be chosen: nothing may be summed while this is not empty. */
  unresolved: Duplicate[];
}

export { PlanSchema };
