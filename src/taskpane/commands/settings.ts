import { analyse } from '../../core/engine/analyse';
import { suggestMapping, type MappingSuggestion } from '../../core/layouts/generic/suggest';
import type { LayoutMapping } from '../../core/layouts/generic/mapping';
import { LAYOUTS } from '../../core/layouts/registry';
import type { Direction } from '../../core/model/plan';
import type { RuleConfig } from '../../core/rules/config';
import { SettingsSchema, type Settings } from '../../core/settings/schema';
import type { SettingsChange, SettingsRefusal } from '../../core/settings/update';
import type { OnStep, PaneHost } from './types';

export interface SettingsView {
  settings: Settings;
  /** Set when stored settings were damaged, invalid or from a newer add-in (defaults are shown where they could not be read). */
  problem?: { ja: string; en: string };
  /** Revision of each stored key as read, so a save can tell whether a co-author changed it meanwhile. */
  revs: Partial<Record<keyof SettingsEdit, number>>;
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

export type SaveResult =
  | { ok: true; settings: Settings; view?: SettingsView }
  | { ok: false; where: string }
  | { ok: false; refused: SettingsRefusal[] };

const EDITED = ['rules', 'layout', 'mapping', 'reportFy'] as const;

export async function loadSettingsView(host: PaneHost, onStep: OnStep): Promise<SettingsView> {
  onStep('read');
  const grid = await host.read((done, total) => onStep('read', { done, total }));
  onStep('analyse');
  const a = analyse(grid);
  const store = a.store;
  const names = new Map(a.plan.items.map((i) => [i.id, i.name]));
  const problems = store.problems.map((p) => p.message);
  const revs: SettingsView['revs'] = {};
  for (const key of EDITED) {
    const e = store.entries[key];
    if (e && e.raw !== '') revs[key] = e.rev;
  }
  return {
    settings: store.settings,
    revs,
    ...(problems.length ? { problem: { ja: problems.map((p) => p.ja).join('\n'), en: problems.map((p) => p.en).join('\n') } } : {}),
    suggestion: suggestMapping(grid),
    layouts: LAYOUTS.map((l) => ({ id: l.id, label: l.label })),
    items: a.evaluations.map((e) => ({ id: e.itemId, name: names.get(e.itemId) ?? '', direction: e.direction })),
  };
}

/**
 * Saves only the keys the tab edits, each on its own row: a co-author's save of another key is kept,
 * and a save of the same key since the tab was opened is reported instead of overwritten.
 */
export async function saveSettings(host: PaneHost, view: Pick<SettingsView, 'settings' | 'revs'>, edit: SettingsEdit, onStep: OnStep): Promise<SaveResult> {
  onStep('settings');
  const next: Record<string, unknown> = { ...view.settings, rules: edit.rules };
  for (const key of ['layout', 'mapping', 'reportFy'] as const) {
    if (edit[key] === undefined) delete next[key];
    else next[key] = edit[key];
  }
  const parsed = SettingsSchema.safeParse(next);
  if (!parsed.success) return { ok: false, where: parsed.error.issues.map((i) => i.path.join('.')).join(', ') };
  const changes: SettingsChange[] = [];
  for (const key of EDITED) {
    const before = view.settings[key];
    const after = parsed.data[key];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    const baseRev = view.revs[key] ?? null;
    changes.push(after === undefined ? { op: 'remove', key, baseRev } : { op: 'set', key, value: after, baseRev });
  }
  if (changes.length === 0) return { ok: true, settings: parsed.data };
  const r = await host.apply({ label: 'settings', writes: [], sheets: [], settingsChanges: changes });
  if (r.settingsRefused.length) return { ok: false, refused: r.settingsRefused };
  // Re-read: the new revisions are what the next save must start from.
  return { ok: true, settings: parsed.data, view: await loadSettingsView(host, onStep) };
}
