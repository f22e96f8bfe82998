import fc from 'fast-check';
import type { CellValue, Range, SheetGrid, WorkbookGrid } from '../../src/core/grid/types';
import { SheetView } from '../../src/core/grid/sheet-view';
import { detectTable, MAX_GENERIC_SCORE } from '../../src/core/layouts/generic/spec';
import { genericLayout } from '../../src/core/layouts/generic/reader';

/**
 * Detection on sheets a person edited: title rows above, empty columns in front, columns in
 * another order, blank rows between the data. Grids are built in memory so fast-check can vary them.
 */
const HEADER = ['No.', '取組名', '担当課', '指標', '単位', '基準値', '令和6年度目標', '令和6年度実績', '評価', '備考'];
const FIELDS = ['id', 'name', 'department', 'indicator', 'unit', 'baseline', 'target', 'actual', 'rating', 'note'];
const DATA: CellValue[][] = [
  ['A1', '窓口の電子化', '市民課', '電子申請件数', '件', 100, 200, '２５０', 'A', null],
  ['A2', '施設の統廃合', '管財課', '施設数', '施設', 40, 38, 39, 'B', '協議中'],
  ['B1', '補助金の見直し', '財政課', '見直し件数', '件', 0, 10, '▲1', 'C', null],
  ['B2', '職員研修', '人事課', '受講者数', '人', 300, 320, null, null, '集計中'],
];

interface Edit {
  titles: number;
  lead: number;
  perm: number[];
  blanks: number[];
  rowOrder: number[];
}

function build(e: Edit): SheetGrid {
  const pad = (cells: CellValue[]): CellValue[] => [...Array<CellValue>(e.lead).fill(null), ...e.perm.map((i) => cells[i])];
  const values: CellValue[][] = [];
  for (let t = 0; t < e.titles; t++) values.push(t === 0 ? ['〇〇市 行政改革 進捗状況(令和6年度)'] : t === 1 ? ['企画課'] : []);
  values.push(pad(HEADER));
  e.rowOrder.forEach((r, i) => {
    for (let b = 0; b < (e.blanks[i] ?? 0); b++) values.push([]);
    values.push(pad(DATA[r]));
  });
  values.push([], [...Array<CellValue>(e.lead).fill(null), '※ 評価は担当課の自己評価']);
  const merges: Range[] = e.titles > 0 ? [{ top: 0, left: 0, bottom: 0, right: e.lead + HEADER.length - 1 }] : [];
  return { name: '進捗', values, merges };
}

const edits = fc.record({
  titles: fc.integer({ min: 0, max: 4 }),
  lead: fc.integer({ min: 0, max: 3 }),
  perm: fc.shuffledSubarray([...HEADER.keys()], { minLength: HEADER.length, maxLength: HEADER.length }),
  blanks: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: DATA.length, maxLength: DATA.length }),
  rowOrder: fc.shuffledSubarray([...DATA.keys()], { minLength: DATA.length, maxLength: DATA.length }),
});

