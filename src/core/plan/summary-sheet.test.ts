import { fromA1 } from '../grid/a1';
import type { WorkbookGrid } from '../grid/types';
import { planOwnedSheet } from '../settings/ownership';
import { readStore } from '../settings/store';
import type { CrossTab } from '../summary/crosstab';
import type { Summary, SummaryRow } from '../summary/types';
import { scaleById } from '../values/scales';
import { planCrossTabSheet, planSummarySheet } from './summary-sheet';
import { WritePlanSchema } from './write-plan';

const wb: WorkbookGrid = { name: 'x.xlsx', sheets: [{ name: '一覧', values: [['x']], merges: [] }] };
const target = () => planOwnedSheet(wb, readStore(wb), 'summary', '行革集計');

/** Counts by symbol of the scale (A–D unless given), plus unrated and notRated. */
function row(key: string, name: string, counts: Record<string, number>, planned = 0, actual = 0, symbols = ['A', 'B', 'C', 'D']): SummaryRow {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    key,
    name,
    counts: symbols.map((x) => counts[x] ?? 0),
    notRated: counts.notRated ?? 0,
    unrated: counts.unrated ?? 0,
    total,
    shares: symbols.map(() => null),
    effectPlanned: planned,
    effectActual: actual,
    effectRatio: planned ? (actual / planned) * 100 : null,
  };
}

const scaleOf = (symbols: string[]) => ({ id: symbols.join(''), label: { ja: symbols.join('/'), en: symbols.join('/') }, symbols: symbols.map((x) => ({ symbol: x, label: { ja: x, en: x } })) });

const AD = scaleById('A-D')!;
const isehara: Summary = {
  groupLabel: '基本方針',
  axis: 'policy',
  reportFy: 2023,
  groups: [row('1', '行政サービスの最適化', { A: 4, B: 9, C: 5, D: 0, unrated: 0 }, 29273, 592300), row('2', '公共私連携・協働', { A: 5, B: 11, C: 3, D: 0, unrated: 0 }, 4565, 6594)],
  total: row('total', '合計', { A: 9, B: 20, C: 8, D: 0, unrated: 0 }, 33838, 598894),
  suggestedUsed: [],
  // Isehara's A–D with its labels, as the headers print them (「C 計画どおり進捗せず」).
  scale: { id: AD.id, label: AD.label, symbols: AD.symbols.map((x) => ({ symbol: x.symbol, label: x.label })) },
  effectUnits: ['千円'],
};

const cellsOf = (plan: ReturnType<typeof planSummarySheet>) => plan.sheets[0].cells;
const at = (plan: ReturnType<typeof planSummarySheet>, address: string) => cellsOf(plan).find((c) => c.address === address);

