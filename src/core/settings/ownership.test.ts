import type { SheetGrid, WorkbookGrid } from '../grid/types';
import { gridDigest, isOwnedBy, ownerNote, ownerTokenOf, ownsColumn, planOwnedSheet } from './ownership';
import type { OwnedSheet } from './schema';
import { emptyStore, readStore, type SettingsStore } from './store';

const staffList: SheetGrid = { name: '取組項目一覧', values: [['基本方針', '取組']], merges: [] };
const sheet = (name: string, ...rows: (string | null)[][]): SheetGrid => ({ name, values: rows, merges: [] });
const book = (...sheets: SheetGrid[]): WorkbookGrid => ({ name: 'b.xlsx', sheets: [staffList, ...sheets] });
const storeWith = (ownedSheets: OwnedSheet[], legacy = false): SettingsStore => ({
  ...emptyStore('_shinchoku'),
  legacy,
  settings: { ...emptyStore('_shinchoku').settings, ownedSheets },
});

describe('owner tags', () => {
  test('the note carries the tag in both languages and is found in the top-left block only', () => {
    for (const lang of ['ja', 'en'] as const) {
      expect(ownerTokenOf([[null, ownerNote('summary', 'abc1234', lang)]])).toEqual({ role: 'summary', token: 'abc1234' });
    }
    const far: (string | null)[][] = Array.from({ length: 12 }, () => []);
    far[11] = [ownerNote('summary', 'abc1234', 'ja')];
    expect(ownerTokenOf(far)).toBeUndefined();
    expect(isOwnedBy([['[shinchoku:summary:abc1234]']], 'abc1234')).toBe(true);
    expect(isOwnedBy([['[shinchoku:summary:abc1234]']], 'zzz9999')).toBe(false);
  });
});

