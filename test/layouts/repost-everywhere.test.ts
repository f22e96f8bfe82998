import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * 【再掲】 on every row of an item (the mark copied with the row): the first row is the item, counted
 * once, and LAY024 says so. A mark on the later row only is the usual case; a lone marked row is a
 * repeat of something elsewhere (another department's file) and stays out of the counts, as before.
 */
const book = (rows: CellValue[][]): WorkbookGrid => ({
  name: 'b.xlsx',
  sheets: [{ name: '取組状況', values: [['令和6年度 行財政改革推進計画 取組状況一覧'], ['整理番号', '取組名', '主管課', '評価', '効果見込額', '実績効果額'], ...rows], merges: [] }],
});

test.each<[string, CellValue[][], number, number, boolean]>([
  [
    'marked on both rows: the first counts',
    [
      ['1-1', '公共施設マネジメント【再掲】', '資産経営課', 'C', 5000, 1000],
      ['1-2', '窓口業務の委託', '市民課', 'A', 2400, 3100],
      ['2-1', '公共施設マネジメント【再掲】', '資産経営課', 'C', 5000, 1000],
    ],
    2,
    7400,
    true,
  ],
  [
    'marked on the later row only: as before',
    [
      ['1-1', '公共施設マネジメント', '資産経営課', 'C', 5000, 1000],
      ['1-2', '窓口業務の委託', '市民課', 'A', 2400, 3100],
      ['2-1', '公共施設マネジメント【再掲】', '資産経営課', 'C', 5000, 1000],
    ],
    2,
    7400,
    false,
  ],
  [
    'a lone marked row: left out, as before',
    [
      ['1-1', '公共施設マネジメント【再掲】', '資産経営課', 'C', 5000, 1000],
      ['1-2', '窓口業務の委託', '市民課', 'A', 2400, 3100],
    ],
    1,
    2400,
    false,
  ],
])('%s', (_, rows, counted, planned, said) => {
  const a = analyse(book(rows));
  expect([a.summary.total.total, a.summary.total.effectPlanned]).toEqual([counted, planned]);
  expect(a.findings.some((f) => f.code === 'LAY024')).toBe(said);
  if (said) expect(a.findings.find((f) => f.code === 'LAY024')).toMatchObject({ sheet: '取組状況', cell: 'B3' });
});

/** The repeat said elsewhere than a 【再掲】 after the name: in a 備考 of its own, or inside the name's brackets. */
const withNote = (name: string, note: string): WorkbookGrid => ({
  name: 'b.xlsx',
  sheets: [
    {
      name: '取組状況',
      values: [
        ['令和6年度 行財政改革推進計画 取組状況一覧'],
        ['整理番号', '取組名', '主管課', '評価', '効果見込額', '実績効果額', '備考'],
        ['1-1', '窓口業務の委託', '市民課', 'A', 2400, 3100, null],
        ['1-2', '公共施設の統廃合', '資産経営課', 'C', 20000, 8000, null],
        ['2-1', name, '資産経営課', 'C', 20000, 8000, note],
      ],
      merges: [],
    },
  ],
});

test.each<[string, string, string | null, number]>([
  ['備考 再掲', '公共施設の統廃合', '再掲', 1],
  ['備考 【再掲】', '公共施設の統廃合', '【再掲】', 1],
  ['備考 1-2の再掲', '公共施設の統廃合', '1-2の再掲', 1],
  ['備考 再掲（1-2）', '公共施設の統廃合', '再掲（1-2）', 1],
  ['a name ending （1-2再掲）', '公共施設の統廃合（1-2再掲）', null, 1],
  ['a name starting （再）', '（再）公共施設の統廃合', null, 1],
  ['a 備考 that only mentions 再掲資料 is no mark', '公共施設の統廃合', '再掲資料を作成した', 0],
  ['a 備考 sentence is no mark', '公共施設の統廃合', '前年度は再掲扱いとした。', 0],
])('%s', (_name, name, note, reposts) => {
  const a = analyse(withNote(name, note ?? ''));
  expect(a.plan.items.filter((i) => i.flags.includes('repost'))).toHaveLength(reposts);
  expect(a.summary.total.effectPlanned).toBe(reposts ? 22400 : 42400);
});