describe('generic header detection on edited copies', () => {
  it('finds the header row, every field and the same confidence whatever the edits', () => {
    fc.assert(
      fc.property(edits, (e) => {
        const view = new SheetView(build(e));
        const t = detectTable(view)!;
        expect(t.headerRows).toEqual([e.titles]);
        const byCol = new Map(t.columns.map((c) => [c.col, c.field]));
        e.perm.forEach((src, i) => expect(byCol.get(e.lead + i)).toBe(FIELDS[src]));
        expect(t.score).toBeGreaterThanOrEqual(0.5);
        expect(t.score).toBeLessThanOrEqual(MAX_GENERIC_SCORE);
        expect(t.score).toBe(detectTable(new SheetView(build({ titles: 0, lead: 0, perm: [...HEADER.keys()], blanks: [], rowOrder: [0, 1, 2, 3] })))!.score);
      }),
      { numRuns: 150 },
    );
  });

  it('reads the same items, values and rating cells whatever the edits', () => {
    fc.assert(
      fc.property(edits, (e) => {
        const grid = build(e);
        const wb: WorkbookGrid = { name: 'edited.xlsx', sheets: [grid] };
        const read = genericLayout.read(wb, {});
        const items = [...read.items].sort((a, b) => a.id.localeCompare(b.id));
        expect(items.map((i) => i.id)).toEqual(['A1', 'A2', 'B1', 'B2']);
        expect(items.map((i) => i.rating?.symbol ?? null)).toEqual(['A', 'B', 'C', null]);
        const actual = (i: (typeof items)[number]) => {
          const v = i.indicators[0].actuals.find((a) => a.fy === 2024)?.value;
          return v?.kind === 'number' ? v.value : null;
        };
        expect(items.map(actual)).toEqual([250, 39, -1, null]);
        const ratingCol = e.lead + e.perm.indexOf(8);
        for (const it of items) {
          const row = grid.values.findIndex((r) => r.includes(it.name));
          expect(it.ratingCell).toEqual(new SheetView(grid).ref(row, ratingCol));
        }
        expect(read.reportFy).toBe(2024);
        expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['no item-name column', [['指標', '目標値', '実績値', '評価'], ['件数', 1, 2, 'A']], false],
    ['a name but nothing else of a progress table', [['事業名', '内容'], ['窓口改善', '…']], false],
    ['a name and two key fields', [['事業名', '目標値', '実績値'], ['窓口改善', 1, 2]], true],
    ['a memo with 担当', [['日付', '内容', '担当'], ['5/1', '相談', '企画課']], false],
  ] as [string, CellValue[][], boolean][])('%s: claimed=%s', (_label, values, claimed) => {
    const t = detectTable(new SheetView({ name: 's', values, merges: [] }));
    expect((t?.score ?? 0) >= 0.5).toBe(claimed);
  });

  it('a header with no rows under it is half as sure', () => {
    const withRows = detectTable(new SheetView({ name: 's', values: [HEADER, DATA[0]], merges: [] }))!;
    const alone = detectTable(new SheetView({ name: 's', values: [HEADER], merges: [] }))!;
    expect(alone.score).toBeCloseTo(withRows.score / 2, 1);
    expect(alone.score).toBeLessThan(0.5);
  });

  it('reads a two-row header with merged year and effect groups', () => {
    const values: CellValue[][] = [
      ['取組名', '令和6年度', null, null, '効果額', null],
      [null, '目標', '実績', '評価', '見込', '実績'],
      ['窓口改善', 10, 12, 'A', 100, 120],
    ];
    const merges: Range[] = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 5 },
    ];
    const t = detectTable(new SheetView({ name: 's', values, merges }))!;
    expect(t.headerRows).toEqual([0, 1]);
    expect(t.columns.map((c) => [c.field, c.fy ?? null])).toEqual([
      ['name', null],
      ['target', 2024],
      ['actual', 2024],
      ['rating', 2024],
      ['effectPlanned', null],
      ['effectActual', null],
    ]);
  });

  it('reports two columns for one field as ambiguous and lowers the score', () => {
    const values: CellValue[][] = [
      ['取組名', '目標値', '目標', '実績値', '評価'],
      ['窓口改善', 10, 11, 12, 'A'],
    ];
    const t = detectTable(new SheetView({ name: 's', values, merges: [] }))!;
    expect(t.ambiguous).toEqual([{ field: 'target', cols: [1, 2] }]);
    const read = genericLayout.read({ name: 'w', sheets: [{ name: 's', values, merges: [] }] }, { sheets: ['s'] });
    expect(read.findings.map((f) => [f.code, f.cell])).toContainEqual(['LAY007', 'C1']);
  });

  it('takes headings above the first header and skips the header printed again for the next section', () => {
    const header = ['No.', '取組名', '目標値', '実績値', '担当課'];
    const values: CellValue[][] = [
      ['〇〇市 改革プラン'],
      ['●重点項目1 デジタル化'],
      header,
      [1, '電子申請', 10, 12, '情報課'],
      ['●重点項目2 財政健全化'],
      header,
      [2, '補助金見直し', 5, 4, '財政課'],
    ];
    const read = genericLayout.read({ name: 'w', sheets: [{ name: 's', values, merges: [] }] }, {});
    expect(read.items.map((i) => [i.id, i.policyKey, i.policyName])).toEqual([
      ['1', '1', 'デジタル化'],
      ['2', '2', '財政健全化'],
    ]);
    expect(read.policyLabel).toBe('重点項目');
  });
});
