import fc from 'fast-check';
import { rangeFromA1 } from '../../src/core/grid/a1';
import type { SheetGrid, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';
import { iseharaListLayout } from '../../src/core/layouts/isehara/list';
import { OWNED_RATIO_HEADER } from '../../src/core/layouts/owned';
import type { Item } from '../../src/core/model/plan';
import type { SheetSpec } from '../fixtures/lib/build';
import {
  ISEHARA_LIST_ROWS,
  LIST_COLUMNS,
  renderIseharaListSheet,
  type ListRenderOptions,
} from '../fixtures/render/isehara-list.fixture';

/** The same grid readXlsx would give, without the file round trip: rows, merges, nothing else. */
function grid(spec: SheetSpec): SheetGrid {
  return { name: spec.name, values: spec.rows.map((r) => r.map((v) => v ?? null)), merges: (spec.merges ?? []).map(rangeFromA1) };
}

function wbOf(...sheets: SheetSpec[]): WorkbookGrid {
  return { name: 'test.xlsx', sheets: sheets.map(grid) };
}

/** A slice across all five policies, with the quirky rows (negative effect, caps, 2(78), joint departments). */
const ROWS = ISEHARA_LIST_ROWS.filter((r) =>
  ['1(1)①', '1(2)④', '1(3)④', '1(3)⑥', '2(4)⑧', '2(5)⑤', '3(6)①', '4(7)⑦', '5(8)⑫', '5(9)③', '5(10)①', '5(10)④'].includes(r.code),
);

function read(opts: ListRenderOptions = {}, rows = ROWS) {
  return iseharaListLayout.read(wbOf(renderIseharaListSheet(rows, opts)), {});
}

function essence(items: Item[]) {
  return items
    .map((it) => ({
      id: it.id,
      rating: it.rating?.symbol,
      target: it.indicators[0].targets[0]?.value,
      actual: it.indicators[0].actuals[0]?.value,
      effect: it.effects?.byYear[0],
      departments: it.departments,
      fy: it.reportFy,
    }))
    .map((e) => JSON.parse(JSON.stringify(e, (k, v) => (k === 'cell' || k === 'raw' ? undefined : v))))
    .sort((a, b) => a.id.localeCompare(b.id));
}

const BASE = essence(read().items);

describe('header variants (table-driven)', () => {
  const cases: [string, ListRenderOptions['header']][] = [
    ['【取組番号】', { group: '【取組番号】' }],
    ['（取組番号）', { group: '（取組番号）' }],
    ['spaces around and inside', { group: ' 取組 番号 ', policy: '区　分', owner: '取 組 主 管' }],
    ['line breaks', { item: '取組\n項目', indicator: '指標の\n内容', rating: '達成\n状況', comment: '取組\r\n内容' }],
    ['full-width brackets', { target: '目標（値）', actual: '実績（値）', effect: '効果額（千円）' }],
    ['half-width 効果額(千円)', { effect: '効果額(千円)' }],
    ['目標値 / 実績値', { target: '目標値', actual: '実績値' }],
    ['令和5年度', { year: '令和5年度' }],
    ['令和５年度 full-width digit', { year: '令和５年度' }],
    ['2023年度(R5)', { year: '2023年度(R5)' }],
    ['R05年度', { year: 'R05年度' }],
    ['実施項目 / 評価', { item: '実施項目', rating: '評価' }],
    ['基本方針 for 区分', { policy: '基本方針' }],
    ['目標 / 実績 under 効果額', { effectPlanned: '目標', effectActual: '実績' }],
  ];
  it.each(cases)('%s', (_name, header) => {
    const r = read({ header });
    expect(r.findings).toEqual([]);
    expect(essence(r.items)).toEqual(BASE);
    expect(iseharaListLayout.detect(wbOf(renderIseharaListSheet(ROWS, { header })))[0].score).toBe(1);
  });

  it('takes the report year from the header text', () => {
    const r = read({ header: { year: '令和6年度' } });
    expect(r.reportFy).toBe(2024);
    expect(r.items[0].indicators[0].targets[0].fy).toBe(2024);
    expect(r.items[0].cells['target:2024']).toBeDefined();
  });
});

describe('findings', () => {
  it('LAY003 when a forced sheet has no list header', () => {
    const memo: SheetSpec = { name: 'メモ', rows: [['項目', '件数'], ['照会済み', 12]] };
    const wb = wbOf(memo);
    expect(iseharaListLayout.detect(wb)).toEqual([]);
    const r = iseharaListLayout.read(wb, { sheets: ['メモ'] });
    expect(r.items).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.severity, f.sheet, f.cell])).toEqual([['LAY003', 'error', 'メモ', 'A1']]);
    expect(r.findings[0].message.ja).toContain('見出し');
  });

  it('LAY005 names missing columns and reads on', () => {
    const cols = LIST_COLUMNS.filter((c) => c !== 'unit' && c !== 'comment');
    const r = read({ columns: cols });
    const f = r.findings.find((x) => x.code === 'LAY005')!;
    expect(f).toMatchObject({ severity: 'warning', sheet: '取組項目一覧', cell: 'C4' });
    expect(f.message.ja).toContain('単位');
    expect(f.message.ja).toContain('取組内容');
    expect(r.items).toHaveLength(ROWS.length);
  });

  it('LAY004 (an error) without a rating column; no items', () => {
    const wb = wbOf(renderIseharaListSheet(ROWS, { columns: LIST_COLUMNS.filter((c) => c !== 'rating') }));
    expect(iseharaListLayout.detect(wb)).toEqual([]);
    const r = iseharaListLayout.read(wb, { sheets: ['取組項目一覧'] });
    expect(r.items).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['LAY004', 'error']]);
    expect(r.findings[0].message.ja).toContain('達成状況');
  });

  function edit(mut: (rows: (string | number | null)[][]) => void, opts: ListRenderOptions = { mergeGroups: false }) {
    const spec = renderIseharaListSheet(ROWS, opts);
    mut(spec.rows);
    return iseharaListLayout.read(wbOf(spec), {});
  }

  it('LAY009 when the item number is missing (as the PDF prints 5(10)①)', () => {
    const r = edit((rows) => {
      const i = rows.findIndex((row) => String(row[2] ?? '').includes('大規模建設事業'));
      rows[i][2] = '大規模建設事業等のマネジメントによる公債費の適正管理';
    });
    const f = r.findings.find((x) => x.code === 'LAY009')!;
    expect(f).toMatchObject({ severity: 'warning', cell: 'C16', itemId: '取組項目一覧!16' });
    expect(r.items.find((i) => i.id === '取組項目一覧!16')).toBeDefined();
  });

  it('LAY011 when 区分 is blank: the policy comes from the 推進項目 number', () => {
    const r = edit((rows) => {
      for (const row of rows.slice(5)) row[0] = null;
    });
    // One per row: each row is missing it, and each cell is where someone has to type it.
    expect(r.findings.map((f) => f.code)).toEqual(ROWS.map(() => 'LAY011'));
    expect(r.findings[0]).toMatchObject({ severity: 'warning', cell: 'A6' });
    expect(essence(r.items)).toEqual(BASE);
  });

  it('carries a 区分 typed once per group down (no finding)', () => {
    const r = edit((rows) => {
      const typed = rows.map((row) => row[0]);
      for (let i = 6; i < rows.length; i++) if (typed[i] === typed[i - 1]) rows[i][0] = null;
    });
    expect(r.findings).toEqual([]);
    expect(essence(r.items)).toEqual(BASE);
  });

  it('VLD008 for a duplicate code, keeping both rows under distinct ids', () => {
    const r = edit((rows) => {
      rows[6][1] = rows[5][1];
      rows[6][2] = String(rows[5][2]);
    });
    const f = r.findings.find((x) => x.code === 'VLD008')!;
    expect(f).toMatchObject({ severity: 'error', cell: 'C7', itemId: '1(1)①@取組項目一覧!7' });
    expect(r.items.map((i) => i.id)).toContain('1(1)①');
    expect(r.items).toHaveLength(ROWS.length);
  });

  it('LAY012 when 区分 and the 推進項目 disagree', () => {
    const r = edit((rows) => {
      rows[5][0] = '2 公共私連携・協働';
    });
    const f = r.findings.find((x) => x.code === 'LAY012')!;
    expect(f).toMatchObject({ severity: 'warning', cell: 'B6' });
    expect(r.items[0].id).toBe('2(1)①');
  });

  it('keeps a rating that is not A–D as typed, for the validator to report (VLD003)', () => {
    const spec = renderIseharaListSheet(ROWS, { mergeGroups: false });
    spec.rows[5][5] = 'E';
    const r = iseharaListLayout.read(wbOf(spec), {});
    expect(r.findings).toEqual([]);
    expect(r.items[0].rating).toBeUndefined();
    expect(r.items[0].notes?.rating).toBe('E');
    expect(r.items[0].ratingCell?.address).toBe('F6');
    const a = analyse(wbOf(spec));
    expect(a.findings.filter((f) => f.code === 'VLD003')).toEqual([expect.objectContaining({ severity: 'error', cell: 'F6', itemId: '1(1)①' })]);
  });

  it('FY002/FY001 without a year in the header: from the title, else from the options, else FY001', () => {
    const noYear = { header: { year: '今年度' }, titleRows: ['令和5年度の取組結果について'] };
    const fromTitle = read(noYear);
    expect(fromTitle.findings.map((f) => [f.code, f.severity])).toEqual([['FY002', 'info']]);
    expect(fromTitle.reportFy).toBe(2023);
    const spec = renderIseharaListSheet(ROWS, { ...noYear, titleRows: ['取組項目一覧'] });
    const fromOpts = iseharaListLayout.read(wbOf(spec), { reportFy: 2023 });
    expect(essence(fromOpts.items)).toEqual(BASE);
    const none = iseharaListLayout.read(wbOf(spec), {});
    expect(none.findings.map((f) => [f.code, f.severity])).toEqual([['FY001', 'warning']]);
    expect(none.items[0].indicators[0].targets).toEqual([]);
  });

  it('FY003 when the chosen report year differs from the header', () => {
    const r = iseharaListLayout.read(wbOf(renderIseharaListSheet(ROWS)), { reportFy: 2024 });
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([['FY003', 'H3']]);
    expect(r.reportFy).toBe(2023);
  });

  it('LAY007 for a header repeated in two columns', () => {
    const spec = renderIseharaListSheet(ROWS);
    for (const row of spec.rows) row.push(null);
    spec.rows[4][13] = '単位';
    const r = iseharaListLayout.read(wbOf(spec), {});
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([['LAY007', 'N5']]);
  });
});

