import * as fs from 'node:fs';
import * as path from 'node:path';
import { createExcelHost } from '../../adapters/excel/host';
import { analyse } from '../../core/engine/analyse';
import { LayoutSpecSchema, type LayoutSpec } from '../../core/layouts/kit/spec';
import { readStore } from '../../core/settings/store';
import { createStandIn, gridFromXlsxBuffer, installStandIn } from '../../standin';
import { loadSettingsView, saveSettings } from './settings';
import { draftOf, specOf, type SpecDraft } from './spec-draft';
import { quiet } from './types';

const SAMPLES = path.resolve(__dirname, '../../../assets/samples');

async function setup(file: string) {
  const grid = await gridFromXlsxBuffer(new Uint8Array(fs.readFileSync(path.join(SAMPLES, file))), file);
  const si = createStandIn(grid);
  installStandIn(globalThis as unknown as Record<string, unknown>, si);
  return { si, host: createExcelHost() };
}

describe('the 設定 tab’s layout spec', () => {
  it('a draft of the inferred spec, unchanged, gives the same spec back', async () => {
    const { host } = await setup('generic-city.xlsx');
    const view = await loadSettingsView(host, quiet);
    expect(view.specSaved).toBe(false);
    const spec = view.spec!;
    expect(spec.sheet).toBe('進捗管理表');
    const d = draftOf(spec, view.suggestion?.mapping);
    expect(d).toMatchObject({ scale: 'A-D', unit: '', policy: { match: '' }, group: { match: '' } });
    expect(d.columns['自己評価']).toBe('rating');
    expect(LayoutSpecSchema.parse(specOf(spec, d))).toEqual(spec);
    expect(view.scales.find((x) => x.id === 'S-C')?.symbols).toEqual(['S', 'A', 'B', 'C']);
    expect(view.effectUnits).toEqual(['千円']);
  });

  const base = LayoutSpecSchema.parse({
    id: 'generic',
    scale: 'A-D',
    tables: [{ fields: { name: ['取組名'], rating: { labels: ['評価'], required: 'warning' }, note: ['備考'] }, headings: { rules: [{ level: 'policy', match: 'word' }] } }],
  });
  const draft = (over: Partial<SpecDraft>): LayoutSpec => LayoutSpecSchema.parse(specOf(base, { ...draftOf(base), ...over }));

  it.each<[string, Partial<SpecDraft>, (s: LayoutSpec) => unknown, unknown]>([
    ['a shipped scale by id', { scale: 'S-C' }, (s) => s.scale, 'S-C'],
    ['the scale left to the values', { scale: '' }, (s) => s.scale, undefined],
    ['a unit over the header’s', { unit: '百万円' }, (s) => s.tables[0].amountUnit, '百万円'],
    ['heading rows by a numbering keyword', { policy: { match: 'paren', pattern: '' }, group: { match: 'circled', pattern: '' } }, (s) => s.tables[0].headings.rules, [{ level: 'policy', match: 'paren' }, { level: 'group', match: 'circled' }]],
    ['a pattern for the top level', { policy: { match: 'regex', pattern: '^重点(\\d+)\\s*(.+)$' }, group: { match: '', pattern: '' } }, (s) => s.tables[0].headings.rules, [{ level: 'policy', match: '^重点(\\d+)\\s*(.+)$' }]],
    ['automatic levels drop a lone second-level rule', { policy: { match: '', pattern: '' }, group: { match: 'paren', pattern: '' } }, (s) => s.tables[0].headings.rules, []],
    ['the top level’s name', { policyLabel: ' 重点改革項目 ' }, (s) => s.policyLabel, '重点改革項目'],
    ['a column moved to another field keeps the field’s requirements', { columns: { 取組名: 'name', 評価: 'ignore', 備考: 'rating' } }, (s) => s.tables[0].fields.rating, { labels: ['備考'], required: 'warning' }],
  ])('%s', (_, over, pick, expected) => {
    expect(pick(draft(over))).toEqual(expected);
  });

  it('a first-format mapping saved earlier is shown as the spec it means, and saving it as a spec retires the mapping', async () => {
    const { si, host } = await setup('generic-city.xlsx');
    const first = await loadSettingsView(host, quiet);
    const mapping = { version: 1 as const, sheet: '進捗管理表', headerRow: 5, columns: { 番号: 'id' as const, 取組名: 'name' as const, 自己評価: 'rating' as const } };
    expect((await saveSettings(host, first, { rules: first.settings.rules, mapping }, quiet)).ok).toBe(true);
    const view = await loadSettingsView(host, quiet);
    expect(view.specSaved).toBe(true);
    expect(draftOf(view.spec!).columns).toEqual({ 番号: 'id', 取組名: 'name', 自己評価: 'rating' });
    expect((await saveSettings(host, view, { rules: view.settings.rules, layoutSpec: specOf(view.spec!, draftOf(view.spec!)) }, quiet)).ok).toBe(true);
    const stored = readStore(si.toGrid()).settings;
    expect(stored.mapping).toBeUndefined();
    expect(stored.layoutSpec).toMatchObject({ sheet: '進捗管理表', tables: [{ fields: { id: ['番号'], name: ['取組名'], rating: ['自己評価'] } }] });
  });

  it('a pattern that does not compile is refused with where it is; nothing is written', async () => {
    const { si, host } = await setup('generic-city.xlsx');
    const view = await loadSettingsView(host, quiet);
    const bad = specOf(view.spec!, { ...draftOf(view.spec!), policy: { match: 'regex', pattern: '重点(' } });
    const r = await saveSettings(host, view, { rules: view.settings.rules, layoutSpec: bad }, quiet);
    expect(r).toMatchObject({ ok: false, spec: [{ path: 'tables.0.headings.rules.0.match', message: 'not a regular expression' }] });
    expect(readStore(si.toGrid()).settings.layoutSpec).toBeUndefined();
  });

  it('saved with a scale and a unit: the workbook keeps the spec, re-analysis reads on it, the tab starts from it', async () => {
    const { si, host } = await setup('generic-city.xlsx');
    const view = await loadSettingsView(host, quiet);
    const before = analyse(si.toGrid()).summary;
    const spec = specOf(view.spec!, { ...draftOf(view.spec!), scale: 'S-C', unit: '百万円' });
    const r = await saveSettings(host, view, { rules: view.settings.rules, layoutSpec: spec }, quiet);
    expect(r.ok).toBe(true);
    const stored = readStore(si.toGrid()).settings;
    expect(stored.layoutSpec).toMatchObject({ scale: 'S-C', tables: [{ amountUnit: '百万円' }] });
    expect(stored.mapping).toBeUndefined();
    const after = analyse(si.toGrid());
    expect(after.findings.filter((f) => f.code === 'SET001')).toEqual([]);
    expect(after.summary.scale.symbols.map((x) => x.symbol)).toEqual(['S', 'A', 'B', 'C']);
    expect(after.summary.effectUnits).toEqual(['百万円']);
    // The same figures, typed in 百万円 now: a thousand times the 千円 total.
    expect(after.summary.total.effectPlanned).toBe(before.total.effectPlanned * 1000);
    const again = await loadSettingsView(host, quiet);
    expect(again.specSaved).toBe(true);
    expect(draftOf(again.spec!)).toMatchObject({ scale: 'S-C', unit: '百万円' });
    // Unticked: the saved spec is removed, detection reads as before.
    const off = await saveSettings(host, again, { rules: again.settings.rules }, quiet);
    expect(off.ok).toBe(true);
    expect(readStore(si.toGrid()).settings.layoutSpec).toBeUndefined();
    expect(analyse(si.toGrid()).summary.total.effectPlanned).toBe(before.total.effectPlanned);
  });
});
