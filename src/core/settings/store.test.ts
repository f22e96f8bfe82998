import fc from 'fast-check';
import type { SheetGrid, WorkbookGrid } from '../grid/types';
import { DEFAULT_RULES } from '../rules/config';
import { emptyStore, keyRow, readStore, SETTINGS_CHUNK, SETTINGS_MARKER, SETTINGS_SHEET, type SettingsStore } from './store';
import { planSettingsWrite, type SettingsChange, type SettingsWrite } from './update';

const staff: SheetGrid = { name: '一覧', values: [['No', '取組']], merges: [] };

/** What a host does with a settings write: cells in, nothing else touched. */
function applyWrite(wb: WorkbookGrid, write: SettingsWrite | null): WorkbookGrid {
  if (!write) return wb;
  const sheets = wb.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  let sheet = sheets.find((s) => s.name === write.sheet);
  if (!sheet) {
    expect(write.create).toBe(true);
    sheet = { name: write.sheet, values: [], merges: [], visibility: 'veryHidden' };
    sheets.push(sheet);
  }
  for (const r of write.rows) {
    const row = (sheet.values[r.row] ??= []);
    r.values.forEach((v, c) => (row[c] = v));
  }
  sheet.values = Array.from(sheet.values, (r) => r ?? []);
  return { ...wb, sheets };
}

function save(wb: WorkbookGrid, changes: SettingsChange[], by = 'test'): { wb: WorkbookGrid; refused: string[] } {
  const plan = planSettingsWrite(readStore(wb), changes, { by });
  return { wb: applyWrite(wb, plan.write), refused: plan.refused.map((r) => `${r.key}:${r.kind}`) };
}

const set = (key: SettingsChange['key'], value: unknown, baseRev: number | null = null): SettingsChange => ({ op: 'set', key, value, baseRev });
const book = (...sheets: SheetGrid[]): WorkbookGrid => ({ name: 'b.xlsx', sheets: [staff, ...sheets] });