describe('what the add-in itself left in the sheet', () => {
  it('skips a header repeated inside the data (a page break pasted in)', () => {
    const spec = renderIseharaListSheet(ROWS, { mergeGroups: false });
    spec.rows.splice(10, 0, ...spec.rows.slice(2, 5).map((r) => [...r]));
    const r = iseharaListLayout.read(wbOf(spec), {});
    expect(r.findings).toEqual([]);
    expect(essence(r.items)).toEqual(BASE);
  });

  it('reads past the owned 達成率 column and suggested ratings written into blank cells', () => {
    const spec = renderIseharaListSheet(ROWS, { ownedRatio: true, blankRatings: ['1(2)④'] });
    const row = spec.rows.findIndex((r) => String(r[2] ?? '').includes('ごみの減量化'));
    spec.rows[row][5] = 'A';
    const r = iseharaListLayout.read(wbOf(spec), {});
    expect(spec.rows[4][13]).toBe(OWNED_RATIO_HEADER);
    expect(r.findings).toEqual([]);
    expect(r.tables[0].owned).toEqual({ ratio: 13 });
    expect(essence(r.items)).toEqual(BASE);
  });
});

describe('property: edits a person makes do not change what is read', () => {
  it('any row order, blank rows, title rows, lead columns and number typing give the same items', () => {
    fc.assert(
      fc.property(
        fc.record({
          shuffleSeed: fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: undefined }),
          blankRowsBetweenGroups: fc.boolean(),
          leadCols: fc.integer({ min: 0, max: 3 }),
          titleRows: fc.array(fc.constantFrom('【参考①】取組項目一覧', '伊勢原市', '令和5年度の取組結果について'), { maxLength: 3 }),
          numbers: fc.constantFrom('number' as const, 'text' as const, 'fullwidth' as const),
          mergeGroups: fc.boolean(),
          ratingLabels: fc.boolean(),
        }),
        (opts) => {
          const r = read(opts);
          expect(r.findings).toEqual([]);
          expect(essence(r.items)).toEqual(BASE);
        },
      ),
      { numRuns: 60 },
    );
  });
});
