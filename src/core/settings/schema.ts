import { z } from 'zod';
import { LayoutMappingSchema } from '../layouts/generic/mapping';
import { DEFAULT_RULES, RuleConfigSchema } from '../rules/config';

/**
 * Settings saved in the workbook, so they travel with the file and every co-author sees the same
 * rules. Stored as versioned JSON under SETTINGS_KEY; older versions are migrated on read.
 */
export const SETTINGS_KEY = 'shinchoku.settings';

export const SettingsSchema = z.object({
  version: z.literal(1),
  rules: RuleConfigSchema,
  /** Forced layout id; absent = detect. */
  layout: z.string().optional(),
  mapping: LayoutMappingSchema.optional(),
  /** Fiscal year being reported; absent = what the sheet says. */
  reportFy: z.number().int().optional(),
  /** Names of sheets this add-in created, so it may replace them and nothing else. */
  ownedSheets: z.array(z.string()),
  lang: z.enum(['ja', 'en']).optional(),
  /**
   * Rating cells the add-in filled with a suggestion, and what it wrote: a cell still holding that
   * value is the add-in's to update; once staff change it, it is theirs and never touched again.
   */
  suggested: z.array(z.object({ sheet: z.string(), address: z.string(), value: z.string() })).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, rules: DEFAULT_RULES, ownedSheets: [] };

export type SettingsRead =
  | { ok: true; settings: Settings; fromWorkbook: boolean }
  | { ok: false; settings: Settings; error: { ja: string; en: string } };

/** Reads settings from the workbook's key/value store; a broken value falls back to defaults and says so. */
export function readSettings(store: Record<string, string> | undefined): SettingsRead {
  const raw = store?.[SETTINGS_KEY];
  if (raw === undefined || raw === '') return { ok: true, settings: DEFAULT_SETTINGS, fromWorkbook: false };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      settings: DEFAULT_SETTINGS,
      error: {
        ja: 'ブックに保存された設定(JSON)が壊れているため、既定の設定を使います。設定画面で保存し直してください。',
        en: 'The settings saved in the workbook are not valid JSON; defaults are used. Save the settings again.',
      },
    };
  }
  const merged =
    json && typeof json === 'object'
      ? { ...DEFAULT_SETTINGS, ...(json as object), rules: { ...DEFAULT_RULES, ...((json as { rules?: object }).rules ?? {}) } }
      : json;
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    return {
      ok: false,
      settings: DEFAULT_SETTINGS,
      error: {
        ja: `ブックに保存された設定に不正な値があります(${where})。既定の設定を使います。`,
        en: `The settings saved in the workbook have invalid values (${where}); defaults are used.`,
      },
    };
  }
  return { ok: true, settings: parsed.data, fromWorkbook: true };
}

export function writeSettings(settings: Settings): Record<string, string> {
  return { [SETTINGS_KEY]: JSON.stringify(SettingsSchema.parse(settings)) };
}
