import { z } from 'zod';
import { SettingsChangeSchema, type SettingsRefusal } from '../settings/update';

/**
 * What to write, as data. Both the file adapter and the Office.js adapter apply a plan;
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
  reason: z.enum(['rating', 'ratio', 'owned-header', 'subtotal', 'progress-column', 'summary', 'report']),
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
  /**
   * A link to a cell of this workbook (the cell a finding or a source points at); the cell still
   * shows `value`, so the address stays readable where a file cleaner strips links.
   */
  link: z.object({ sheet: z.string(), address: z.string() }).optional(),
  /** A cell note (comment) the add-in owns, e.g. asking the department to confirm a suggested rating. */
  note: z.string().optional(),
  /**
   * Cells of the same sheet that must still hold these values (the item's id and name cells), so a
   * row a co-author deleted or moved since the read never receives another item's value.
   */
  guards: z.array(z.object({ address: z.string(), expect: WriteValueSchema })).optional(),
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

/** How an owned sheet prints (the summary: one A4 page per table, landscape, fit to width). */
export const PrintSetupSchema = z.object({
  orientation: z.enum(['portrait', 'landscape']),
  paper: z.enum(['A4', 'A3']),
  /** Scale each page to the paper's width (height follows the content and the row breaks). */
  fitToWidth: z.boolean(),
  /** Rows repeated at the top of every printed page, e.g. '1:2'. */
  titleRows: z.string().optional(),
  /** 0-based rows that start a new page. */
  rowBreaks: z.array(z.number().int().nonnegative()).optional(),
  /** Print area, e.g. 'A1:H40'; absent = the used range. */
  area: z.string().optional(),
});
export type PrintSetup = z.infer<typeof PrintSetupSchema>;

export const NewSheetSchema = z.object({
  /** Decided by the core (settings/ownership.ts): hosts never rename. */
  name: z.string(),
  /** Identity of the owned sheet; one of `cells` carries the tag (ownerNote) so the sheet is recognised again. */
  owner: z.object({ role: z.string(), token: z.string() }),
  /**
   * Replace the existing sheet of this name. The host first checks that the sheet still carries
   * `expectToken` (isOwnedBy); if not, it leaves the sheet alone and writes nothing for it.
   * null = create; a host that then finds the name taken also leaves it alone.
   */
  replace: z.object({ expectToken: z.string().nullable() }).nullable(),
  visibility: z.enum(['visible', 'hidden', 'veryHidden']).optional(),
  cells: z.array(CellWriteSchema),
  merges: z.array(z.string()),
  columnWidths: z.record(z.string(), z.number()).optional(),
  chart: ChartSpecSchema.optional(),
  print: PrintSetupSchema.optional(),
});
export type NewSheet = z.infer<typeof NewSheetSchema>;

export const WritePlanSchema = z.object({
  /** Short description for the undo group / log: 'fill', 'summary', 'progress-columns'. */
  label: z.string(),
  writes: z.array(CellWriteSchema),
  sheets: z.array(NewSheetSchema),
  /** Settings changes applied with the writes, against the store as read at apply time (settings/update.ts). */
  settingsChanges: z.array(SettingsChangeSchema).optional(),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;

export interface ApplyResult {
  written: number;
  /** Writes skipped because the cell no longer held what the plan expected. */
  conflicts: { sheet: string; address: string; found: unknown; expected: unknown }[];
  sheetsCreated: string[];
  /** Sheets not replaced because the add-in did not create them. */
  sheetsLeftAlone: string[];
  /** Writes refused because the cell holds a formula (whatever its result shows). */
  formulaCells: { sheet: string; address: string }[];
  /** Settings changes not made (newer store, damaged row, a co-author's concurrent change). */
  settingsRefused: SettingsRefusal[];
  /**
   * The plan's cell notes (CellWrite.note) on cells that were written: how many were added or
   * updated (a note the add-in wrote earlier is updated, never duplicated), and which were not
   * written and why. Absent when the plan has no notes.
   */
  cellNotes?: CellNotesResult;
  /** What the person should know about this write, in both languages (the pane shows them; the CLI prints them). */
  messages?: { ja: string; en: string }[];
}

export interface CellNotesResult {
  added: number;
  updated: number;
  /**
   * staff-note: the cell already has someone else's note or comment thread, which stays as it is;
   * unsupported: this host cannot write notes (the pane lists the suggestions instead).
   */
  notWritten: { sheet: string; address: string; reason: 'staff-note' | 'unsupported' }[];
}

/**
 * The plan's settings changes once the host knows which new sheets it left alone: a sheet that was
 * not written must not be recorded as the add-in's.
 */
export function settingsChangesFor(plan: WritePlan, leftAlone: readonly string[]): WritePlan['settingsChanges'] {
  const skip = new Set(leftAlone);
  return (plan.settingsChanges ?? [])
    .map((c) => (c.op === 'upsert' && c.key === 'ownedSheets' ? { ...c, items: c.items.filter((i) => !skip.has(String(i.name))) } : c))
    .filter((c) => !(c.op === 'upsert' && c.items.length === 0));
}
