import { z } from 'zod';

/**
 * The one shape in which cells enter the core, whichever host read them (ExcelJS file, Office.js,
 * the in-memory stand-in). Rows and columns are 0-based here; A1 addresses appear only at the edges
 * (findings, write plans) through `a1.ts`.
 */

/** A raw cell value as a host reports it, like Office.js `Range.values`: dates as serial numbers, errors as their literal (`#N/A`). */
export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

/** A rectangular area, inclusive, 0-based. */
export const RangeSchema = z.object({
  top: z.number().int().nonnegative(),
  left: z.number().int().nonnegative(),
  bottom: z.number().int().nonnegative(),
  right: z.number().int().nonnegative(),
});
export type Range = z.infer<typeof RangeSchema>;

export const SheetGridSchema = z.object({
  name: z.string(),
  /** values[row][col]; rows may be ragged, missing cells are null. */
  values: z.array(z.array(CellValueSchema)),
  /** Formulas where the host knows them (same indexing as values), used to spot owned/computed cells. */
  formulas: z.array(z.array(z.string().nullable())).optional(),
  /** Merged areas; the value lives in the top-left cell, the rest read as null. */
  merges: z.array(RangeSchema),
  /**
   * Areas under an input rule (data validation) where the host can tell: staff reserved those cells
   * (a 確認 list in a blank column), so a column of the tool's own never goes there.
   */
  ruled: z.array(RangeSchema).optional(),
  /** Sheet protection as the host sees it; writes to a protected sheet are refused before they start. */
  protected: z.boolean().optional(),
  /** Hidden sheets are still read (templates are often hidden) but never offered as targets. */
  visibility: z.enum(['visible', 'hidden', 'veryHidden']).optional(),
});
export type SheetGrid = z.infer<typeof SheetGridSchema>;

export const WorkbookGridSchema = z.object({
  /** A name for messages: the file name, or the document title in Excel. */
  name: z.string(),
  /** Every sheet, hidden ones included; the add-in's settings sheet is among them (core/settings/store.ts). */
  sheets: z.array(SheetGridSchema),
});
export type WorkbookGrid = z.infer<typeof WorkbookGridSchema>;

/** A cell somewhere in a workbook: what every finding and every parsed value points at. */
export const CellRefSchema = z.object({ sheet: z.string(), address: z.string() });
export type CellRef = z.infer<typeof CellRefSchema>;
