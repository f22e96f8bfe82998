import { z } from 'zod';
import { LayoutMappingSchema } from '../layouts/generic/mapping';
import { DEFAULT_RULES, RuleConfigSchema } from '../rules/config';

/**
 * Settings saved in the workbook, so they travel with the file and every co-author sees the same
 * rules. Each key is stored on a row of its own (see store.ts), so two people changing different
 * keys at once both keep their change; the value schemas below say what each key may hold.
 *
 * Objects are read loosely: a field this version does not know (written by a newer add-in) is kept
 * and written back unchanged whenever its key is rewritten.
 */

/** A sheet the add-in created; `token` is also written into the sheet itself (ownership.ts). */
export const OwnedSheetSchema = z.looseObject({
  role: z.string(),
  name: z.string(),
  token: z.string(),
  /** Fingerprint of the cells written (ownership.ts sheetDigest): a sheet that no longer matches was changed by hand and is kept. */
  digest: z.string().optional(),
});
export type OwnedSheet = z.infer<typeof OwnedSheetSchema>;

/** A column the add-in added to a staff table (達成率（自動）, 令和8年度 実績 …), by its header cell. */
export const OwnedColumnSchema = z.looseObject({
  sheet: z.string(),
  field: z.string(),
  /** Header text the add-in wrote; the column is found again by this text on the recorded sheet. */
  header: z.string(),
});
export type OwnedColumn = z.infer<typeof OwnedColumnSchema>;

/**
 * A rating cell the add-in filled with a suggestion, and what it wrote: a cell still holding that
 * value is the add-in's to update; once staff change it, it is theirs and never touched again.
 */
export const SuggestedCellSchema = z.looseObject({ sheet: z.string(), address: z.string(), value: z.string() });
export type SuggestedCell = z.infer<typeof SuggestedCellSchema>;

/**
 * Every key the add-in stores, in the order of their rows in the settings sheet. The order is part
 * of the file format: append new keys at the end, never reorder or reuse a row.
 */
export const SETTINGS_KEYS = [
  'rules',
  'layout',
  'mapping',
  'reportFy',
  'lang',
  'ownedSheets',
  'ownedColumns',
  'suggested',
  'highlight',
  'rulePack',
  'layoutSpec',
] as const;
export type SettingsKey = (typeof SETTINGS_KEYS)[number];

/** Value schema per key; `rules` is stored partially (missing fields take the documented defaults). */
export const SETTINGS_VALUE_SCHEMAS: Record<SettingsKey, z.ZodType> = {
  rules: RuleConfigSchema.partial().loose(),
  layout: z.string(),
  mapping: LayoutMappingSchema.loose(),
  reportFy: z.number().int(),
  lang: z.enum(['ja', 'en']),
  ownedSheets: z.array(OwnedSheetSchema),
  ownedColumns: z.array(OwnedColumnSchema),
  suggested: z.array(SuggestedCellSchema),
  /** Original fills of cells the task pane coloured (Office adapter's own records). */
  highlight: z.array(z.looseObject({ sheet: z.string(), address: z.string() })),
  /** Rule pack the workbook was rated with (rules/); validated by its owner. */
  rulePack: z.unknown(),
  /** A saved layout spec (layouts/kit); validated by its owner. */
  layoutSpec: z.unknown(),
};

export const SettingsSchema = z.object({
  rules: RuleConfigSchema,
  /** Forced layout id; absent = detect. */
  layout: z.string().optional(),
  mapping: LayoutMappingSchema.optional(),
  /** Fiscal year being reported; absent = what the sheet says. */
  reportFy: z.number().int().optional(),
  lang: z.enum(['ja', 'en']).optional(),
  ownedSheets: z.array(OwnedSheetSchema),
  ownedColumns: z.array(OwnedColumnSchema),
  suggested: z.array(SuggestedCellSchema),
  highlight: z.array(z.looseObject({ sheet: z.string(), address: z.string() })).optional(),
  rulePack: z.unknown().optional(),
  layoutSpec: z.unknown().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { rules: DEFAULT_RULES, ownedSheets: [], ownedColumns: [], suggested: [] };