describe('planOwnedSheet', () => {
  const tagged = (name: string, token: string) => sheet(name, ['集計'], [ownerNote('summary', token, 'ja')]);

  test.each<[string, WorkbookGrid, SettingsStore, string, Partial<ReturnType<typeof planOwnedSheet>>]>([
    ['no sheet of that name: create it', book(), storeWith([]), '行革集計', { name: '行革集計', replace: null }],
    [
      'a staff sheet has the name: leave it, use the next free name and say so',
      book(sheet('行革集計', ['職員のメモ'])),
      storeWith([]),
      '行革集計',
      { name: '行革集計 (2)', replace: null, displaced: '行革集計' },
    ],
    [
      'names compare without case, like Excel',
      book(sheet('Summary', ['memo'])),
      storeWith([]),
      'summary',
      { name: 'summary (2)', displaced: 'summary' },
    ],
    [
      'our own sheet, recorded and tagged: replace it, keeping its token',
      book(tagged('行革集計', 'tok0001')),
      storeWith([{ role: 'summary', name: '行革集計', token: 'tok0001' }]),
      '行革集計',
      { name: '行革集計', token: 'tok0001', replace: { expectToken: 'tok0001' } },
    ],
    [
      'a tagged sheet the settings do not record (copied in from another workbook) is not ours',
      book(tagged('行革集計', 'tok0001')),
      storeWith([]),
      '行革集計',
      { name: '行革集計 (2)', replace: null, displaced: '行革集計' },
    ],
    [
      'recorded but the tag is gone (staff rebuilt the sheet by hand): not ours',
      book(sheet('行革集計', ['集計'], ['手で作り直した表'])),
      storeWith([{ role: 'summary', name: '行革集計', token: 'tok0001' }]),
      '行革集計',
      { name: '行革集計 (2)', replace: null },
    ],
    [
      'our sheet placed beside a staff sheet last time is reused, not a third one made',
      book(sheet('行革集計', ['職員のメモ']), tagged('行革集計 (2)', 'tok0002')),
      storeWith([{ role: 'summary', name: '行革集計 (2)', token: 'tok0002' }]),
      '行革集計',
      { name: '行革集計 (2)', token: 'tok0002', replace: { expectToken: 'tok0002' }, displaced: '行革集計' },
    ],
    [
      'a format-1 sheet recorded by name with the old credit line is replaced (checked by content)',
      book(sheet('行革集計', ['令和5年度 行財政改革 取組結果の集計'], ['集計元: a.xlsx'], ['作成: 行革進捗アシスタント 2024-05-01 10:00'])),
      storeWith([{ role: 'legacy', name: '行革集計', token: '' }], true),
      '行革集計',
      { name: '行革集計', replace: { expectToken: null } },
    ],
    [
      'a format-1 record whose sheet has no credit line is not trusted',
      book(sheet('行革集計', ['職員の集計'])),
      storeWith([{ role: 'legacy', name: '行革集計', token: '' }], true),
      '行革集計',
      { name: '行革集計 (2)', replace: null },
    ],
  ])('%s', (_, wb, store, wanted, expected) => {
    expect(planOwnedSheet(wb, store, 'summary', wanted)).toMatchObject(expected);
  });

  describe('a sheet of ours someone changed since it was written is theirs now', () => {
    // What the add-in wrote: the tagged sheet, and its fingerprint as recordOwnedSheet records it.
    const written = tagged('行革集計', 'tok0001');
    const digest = gridDigest(written.values);
    const record = (over: Partial<OwnedSheet> = {}) => storeWith([{ role: 'summary', name: '行革集計', token: 'tok0001', digest, ...over }]);
    const edited = (...rows: (string | null)[][]) => sheet('行革集計', ...written.values.map((r) => [...(r as (string | null)[])]), ...rows);

    test.each<[string, SheetGrid, SettingsStore, Partial<ReturnType<typeof planOwnedSheet>>]>([
      ['as written: replaced', written, record(), { name: '行革集計', replace: { expectToken: 'tok0001' } }],
      ['read back with trailing spaces and CRLF in a text: still as written', sheet('行革集計', ['集計 '], [ownerNote('summary', 'tok0001', 'ja')]), record(), { name: '行革集計', replace: { expectToken: 'tok0001' } }],
      ['a remark typed below: kept, the new sheet beside it', edited([], ['議会説明: 決算見込みで再計算予定']), record(), { name: '行革集計 (2)', replace: null, displaced: '行革集計', edited: true }],
      ['a figure typed over: kept', sheet('行革集計', ['集計（修正版）'], written.values[1] as string[]), record(), { name: '行革集計 (2)', replace: null, displaced: '行革集計', edited: true }],
      ['recorded before fingerprints were: replaced as before', edited(['メモ']), record({ digest: undefined }), { name: '行革集計', replace: { expectToken: 'tok0001' } }],
    ])('%s', (_, sheetNow, store, expected) => {
      const plan = planOwnedSheet(book(sheetNow), store, 'summary', '行革集計');
      expect(plan).toMatchObject(expected);
      if (!('edited' in expected)) expect(plan.edited).toBeUndefined();
    });

    test('the next run writes again to the sheet it put beside the kept one, while that one is unchanged', () => {
      const beside = tagged('行革集計 (2)', 'tok0002');
      const store = storeWith([
        { role: 'summary', name: '行革集計', token: 'tok0001', digest },
        { role: 'summary', name: '行革集計 (2)', token: 'tok0002', digest: gridDigest(beside.values) },
      ]);
      expect(planOwnedSheet(book(edited(['メモ']), beside), store, 'summary', '行革集計')).toMatchObject({ name: '行革集計 (2)', replace: { expectToken: 'tok0002' }, edited: true });
    });

    test('numbers compare to the 15 digits Excel keeps', () => {
      expect(gridDigest([[0.1 + 0.2, 'x']])).toBe(gridDigest([[0.3, 'x']]));
      expect(gridDigest([[1234.5]])).not.toBe(gridDigest([[1234.6]]));
      expect(gridDigest([[1], [null, 2]])).toBe(gridDigest([[1, null], [undefined as unknown as null, 2, '']]));
    });
  });

  test('tokens are stable for the same workbook and differ between roles', () => {
    const a = planOwnedSheet(book(), storeWith([]), 'summary', '行革集計');
    const b = planOwnedSheet(book(), storeWith([]), 'summary', '行革集計');
    const c = planOwnedSheet(book(), storeWith([]), 'breakdown', '内訳');
    expect(a.token).toBe(b.token);
    expect(a.token).not.toBe(c.token);
    expect(a.token).toMatch(/^[0-9a-z]{7,}$/);
  });
});

describe('ownsColumn', () => {
  test('a column headed like ours is ours only where the settings recorded it (or in a format-1 workbook)', () => {
    const wb = book();
    const store = readStore(wb);
    expect(ownsColumn(store, '取組項目一覧', 'ratio')).toBe(false);
    const recorded = { ...store, settings: { ...store.settings, ownedColumns: [{ sheet: '取組項目一覧', field: 'ratio', header: '達成率（自動）' }] } };
    expect(ownsColumn(recorded, '取組項目一覧', 'ratio')).toBe(true);
    expect(ownsColumn(recorded, '別シート', 'ratio')).toBe(false);
    expect(ownsColumn({ ...store, legacy: true }, '取組項目一覧', 'ratio')).toBe(true);
  });
});
