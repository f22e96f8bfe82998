import * as fs from 'node:fs';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { ACCEPT_SCORE, detectLayouts, UnknownLayoutError } from '../../src/core/layouts/detect';
import { genericLayout } from '../../src/core/layouts/generic/reader';
import { LAYOUTS } from '../../src/core/layouts/registry';
import { fixturePath } from '../fixtures/paths';

/**
 * Each city's workbook goes to its own reader, never to the generic fallback. A missing fixture
 * fails: the city readers' fixture generators must exist for detection to be tested at all.
 */
const CITY_FIXTURES: [file: string, layouts: string[]][] = [
  ['isehara-list.xlsx', ['isehara-list']],
  ['isehara-sheets.xlsx', ['isehara-sheet']],
  ['isehara-full.xlsx', ['isehara-list', 'isehara-sheet']],
  ['nihonmatsu.xlsx', ['nihonmatsu']],
  ['yuzawa.xlsx', ['yuzawa']],
  ['aizuwakamatsu.xlsx', ['aizuwakamatsu']],
  ['tsukubamirai.xlsx', ['tsukubamirai']],
];

async function load(file: string): Promise<WorkbookGrid> {
  const p = fixturePath(file);
  if (!fs.existsSync(p)) throw new Error(`fixture ${file} is missing: its render/*.fixture.ts has not been written`);
  return readXlsx(p);
}

describe.each(CITY_FIXTURES)('%s', (file, layouts) => {
  it(`is read as ${layouts.join(' + ')}`, async () => {
    const d = detectLayouts(await load(file));
    expect(d.chosen.map((c) => c.layout).sort()).toEqual([...layouts].sort());
    for (const c of d.chosen) expect(c.score).toBeGreaterThanOrEqual(ACCEPT_SCORE);
  });

  it('is never outscored by the generic reader on a sheet its city reader claims', async () => {
    const wb = await load(file);
    const generic = new Map(genericLayout.detect(wb).map((g) => [g.sheet, g.score]));
    const claimed = LAYOUTS.filter((l) => layouts.includes(l.id)).flatMap((l) => l.detect(wb)).filter((x) => x.score >= ACCEPT_SCORE);
    expect(claimed.length).toBeGreaterThan(0);
    const beaten = claimed.filter((c) => (generic.get(c.sheet) ?? 0) >= c.score).map((c) => `${c.sheet}: generic ${generic.get(c.sheet)} ≥ ${c.score}`);
    expect(beaten).toEqual([]);
  });

  it('can be forced to the generic layout', async () => {
    const d = detectLayouts(await load(file), { force: 'generic' });
    expect(d.chosen).toHaveLength(1);
    expect(d.chosen[0]).toMatchObject({ layout: 'generic', forced: true });
  });
});

describe('forcing and empty workbooks', () => {
  it('forcing a city layout on a generic workbook hands it every visible sheet when the reader scores none', async () => {
    const wb = await load('generic-notable.xlsx');
    const d = detectLayouts(wb, { force: 'nihonmatsu' });
    expect(d.chosen).toEqual([{ layout: 'nihonmatsu', sheets: ['メモ'], score: 0, reasons: [], forced: true }]);
  });

  it('forcing the generic layout on a generic workbook takes the sheets it scored', async () => {
    const wb = await load('generic-multi.xlsx');
    const d = detectLayouts(wb, { force: 'generic' });
    expect(d.chosen[0].sheets).toEqual(expect.arrayContaining(['進捗状況']));
    expect(d.chosen[0].forced).toBe(true);
  });

  it('an unknown layout id is refused with the known ones listed', async () => {
    const wb = await load('generic-city.xlsx');
    expect(() => detectLayouts(wb, { force: 'osaka' })).toThrow(UnknownLayoutError);
    expect(() => detectLayouts(wb, { force: 'osaka' })).toThrow(/generic/);
  });

  it('a workbook with no table yields no choice, and analyse reports LAY002', async () => {
    const wb = await load('generic-notable.xlsx');
    const d = detectLayouts(wb);
    expect(d.chosen).toEqual([]);
    expect(d.unclaimed).toEqual(['メモ']);
    const a = analyse(wb);
    expect(a.findings.map((f) => f.code)).toContain('LAY002');
    expect(a.plan.items).toEqual([]);
  });

  it('an empty grid (no sheets with cells) yields no choice either', () => {
    const d = detectLayouts({ name: 'empty.xlsx', sheets: [{ name: 'Sheet1', values: [], merges: [] }] });
    expect(d.chosen).toEqual([]);
    expect(analyse({ name: 'empty.xlsx', sheets: [{ name: 'Sheet1', values: [], merges: [] }] }).findings[0].code).toBe('LAY002');
  });

  it('a saved mapping for a sheet beats any reader’s guess on that sheet', async () => {
    const wb = await load('generic-city.xlsx');
    const d = detectLayouts(wb, { mapping: { version: 1, sheet: '進捗管理表', columns: { 取組名: 'name', 自己評価: 'rating' } } });
    expect(d.chosen).toEqual([expect.objectContaining({ layout: 'generic', sheets: ['進捗管理表'], score: 1 })]);
  });
});

