import fc from 'fast-check';
import type { CellValue, Range, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * A list no city configured, as many cities publish it: a title, a unit note above the table
 * (「単位：百万円」), one header row, and each 基本方針 as a heading row straight under the header
 * (merged across the table, or typed in its first column only). The rating is a 進捗状況 column of
 * ◎○△× with 「-」 for 対象外. Read with no configuration.
 */
const HEADER = ['No.', '取組項目', '担当課', '取組内容', '令和6年度目標', '令和6年度実績', '進捗状況', '効果額（見込）', '効果額（実績）'];
const BLOCKS: { heading: string; rows: CellValue[][] }[] = [
  {
    heading: '基本方針１ 持続可能な財政運営',
    rows: [
      [1, '使用料・手数料の見直し', '財政課', '受益者負担の適正化', '改定案作成', '改定案作成', '◎', 12.5, 13],
      [2, '公共施設の統廃合', '資産経営課', '施設の集約化', '2施設', '1施設', '△', 30, 10],
      [3, 'ふるさと納税の推進', '企画課', '返礼品の拡充', '5億円', '6.2億円', '◎', 100, 124],
    ],
  },
  {
    heading: '基本方針２ 効率的な行政運営',
    rows: [
      [4, 'AI-OCRの導入', '情報政策課', '紙申請のデータ化', '10業務', '8業務', '○', 2, 1.6],
      [5, '窓口のキャッシュレス化', '市民課', 'キャッシュレス決済', '全窓口', '未実施', '×', 0, 0],
      [6, '職員研修の見直し', '人事課', 'オンライン研修', null, null, '-', null, null],
    ],
  },
];

interface Shape {
  /** Where the unit is stated: a row of its own, beside the title, or nowhere (千円 assumed). */
  unitNote: 'row' | 'title' | 'none';
  unit: '百万円' | '千円' | '円';
  merged: boolean;
  titles: number;
}

function workbook(s: Shape): WorkbookGrid {
  const values: CellValue[][] = [];
  const merges: Range[] = [];
  const width = HEADER.length;
  const note = s.unit === '千円' ? '（単位：千円）' : `単位：${s.unit}`;
  for (let t = 0; t < s.titles; t++) values.push(t === 0 ? ['第3次行財政改革実施計画 令和6年度 進捗状況一覧', ...(s.unitNote === 'title' ? [null, null, null, null, null, null, null, note] : [])] : []);
  if (s.unitNote === 'row') values.push([...Array<CellValue>(width - 1).fill(null), note]);
  values.push(HEADER);
  const scale = s.unit === '百万円' ? 1 : s.unit === '千円' ? 1000 : 1_000_000;
  for (const b of BLOCKS) {
    if (s.merged) merges.push({ top: values.length, left: 0, bottom: values.length, right: width - 1 });
    values.push([b.heading]);
    for (const r of b.rows) values.push(r.map((v, i) => (i >= 7 && typeof v === 'number' ? v * scale : v)));
  }
  return { name: 'unseen.xlsx', sheets: [{ name: '進捗状況', values, merges }] };
}

const shapes = fc.record({
  unitNote: fc.constantFrom('row', 'title', 'none'),
  unit: fc.constantFrom('百万円', '千円', '円'),
  merged: fc.boolean(),
  titles: fc.integer({ min: 1, max: 2 }),
}) as fc.Arbitrary<Shape>;

describe('an unconfigured list with heading rows under the header and a unit note above it', () => {
  it('reads every item under its 基本方針, on the ◎○△× scale, amounts in 千円 from the stated unit', () => {
    fc.assert(
      fc.property(shapes, (s) => {
        const a = analyse(workbook(s));
        expect(a.detection.chosen.map((c) => c.layout)).toEqual(['generic']);
        expect(a.plan.items).toHaveLength(6);
        expect(a.summary.groups.map((g) => [g.name, g.total])).toEqual([
          ['持続可能な財政運営', 3],
          ['効率的な行政運営', 3],
        ]);
        expect(a.summary.scale.symbols.map((x) => x.symbol)).toEqual(['◎', '○', '△', '×']);
        expect([a.summary.total.counts, a.summary.total.notRated, a.summary.total.unrated]).toEqual([[2, 1, 1, 1], 1, 0]);
        // With no note the amounts are taken as 千円 as typed; with one, they are converted from it.
        const stated = s.unitNote === 'none' ? '千円' : s.unit;
        const perThousand = { 百万円: 1000, 千円: 1, 円: 0.001 }[stated];
        const typed = { 百万円: 1, 千円: 1000, 円: 1_000_000 }[s.unit];
        expect(a.summary.total.effectPlanned).toBeCloseTo(144.5 * typed * perThousand, 6);
        expect(a.summary.total.effectActual).toBeCloseTo(148.6 * typed * perThousand, 6);
      }),
      { numRuns: 40 },
    );
  });

  it('a heading row is not taken for a second header row: the No. column stays the item number', () => {
    const a = analyse(workbook({ unitNote: 'row', unit: '百万円', merged: true, titles: 1 }));
    expect(a.plan.items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(a.read.tables?.[0]?.headerRows ?? []).toHaveLength(1);
  });
});