describe('the settings store', () => {
  test('a workbook without settings reads as defaults and gets a very hidden `_shinchoku` on first save', () => {
    const store = readStore(book());
    expect([store.sheet, store.createName, store.settings]).toEqual([null, SETTINGS_SHEET, emptyStore(SETTINGS_SHEET).settings]);
    const { wb } = save(book(), [set('reportFy', 2023)]);
    const sheet = wb.sheets.find((s) => s.name === SETTINGS_SHEET)!;
    expect(sheet.values[0].slice(0, 2)).toEqual([SETTINGS_MARKER, 2]);
    expect(sheet.values[keyRow('reportFy')]).toEqual(['reportFy', 1, 'test', '2023']);
    expect(readStore(wb).settings.reportFy).toBe(2023);
  });

  test('a staff sheet called `_shinchoku` is never read or written: the store goes to `_shinchoku_settings`', () => {
    const theirs: SheetGrid = { name: '_shinchoku', values: [['メモ'], ['rules', 1, 'x', '{}']], merges: [] };
    const store = readStore(book(theirs));
    expect([store.sheet, store.createName]).toEqual([null, '_shinchoku_settings']);
    const { wb } = save(book(theirs), [set('layout', 'generic')]);
    expect(wb.sheets.find((s) => s.name === '_shinchoku')).toEqual(theirs);
    expect(readStore(wb)).toMatchObject({ sheet: '_shinchoku_settings', settings: { layout: 'generic' } });
  });

  test('the store is found by its marker whatever its name', () => {
    const { wb } = save(book(), [set('reportFy', 2024)]);
    const renamed = { ...wb, sheets: wb.sheets.map((s) => (s.name === SETTINGS_SHEET ? { ...s, name: '設定' } : s)) };
    expect(readStore(renamed)).toMatchObject({ sheet: '設定', settings: { reportFy: 2024 } });
  });

  test('keys live on their own rows: saving one key writes only its row', () => {
    let { wb } = save(book(), [set('reportFy', 2023), set('layout', 'isehara-list')]);
    const plan = planSettingsWrite(readStore(wb), [set('layout', 'generic', 1)], { by: 'b' });
    expect(plan.write!.rows.map((r) => r.row)).toEqual([keyRow('layout')]);
    wb = applyWrite(wb, plan.write);
    expect(readStore(wb).settings).toMatchObject({ reportFy: 2023, layout: 'generic' });
    expect(readStore(wb).entries.layout).toMatchObject({ rev: 2, by: 'b' });
  });

  test('a save whose base revision moved is refused, not overwritten (a co-author saved the same key)', () => {
    let { wb } = save(book(), [set('reportFy', 2023)]);
    ({ wb } = save(wb, [set('reportFy', 2024, 1)], 'alice'));
    const bob = save(wb, [set('reportFy', 2025, 1)], 'bob');
    expect(bob.refused).toEqual(['reportFy:conflict']);
    expect(readStore(bob.wb).settings.reportFy).toBe(2024);
  });

  test('list keys merge item by item, so two fills recording suggestions at once both keep theirs', () => {
    const upsert = (address: string, value: string): SettingsChange => ({
      op: 'upsert',
      key: 'suggested',
      items: [{ sheet: 'S', address, value }],
      identity: ['sheet', 'address'],
    });
    let { wb } = save(book(), [upsert('A1', 'A')]);
    ({ wb } = save(wb, [upsert('A2', 'B'), upsert('A1', 'C')]));
    ({ wb } = save(wb, [{ op: 'drop', key: 'suggested', items: [{ sheet: 'S', address: 'A2' }], identity: ['sheet', 'address'] }]));
    expect(readStore(wb).settings.suggested).toEqual([{ sheet: 'S', address: 'A1', value: 'C' }]);
  });

  test('fields and keys this version does not know are kept', () => {
    let { wb } = save(book(), [set('rules', { ratingRule: 'thresholds' })]);
    const sheet = wb.sheets.find((s) => s.name === SETTINGS_SHEET)!;
    sheet.values[keyRow('rules')][3] = JSON.stringify({ ratingRule: 'thresholds', future: [1, 2] });
    sheet.values[40] = ['futureKey', 3, 'v9', '"x"'];
    ({ wb } = save(wb, [set('rules', { ...readStore(wb).settings.rules, ratingRule: 'direction-vs-baseline' }, 1)]));
    const store = readStore(wb);
    expect(store.entries.rules.json).toMatchObject({ ratingRule: 'direction-vs-baseline', future: [1, 2] });
    expect(store.entries.futureKey).toMatchObject({ rev: 3, raw: '"x"' });
  });

  test('a damaged row is reported at its cell, its key falls back to the default, the row is never rewritten', () => {
    const { wb } = save(book(), [set('rules', { ratingRule: 'thresholds' }), set('reportFy', 2023)]);
    const sheet = wb.sheets.find((s) => s.name === SETTINGS_SHEET)!;
    sheet.values[keyRow('rules')][3] = '{"ratingRule": "thresh';
    const store = readStore(wb);
    expect(store.problems.map((p) => [p.kind, p.key, p.address])).toEqual([['corrupt', 'rules', `D${keyRow('rules') + 1}`]]);
    expect(store.settings.rules).toEqual(DEFAULT_RULES);
    expect(store.settings.reportFy).toBe(2023);
    const again = save(wb, [set('rules', DEFAULT_RULES, 1), set('reportFy', 2024, 1)]);
    expect(again.refused).toEqual(['rules:broken']);
    const after = again.wb.sheets.find((s) => s.name === SETTINGS_SHEET)!;
    expect(after.values[keyRow('rules')][3]).toBe('{"ratingRule": "thresh');
    expect(readStore(again.wb).settings.reportFy).toBe(2024);
  });

  test('a value that breaks its schema is reported with the field, and kept as it is', () => {
    let { wb } = save(book(), [set('reportFy', 2023)]);
    wb.sheets.find((s) => s.name === SETTINGS_SHEET)!.values[keyRow('rules')] = ['rules', 1, 'x', JSON.stringify({ thresholds: { A: 'many' } })];
    const store = readStore(wb);
    expect(store.problems[0]).toMatchObject({ kind: 'invalid', key: 'rules' });
    expect(store.problems[0].message.ja).toContain('thresholds.A');
    ({ wb } = save(wb, [set('reportFy', 2030, 1)]));
    expect(readStore(wb).problems).toHaveLength(1);
  });

  test('a store written by a newer add-in is read as far as understood and never rewritten', () => {
    const { wb } = save(book(), [set('reportFy', 2023)]);
    wb.sheets.find((s) => s.name === SETTINGS_SHEET)!.values[0][1] = 3;
    const store = readStore(wb);
    expect([store.writable, store.settings.reportFy, store.problems[0].kind]).toEqual([false, 2023, 'newer']);
    expect(store.problems[0].message.ja).toContain('保存形式 3');
    const plan = planSettingsWrite(store, [set('reportFy', 2024, 1)], { by: 'x' });
    expect(plan.write).toBeNull();
    expect(plan.refused.map((r) => r.kind)).toEqual(['newer']);
  });

  test('values longer than a cell allows continue in the next cells and read back whole', () => {
    const suggested = Array.from({ length: 1500 }, (_, i) => ({ sheet: '取組項目一覧', address: `I${i + 7}`, value: 'B 概ね計画どおり' }));
    const { wb } = save(book(), [set('suggested', suggested)]);
    const row = wb.sheets.find((s) => s.name === SETTINGS_SHEET)!.values[keyRow('suggested')];
    expect(row.length).toBeGreaterThan(4);
    expect(row.slice(3).every((c) => typeof c === 'string' && c.length <= SETTINGS_CHUNK)).toBe(true);
    expect(readStore(wb).settings.suggested).toEqual(suggested);
    // Shorter again: the old continuation cells are blanked, not left behind.
    const { wb: wb2 } = save(wb, [set('suggested', suggested.slice(0, 2), 1)]);
    const row2 = wb2.sheets.find((s) => s.name === SETTINGS_SHEET)!.values[keyRow('suggested')];
    expect(row2.slice(4).every((c) => c === null)).toBe(true);
    expect(readStore(wb2).settings.suggested).toHaveLength(2);
  });

  test('a format-1 sheet (one JSON value) is read, and upgraded in place on the next save', () => {
    const v1 = JSON.stringify({ version: 1, rules: { ratingRule: 'thresholds' }, ownedSheets: ['行革集計'], reportFy: 2023 });
    const legacy: SheetGrid = {
      name: SETTINGS_SHEET,
      values: [
        ['shinchoku.highlight', '[{"sheet":"一覧","address":"B2","original":"#FFFFFF","color":"#FFC7CE"}]'],
        ['shinchoku.settings', v1.slice(0, 20), v1.slice(20)],
      ],
      merges: [],
      visibility: 'veryHidden',
    };
    const store = readStore(book(legacy));
    expect(store).toMatchObject({ legacy: true, format: 1, sheet: SETTINGS_SHEET });
    expect(store.settings).toMatchObject({ reportFy: 2023, rules: { ratingRule: 'thresholds' }, ownedSheets: [{ role: 'legacy', name: '行革集計', token: '' }] });
    expect(store.settings.highlight).toHaveLength(1);
    const { wb } = save(book(legacy), [set('layout', 'generic', null)]);
    const upgraded = readStore(wb);
    expect(upgraded).toMatchObject({ legacy: false, format: 2 });
    expect(upgraded.settings).toMatchObject({ reportFy: 2023, layout: 'generic', rules: { ratingRule: 'thresholds' } });
    expect(upgraded.settings.highlight).toHaveLength(1);
    const sheet = wb.sheets.find((s) => s.name === SETTINGS_SHEET)!;
    expect(sheet.values.some((r) => String(r[0] ?? '').startsWith('shinchoku.'))).toBe(false);
  });

  test('property: any sequence of saves reads back as the last value saved per key', () => {
    const keyArb = fc.constantFrom('reportFy' as const, 'layout' as const, 'lang' as const);
    const valueFor = { reportFy: fc.integer({ min: 2000, max: 2100 }), layout: fc.string({ maxLength: 40 }), lang: fc.constantFrom('ja', 'en') };
    const stepArb = keyArb.chain((key) => fc.tuple(fc.constant(key), fc.option(valueFor[key] as fc.Arbitrary<unknown>, { nil: undefined })));
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        let wb = book();
        const expected: Record<string, unknown> = {};
        for (const [key, value] of steps) {
          const store: SettingsStore = readStore(wb);
          const e = store.entries[key];
          const baseRev = e && e.raw !== '' ? e.rev : null;
          const change: SettingsChange = value === undefined ? { op: 'remove', key, baseRev } : set(key, value, baseRev);
          const r = save(wb, [change]);
          expect(r.refused).toEqual([]);
          wb = r.wb;
          if (value === undefined) delete expected[key];
          else expected[key] = value;
        }
        const got = readStore(wb).settings as Record<string, unknown>;
        for (const key of ['reportFy', 'layout', 'lang']) expect(got[key]).toEqual(expected[key]);
        expect(readStore(wb).problems).toEqual([]);
      }),
    );
  });
});