describe("another city's table that shares a few of a city's headers", () => {
  /** 区分 | 取組項目 | 担当課 | 評価 are Isehara's headers too, but its other eight columns are not there. */
  const sheet = (header: string[]): WorkbookGrid => ({
    name: 'other-city.xlsx',
    sheets: [
      {
        name: '進捗状況',
        values: [
          ['取組状況一覧（令和6年度）'],
          [],
          header,
          ...[
            ['1-1', '事務事業の見直し', '行政改革課', '目標', 'B'],
            ['1-2', '補助金の適正化', '財政課', '目標', 'A'],
            ['2-1', '窓口業務の委託', '市民課', '目標', 'C'],
          ].map((r) => header.map((h) => r[['番号', '取組項目', '担当課', '区分', '評価'].indexOf(h)] ?? null)),
        ],
        merges: [],
      },
    ],
  });

  it.each([
    [['番号', '取組項目', '担当課', '区分', '評価']],
    [['番号', '取組項目', '担当課', '評価', '区分']],
  ])('%j is not taken for the Isehara list (nor given its 基本方針)', (header) => {
    const wb = sheet(header);
    const d = detectLayouts(wb);
    expect(d.chosen.map((c) => c.layout)).not.toContain('isehara-list');
    const isehara = d.candidates.find((c) => c.layout === 'isehara-list');
    expect(isehara?.score ?? 0).toBeLessThan(ACCEPT_SCORE);
    expect(analyse(wb).plan.policies.map((p) => p.name)).not.toContain('行政サービスの最適化');
  });

  it('with three more of its columns, its 区分 cells (目標, not a 基本方針 of Isehara) still keep the Isehara reader off', () => {
    const wb = sheet(['番号', '取組項目', '担当課', '区分', '評価', '指標の内容', '目標値', '実績値']);
    expect(detectLayouts(wb).candidates.find((c) => c.layout === 'isehara-list')!.score).toBeLessThan(ACCEPT_SCORE);
  });
});

describe("a list headed with Isehara's words is Isehara's only when its cells name Isehara's 基本方針 or codes", () => {
  const HEADER = ['基本方針', 'No.', '取組項目', '所管課', '指標名', '目標値', '実績値', '評価', '効果見込額（千円）', '実績効果額（千円）'];
  const list = (policies: string[], groups?: string[]): WorkbookGrid => ({
    name: 'l.xlsx',
    sheets: [
      {
        name: '進捗',
        values: [
          ['令和6年度 行財政改革 実施計画 進捗管理表'],
          [],
          groups ? [...HEADER.slice(0, 1), '取組番号', ...HEADER.slice(2)] : HEADER,
          ...policies.map((p, i) => [p, groups ? groups[i] : String(i + 1), `取組${i + 1}`, '財政課', '件数', 3, 4, 'A', 1000, 1200]),
        ],
        merges: [],
      },
    ],
  });
  const isehara = (wb: WorkbookGrid) => detectLayouts(wb).candidates.find((c) => c.layout === 'isehara-list')?.score ?? 0;

  it.each([
    ['another city’s policies under the same numbers', ['1 財政基盤の強化', '1 財政基盤の強化', '2 組織の最適化', '2 組織の最適化'], false],
    ['policies with no number', ['財政基盤の強化', '組織の最適化'], false],
    ["Isehara's policies", ['1 行政サービスの最適化', '1 行政サービスの最適化', '5 健全な財政運営'], true],
    ["Isehara's numbers alone", ['1', '2', '3'], true],
    ["Isehara's names alone", ['行政サービスの最適化', '公共私連携・協働'], true],
  ])('%s', (_, policies, taken) => {
    const wb = list(policies);
    expect(isehara(wb) >= ACCEPT_SCORE).toBe(taken);
    const names = analyse(wb).plan.policies.map((p) => p.name);
    if (!taken) expect(names).not.toContain('行政サービスの最適化');
    else expect(names).toContain('行政サービスの最適化');
  });

  it("with no 基本方針 column, Isehara's 取組番号 codes (① …) say it is Isehara's; another city's (Ⅰ-1) do not", () => {
    const noPolicy = (groups: string[]) => {
      const wb = list(groups.map(() => ''), groups);
      for (const row of wb.sheets[0].values) row.splice(0, 1);
      return wb;
    };
    expect(isehara(noPolicy(['① 業務の改善の棚卸し', '② 事務事業の見直し']))).toBeGreaterThanOrEqual(ACCEPT_SCORE);
    expect(isehara(noPolicy(['Ⅰ-1', 'Ⅰ-2', 'Ⅱ-1']))).toBeLessThan(ACCEPT_SCORE);
  });
});
