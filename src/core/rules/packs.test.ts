import { readXlsx } from '../../adapters/file/read-xlsx';
import type { CellValue, WorkbookGrid } from '../grid/types';
import { fixturePath } from '../../../test/fixtures/paths';
import { analyse } from '../engine/analyse';
import { planFill } from '../plan/fill';
import { readStore } from '../settings/store';
import { settingsSheet } from '../../../test/helpers/settings';
import { DEFAULT_RULES } from './config';
import { effectivePack, packById, PACKS, periodFor, RulePackSchema, storedPack, type RulePackInput } from './packs';

/** A results list nobody configured: S/A/B/C typed by staff, targets and actuals to rate from. */
function list(ratings: (string | null)[], extra: CellValue[][] = []): WorkbookGrid {
  const rows: CellValue[][] = [
    ['令和6年度 行財政改革 進捗状況'],
    [],
    ['No.', '取組名', '指標', '単位', '目標値', '実績値', '評価'],
    ['1', '窓口のオンライン化', '申請件数', '件', 100, 130, ratings[0] ?? null],
    ['2', '公共施設の集約', '施設数', '施設', 10, 10, ratings[1] ?? null],
    ['3', 'ペーパーレス化', '電子決裁件数', '件', 100, 70, ratings[2] ?? null],
    ['4', '債権回収', '回収額', '千円', 100, 40, ratings[3] ?? null],
    ...extra,
  ];
  return { name: 'city.xlsx', sheets: [{ name: '進捗', values: rows, merges: [] }] };
}

const CITY_PACK: RulePackInput = {
  id: 'city-sabc',
  version: 2,
  label: { ja: '〇〇市 第3次行革 (S/A/B/C)', en: 'City 3rd plan (S/A/B/C)' },
  period: { from: 2024, to: 2028 },
  scale: 'S-C',
  ratingRule: 'thresholds',
  thresholds: [
    { symbol: 'S', min: 120, op: '以上' },
    { symbol: 'A', min: 100, op: '以上' },
    { symbol: 'B', min: 60, op: '以上' },
  ],
};

