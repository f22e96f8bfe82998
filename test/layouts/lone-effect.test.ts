import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';
import { suggestMapping } from '../../src/core/layouts/generic/suggest';
import { LayoutSpecSchema } from '../../src/core/layouts/kit/spec';

/**
 * A list no city configured whose only amount column is headed 効果額 (neither 見込 nor 実績): on a
 * results table it is the year's achieved effect, on a plan's list the planned one; two such columns
 * cannot be told apart and stay unread. The unit comes from the header or the note above the table.
 */
function workbook(header: string[], rows: CellValue[][], above: CellValue[][] = []): WorkbookGrid {
  return { name: 'lone.xlsx', sheets: [{ name: '一覧', values: [['令和6年度 行財政改革 取組状況'], ...above, header, ...rows], merges: [] }] };
}

const ROWS: CellValue[][] = [
  ['1 財政運営', 1, '使用料の見直し', '財政課', 'A', 1200],
  ['1 財政運営', 2, '施設の統廃合', '資産経営課', 'B', '3,400'],
  ['2 行政運営', 3, 'AI-OCRの導入', '情報政策課', 'C', null],
  ['2 行政運営', 4, '窓口のキャッシュレス化', '市民課', 'A', '▲100'],
];

describe('a lone 効果額 column', () => {
  test.each([
    ['効果額（千円）', [], 1000, 'effectActual'],
    ['財政効果額', [['（単位：百万円）']], 1_000_000, 'effectActual'],
    ['令和6年度 効果額（円）', [], 1, 'effectActual'],
  ])('%s on a results table is the achieved effect', (head, above, perUnit, field) => {
    const a = analyse(workbook(['基本方針', 'No.', '取組名', '担当課', '評価', head], ROWS, above as CellValue[][]));
    expect(a.plan.items).toHaveLength(4);
    expect(a.summary.total.effectActual).toBe(((1200 + 3400 - 100) * perUnit) / 1000);
    expect(a.summary.total.effectPlanned).toBe(0);
    expect(a.read.fields?.find((f) => f.header === head)).toMatchObject({ field });
  });

  test('on a plan list (targets, no rating, no actual) it is the planned effect', () => {
    const a = analyse(workbook(['基本方針', 'No.', '取組名', '担当課', '目標値', '効果額（千円）'], ROWS.map((r) => [...r.slice(0, 4), 10, r[5]])));
    expect(a.plan.items).toHaveLength(4);
    expect(a.summary.total.effectPlanned).toBe(4500);
    expect(a.summary.total.effectActual).toBe(0);
  });

  test('two such columns, or one holding text, are left unread', () => {
    const two = analyse(workbook(['基本方針', 'No.', '取組名', '担当課', '評価', '効果額', '財政効果'], ROWS.map((r) => [...r, 5])));
    expect(two.summary.total.effectActual).toBe(0);
    const words = analyse(workbook(['基本方針', 'No.', '取組名', '担当課', '評価', '効果額'], ROWS.map((r) => [...r.slice(0, 5), '事務の効率化'])));
    expect(words.summary.total.effectActual).toBe(0);
  });

  test('one per year (R5効果額 | R6効果額): each is its year\'s effect, the report year\'s is summed', () => {
    const rows = ROWS.map((r) => [...r.slice(0, 5), 10, r[5]]);
    const a = analyse(workbook(['基本方針', 'No.', '取組名', '担当課', '評価', 'R5効果額（千円）', 'R6効果額（千円）'], rows));
    expect(a.plan.reportFy).toBe(2024);
    expect(a.summary.total.effectActual).toBe(1200 + 3400 - 100);
    expect(a.plan.items[0].effects?.byYear.map((y) => [y.fy, y.actual?.raw])).toEqual([
      [2023, '10'],
      [2024, '1200'],
    ]);
    expect(a.read.fields?.find((f) => f.header === 'R6効果額（千円）')?.reason.ja).toContain('年度ごと');
  });

  test('two of one year still say nothing and stay unread', () => {
    const a = analyse(workbook(['基本方針', 'No.', '取組名', '担当課', '評価', 'R6効果額', 'R6財政効果'], ROWS.map((r) => [...r, 5])));
    expect(a.summary.total.effectActual).toBe(0);
  });

  test('the layout suggested from such a list, saved and read back, reads the same amounts', () => {
    const wb = workbook(['基本方針', 'No.', '取組名', '担当課', '評価', '財政効果額'], ROWS, [['（単位：百万円）']]);
    const spec = LayoutSpecSchema.parse(JSON.parse(JSON.stringify(suggestMapping(wb)!.spec)));
    expect(spec.tables[0].fields.effectActual).toEqual(['財政効果額']);
    const viaSpec = analyse(wb, { mapping: spec });
    expect(viaSpec.summary.total).toEqual(analyse(wb).summary.total);
    expect(viaSpec.summary.total.effectActual).toBe(4_500_000);
  });
});
