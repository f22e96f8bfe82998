import { analyse } from '../../core/engine/analyse';
import { suggestMapping, type MappingSuggestion } from '../../core/layouts/generic/suggest';
import { specFromMapping, type LayoutMapping } from '../../core/layouts/generic/mapping';
import { LayoutSpecSchema, type LayoutSpec } from '../../core/layouts/kit/spec';
import { LAYOUTS } from '../../core/layouts/registry';
import { SCALES } from '../../core/values/scales';
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
  /**
   * The layout spec the tab starts from: the one saved in the workbook (`layoutSpec`), else the one
   * saved in the first format (`mapping`), else the one detection inferred (suggestion.spec).
   * `specSaved` tells which; a saved one that does not parse is shown as the inferred one, with the
   * analysis' SET001 in `problem`.
   */
  spec?: LayoutSpec;
  specSaved: boolean;
  /** The shipped rating scales, with their symbols best first, for the scale dropdown. */
  scales: { id: string; label: { ja: string; en: string }; symbols: string[] }[];
  /** Units the sheet's amounts were read in (円, 千円 …), for the unit dropdown's "as the header says". */
  effectUnits: string[];
  layouts: { id: string; label: { ja: string; en: string } }[];
  /** Items with the direction currently used, so overrides can be chosen next to the inferred one. */
  items: { id: string; name: string; direction: Direction }[];
}

/** What the 設定 tab edits; everything else in the stored settings (owned sheets, suggestions) is kept. */
export interface SettingsEdit {
  rules: RuleConfig;
  layout?: string;
  mapping?: LayoutMapping;
  /** A layout spec (kit/spec.ts); saving one retires the first format's `mapping`, which it supersedes. */
  layoutSpec?: LayoutSpec;
  reportFy?: number;
}

export type SaveResult =
  | { ok: true; settings: Settings; view?: SettingsView }
  | { ok: false; where: string }
  /** The layout spec does not parse: each zod issue with its path in the spec. */
  | { ok: false; spec: { path: string; message: string }[] }
  | { ok: false; refused: SettingsRefusal[] };

const EDITED = ['rules', 'layout', 'mapping', 'layoutSpec', 'reportFy'] as const;

export async function loadSettingsView(host: PaneHost, onStep: OnStep): Promise<SettingsView> {
  onStep('read');
  const grid = await host.read((done, total) => onStep('read', { done, total }));
  onStep('analyse');
  const a = analyse(grid);
  const store = a.store;
  const names = new Map(a.plan.items.map((i) => [i.id, i.name]));
  // Store problems, and a saved spec that does not parse (SET001 on its row).
  const problems = [...store.problems.map((p) => p.message), ...a.findings.filter((f) => f.code === 'SET001' && f.params.key === 'layoutSpec').map((f) => f.message)];
  const suggestion = suggestMapping(grid);
  const saved = store.settings.layoutSpec === undefined ? undefined : LayoutSpecSchema.safeParse(store.settings.layoutSpec);
  // A first-format mapping saved earlier is a saved layout too: shown as the spec it means.
  const kept = saved?.success ? saved.data : store.settings.mapping ? specFromMapping(store.settings.mapping) : undefined;
  const spec = kept ?? suggestion?.spec;
  const revs: SettingsView['revs'] = {};
  for (const key of EDITED) {
    const e = store.entries[key];
    if (e && e.raw !== '') revs[key] = e.rev;
  }
  return {
    settings: store.settings,
    revs,
    ...(problems.length ? { problem: { ja: problems.map((p) => p.ja).join('\n'), en: problems.map((p) => p.en).join('\n') } } : {}),
    ...(suggestion ? { suggestion } : {}),
    ...(spec ? { spec } : {}),
    specSaved: kept !== undefined,
    scales: SCALES.map((x) => ({ id: x.id, label: x.label, symbols: x.symbols.map((y) => y.symbol) })),
    effectUnits: a.summary.effectUnits,
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
  let spec: LayoutSpec | undefined;
  if (edit.layoutSpec !== undefined) {
    const r = LayoutSpecSchema.safeParse(edit.layoutSpec);
    if (!r.success) return { ok: false, spec: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    spec = r.data;
  }
  const next: Record<string, unknown> = { ...view.settings, rules: edit.rules };
  for (const key of ['layout', 'mapping', 'reportFy'] as const) {
    if (edit[key] === undefined) delete next[key];
    else next[key] = edit[key];
  }
  // One saved layout: a spec supersedes the first format's mapping (analysis would ignore it anyway).
  if (spec) {
    next.layoutSpec = spec;
    delete next.mapping;
  } else delete next.layoutSpec;
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
