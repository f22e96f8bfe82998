import { analyse } from '../../core/engine/analyse';
import { suggestMapping, type MappingSuggestion } from '../../core/layouts/generic/suggest';
import type { LayoutMapping } from '../../core/layouts/generic/mapping';
import { LAYOUTS } from '../../core/layouts/registry';
import type { Direction } from '../../core/model/plan';
import type { RuleConfig } from '../../core/rules/config';
import { readSettings, SettingsSchema, writeSettings, type Settings } from '../../core/settings/schema';
import type { OnStep, PaneHost } from './types';

export interface SettingsView {
  settings: Settings;
  /** Set when the stored JSON was broken or invalid and defaults are shown instead. */
  problem?: { ja: string; en: string };
  suggestion?: MappingSuggestion;
  layouts: { id: string; label: { ja: string; en: string } }[];
  /** Items with the direction currently used, so overrides can be chosen next to the inferred one. */
  items: { id: string; name: string; direction: Direction }[];
}

/** What the 設定 tab edits; everything else in the stored settings (owned sheets, suggestions) is kept. */
export interface SettingsEdit {
  rules: RuleConfig;
  layout?: string;
  mapping?: LayoutMapping;
  reportFy?: number;
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; where: string };

export async function loadSettingsView(host: PaneHost, onStep: OnStep): Promise<SettingsView> {
  onStep('read');
  const grid = await host.read((done, total) => onStep('read', { done, total }));
  onStep('analyse');
  const stored = readSettings(grid.settings);
  const a = analyse(grid);
  const names = new Map(a.plan.items.map((i) => [i.id, i.name]));
  return {
    settings: stored.settings,
    ...(stored.ok ? {} : { problem: stored.error }),
    suggestion: suggestMapping(grid),
    layouts: LAYOUTS.map((l) => ({ id: l.id, label: l.label })),
    items: a.evaluations.map((e) => ({ id: e.itemId, name: names.get(e.itemId) ?? '', direction: e.direction })),
  };
}

/**
 * Merges the edit into the settings as stored right now (a co-author may have saved since the tab
 * was opened, or a fill recorded its suggestions) and validates with the schema before writing.
 */
export async function saveSettings(host: PaneHost, edit: SettingsEdit, onStep: OnStep): Promise<SaveResult> {
  onStep('settings');
  const current = readSettings(await host.readSettings()).settings;
  const next: Record<string, unknown> = { ...current, rules: edit.rules };
  for (const key of ['layout', 'mapping', 'reportFy'] as const) {
    if (edit[key] === undefined) delete next[key];
    else next[key] = edit[key];
  }
  const parsed = SettingsSchema.safeParse(next);
  if (!parsed.success) return { ok: false, where: parsed.error.issues.map((i) => i.path.join('.')).join(', ') };
  await host.writeSettings(writeSettings(parsed.data));
  return { ok: true, settings: parsed.data };
}