describe('rule packs', () => {
  it('built-in packs are data that parses; a family is picked by version or by the plan period', () => {
    for (const p of PACKS) expect(RulePackSchema.parse(p)).toEqual(p);
    const family = [...PACKS, RulePackSchema.parse({ ...CITY_PACK, version: 1, period: { from: 2019, to: 2023 } }), RulePackSchema.parse(CITY_PACK)];
    expect(packById('city-sabc', { fy: 2021 }, family)?.version).toBe(1);
    expect(packById('city-sabc', { fy: 2025 }, family)?.version).toBe(2);
    expect(packById('city-sabc', {}, family)?.version).toBe(2);
    expect(packById('city-sabc', { version: 3 }, family)).toBeUndefined();
    expect(packById('isehara', { fy: 2023 })?.period).toEqual({ from: 2023, to: 2027 });
  });

  it('without a pack in the workbook, the settings’ rules run on the sheet’s scale (A–D: the pane’s A/B/C thresholds)', () => {
    const p = effectivePack({ rules: { ...DEFAULT_RULES, thresholds: { A: 100, B: 75, C: 40, boundary: 'gt' } } });
    expect(p).toMatchObject({ id: 'standard', source: 'settings', scale: { id: 'A-D' } });
    expect(p.thresholds).toEqual([
      { symbol: 'A', min: 100, op: '超' },
      { symbol: 'B', min: 75, op: '超' },
      { symbol: 'C', min: 40, op: '超' },
    ]);
  });

  it('a stored reference names a built-in pack; a pack of the city’s own is stored whole; anything else is not a pack', () => {
    expect(storedPack({ id: 'isehara', version: 1 }).pack?.label.ja).toContain('伊勢原市');
    expect(storedPack(CITY_PACK).pack?.scale).toBe('S-C');
    expect(storedPack({ id: 'nowhere', version: 1 }).error).toBe('nowhere v1');
    expect(storedPack('A-D').error).toBeDefined();
  });

  it('a workbook rated with the city’s pack reads ratings on its scale and suggests on it (thresholds 以上, the next row the 未満 bound)', () => {
    const wb = list(['S', null, null, 'C']);
    wb.sheets.push(settingsSheet({ rulePack: CITY_PACK }));
    const a = analyse(wb);
    expect(a.pack).toMatchObject({ id: 'city-sabc', version: 2, source: 'workbook', ratingRule: 'thresholds' });
    expect(a.plan.scale?.id).toBe('S-C');
    expect(a.plan.rulePack).toMatchObject({ id: 'city-sabc', version: 2 });
    expect(a.evaluations.map((e) => e.suggested)).toEqual(['S', 'A', 'B', 'C']);
    expect(a.evaluations[2].reason.ja).toContain('60');
    expect(a.findings.filter((f) => f.code === 'VLD003')).toEqual([]);
    expect(a.summary.scale.symbols.map((x) => x.symbol)).toEqual(['S', 'A', 'B', 'C']);
  });

  it('a stored pack that names nothing known is said at its settings row (SET001), and the settings’ rules run', () => {
    const wb = list(['A', 'B', 'B', 'C']);
    wb.sheets.push(settingsSheet({ rulePack: { id: 'nowhere', version: 9 } }));
    const a = analyse(wb);
    const f = a.findings.find((x) => x.code === 'SET001')!;
    expect(f).toMatchObject({ severity: 'warning', params: { key: 'rulePack' } });
    expect(f.cell).toMatch(/^D\d+$/);
    expect(a.pack.source).toBe('settings');
  });

  it('a city layout names its pack family; the version is the one for the plan period of the report year', async () => {
    const a = analyse(await readXlsx(fixturePath('isehara-list.xlsx')));
    expect(a.pack).toMatchObject({ id: 'isehara', version: 1, source: 'layout' });
    expect(a.plan.rulePack?.label.ja).toContain('伊勢原市');
    expect(a.summary.total.counts).toEqual([17, 43, 11, 0]);
  });

  it.each([
    ['the report year inside the period', 2024, { from: 2024, to: 2028 }],
    ['the last year of the period', 2028, { from: 2024, to: 2028 }],
    ['a year after the period (the latest version, chosen for want of one)', 2029, undefined],
    ['no report year', undefined, undefined],
  ] as const)('the plan period a pack gives: %s', (_, fy, expected) => {
    expect(periodFor(RulePackSchema.parse(CITY_PACK), fy)).toEqual(expected);
    expect(periodFor(packById('standard'), fy)).toBeUndefined();
  });

  it('the pack in effect gives the plan period for the report year: a schedule step outside it is SCH004 at its cell', () => {
    const sched = (steps: string[]): WorkbookGrid => {
      const wb = list(['S', 'A', 'B', 'C']);
      const rows = wb.sheets[0].values as CellValue[][];
      rows[2] = [...rows[2], '令和5年度', '令和6年度', '令和10年度', '令和11年度'];
      for (let i = 3; i < 7; i++) rows[i] = [...rows[i], ...(i === 3 ? steps : ['', '', '', ''])];
      return wb;
    };
    const wb = sched(['検討', '実施', '→', '●']);
    wb.sheets.push(settingsSheet({ rulePack: CITY_PACK }));
    const a = analyse(wb);
    expect(a.plan.period).toEqual({ from: 2024, to: 2028 });
    expect(a.findings.filter((f) => f.code === 'SCH004').map((f) => `${f.cell}:${f.params.fy}`)).toEqual(['H4:2023', 'K4:2029']);
    // Without a pack that knows its period, the period is unknown and nothing is said.
    const plain = analyse(sched(['検討', '実施', '→', '●']));
    expect(plain.plan.period).toBeUndefined();
    expect(plain.findings.filter((f) => f.code === 'SCH004')).toEqual([]);
  });

  it('fill records the pack the suggestions came from, once', () => {
    const a = analyse(list([null, null, null, null]));
    const fill = planFill(list([null, null, null, null]), a);
    expect(fill.plan.settingsChanges).toEqual(expect.arrayContaining([{ op: 'set', key: 'rulePack', value: { id: 'standard', version: 1 }, baseRev: null }]));
    const wb = list([null, null, null, null]);
    wb.sheets.push(settingsSheet({ rulePack: { id: 'thresholds', version: 1 } }));
    const again = analyse(wb);
    expect(again.pack.ratingRule).toBe('thresholds');
    expect(readStore(wb).entries.rulePack).toBeDefined();
    expect(planFill(wb, again).plan.settingsChanges?.some((c) => c.key === 'rulePack')).toBe(false);
  });
});