describe('the summary sheet', () => {
  it('prints on A4 landscape fitted to the width, one page per table, the title rows on each', () => {
    const plan = WritePlanSchema.parse(planSummarySheet(isehara, { lang: 'ja', sources: ['a.xlsx'], target: target() }));
    const print = plan.sheets[0].print!;
    expect(print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: '1:2' });
    // The break is the blank row above the effect table's heading: the counts table is page 1, effects page 2.
    const effectHeading = cellsOf(plan).find((c) => String(c.value).startsWith('➤ 実績効果額'))!;
    const breakRow = fromA1(effectHeading.address).row - 1;
    expect(print.rowBreaks).toEqual([breakRow]);
    expect(cellsOf(plan).filter((c) => fromA1(c.address).row === breakRow)).toEqual([]);
    // Title and sources (with when it was made) head every page; the ownership note (row 3) is for the screen only.
    expect(fromA1(print.area!.split(':')[0])).toEqual({ row: 3, col: 0 });
    expect(String(at(plan, 'A3')!.value)).toMatch(/\[shinchoku:summary:/);
    // The print area covers the tables, not the chart beside them.
    const chartCol = fromA1(plan.sheets[0].chart!.anchor).col;
    expect(fromA1(print.area!.split(':')[1]).col).toBeLessThan(chartCol);
  });

  it('says where the figures come from and when they were made on the printed title rows', () => {
    const plan = planSummarySheet(isehara, { lang: 'ja', sources: ['a.xlsx', 'b.xlsx'], target: target(), createdAt: '2026-05-01 10:00' });
    expect(at(plan, 'A2')!.value).toBe('集計元: a.xlsx, b.xlsx ／ 作成日時 2026-05-01 10:00');
  });

  it('makes each table column as wide as its longest cell, so headings print on one line', () => {
    const plan = planSummarySheet(isehara, { lang: 'ja', sources: ['a.xlsx'], target: target() });
    const widths = plan.sheets[0].columnWidths!;
    // 「C 計画どおり進捗せず」: 1 + 1 + 9 full-width characters.
    const head = cellsOf(plan).find((c) => String(c.value).startsWith('C 計画'))!;
    const col = head.address.replace(/\d+$/, '');
    expect(widths[col]).toBeGreaterThanOrEqual(2 + 18);
    // Long lines without borders (title, notes) are not measured.
    expect(widths.A).toBeLessThan(48);
  });

  it('sets the 合計 rows apart from the groups', () => {
    const plan = planSummarySheet(isehara, { lang: 'ja', sources: ['a.xlsx'], target: target() });
    // Column A of the two tables' total rows: bold on the grey band, unlike the headings and groups.
    const totals = cellsOf(plan).filter((c) => c.value === '合計' && fromA1(c.address).col === 0);
    expect(totals).toHaveLength(2);
    for (const t of totals) {
      expect(t.style).toMatchObject({ bold: true, fill: '#E7E6E6' });
      const rowCells = cellsOf(plan).filter((c) => fromA1(c.address).row === fromA1(t.address).row);
      for (const c of rowCells) expect(c.style).toMatchObject({ bold: true, fill: '#E7E6E6' });
    }
    const group = cellsOf(plan).find((c) => c.value === '1 行政サービスの最適化')!;
    expect(group.style?.bold).toBeFalsy();
  });

  it('has a column per symbol of the scale in the counts, whatever the scale', () => {
    const sabc: Summary = {
      ...isehara,
      scale: scaleOf(['S', 'A', 'B', 'C']),
      groups: [row('1', 'x', { S: 1, A: 2, B: 3, C: 0, unrated: 1 }, 0, 0, ['S', 'A', 'B', 'C'])],
      total: row('total', '合計', { S: 1, A: 2, B: 3, C: 0, unrated: 1 }, 0, 0, ['S', 'A', 'B', 'C']),
    };
    const plan = planSummarySheet(sabc, { lang: 'en', sources: ['a.xlsx'], target: target() });
    const head = cellsOf(plan).filter((c) => fromA1(c.address).row === 5).map((c) => c.value);
    expect(head).toEqual(['基本方針', 'S', 'A', 'B', 'C', 'Unrated', 'Total', 'S+A share']);
    expect(at(plan, 'H7')?.value).toBeCloseTo(0.5);
  });

  it('says under the counts which ratings are still unconfirmed suggestions (notes do not print)', () => {
    const plan = planSummarySheet(isehara, { lang: 'ja', sources: ['a.xlsx'], target: target(), unconfirmed: ['1(1)②', '2(4)⑧'] });
    const line = cellsOf(plan).find((c) => String(c.value).startsWith('※'))!;
    expect(line.value).toBe('※ 評価のうち 2 件（1(1)②、2(4)⑧）は行革進捗アシスタントが書き込んだ候補のままで、所管課の確認が済んでいません。');
    const one = planSummarySheet(isehara, { lang: 'en', sources: ['a.xlsx'], target: target(), unconfirmed: ['1(1)②'] });
    expect(cellsOf(one).find((c) => String(c.value).startsWith('*'))!.value).toContain('1 of these ratings (1(1)②) is still a suggestion');
  });

  it('a cross-tab sheet has codes with names, a legend, a set-apart total and its print setup', () => {
    const t: CrossTab = {
      axisA: 'policy',
      axisB: '基本姿勢',
      rows: [
        { key: '(1)', name: '市民満足度の向上' },
        { key: '(2)', name: '協働・連携' },
      ],
      cols: [
        { key: '①', name: '時代変化を先取りする“人・組織”の質的改革' },
        { key: '②', name: '好循環の流れを築く財政運営の質的改革' },
      ],
      counts: [
        [1, 2],
        [3, 0],
      ],
      rowTotals: [3, 3],
      colTotals: [4, 2],
      total: 6,
    };
    const plan = WritePlanSchema.parse(planCrossTabSheet(t, { lang: 'ja', sources: ['t.xlsx'], target: target(), labels: { a: '推進手段', b: '基本姿勢' } }));
    const values = plan.sheets[0].cells.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['推進手段 ＼ 基本姿勢', '(1) 市民満足度の向上', '① 時代変化を先取りする“人・組織”の質的改革', '② 好循環の流れを築く財政運営の質的改革']));
    expect(plan.sheets[0].cells.find((c) => c.value === '合計')?.style).toMatchObject({ bold: true });
    expect(plan.sheets[0].print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true });
  });
});
