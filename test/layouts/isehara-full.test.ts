import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { fromA1 } from '../../src/core/grid/a1';
import type { CellRef, WorkbookGrid } from '../../src/core/grid/types';
import { analyse, type Analysis } from '../../src/core/engine/analyse';
import { similarity } from '../../src/core/layouts/isehara/reconcile';
import type { Item } from '../../src/core/model/plan';
import type { ParsedValue } from '../../src/core/values';
import { fixturePath } from '../fixtures/paths';

const num = (v: ParsedValue | undefined) => (v?.kind === 'number' ? v.value : 0);
const fy23 = (it: Item) => it.effects?.byYear.find((y) => y.fy === 2023);
const LIST_ONLY = ['1(2)⑧', '2(4)①', '2(4)⑩', '5(9)③'];

function clone(wb: WorkbookGrid): WorkbookGrid {
  return JSON.parse(JSON.stringify(wb)) as WorkbookGrid;
}

function setCell(wb: WorkbookGrid, at: CellRef, v: string | number | null): void {
  const g = wb.sheets.find((s) => s.name === at.sheet)!;
  const { row, col } = fromA1(at.address);
  while (g.values.length <= row) g.values.push([]);
  g.values[row][col] = v;
}

let wb: WorkbookGrid;
let a: Analysis;

beforeAll(async () => {
  wb = await readXlsx(fixturePath('isehara-full.xlsx'));
  a = analyse(wb);
});

describe('Isehara list + item sheets, reconciled', () => {
  it('detection picks both layouts: the list sheet and the 68 form sheets', () => {
    const chosen = Object.fromEntries(a.detection.chosen.map((c) => [c.layout, c.sheets.length]));
    expect(chosen).toEqual({ 'isehara-list': 1, 'isehara-sheet': 68 });
    expect(a.read.layout).toBe('isehara-list+isehara-sheet');
  });

  it('gives 71 items with the published counts and totals', () => {
    expect(a.plan.items).toHaveLength(71);
    expect(new Set(a.plan.items.map((i) => i.id)).size).toBe(71);
    const counts: Record<string, number> = {};
    for (const it of a.plan.items) counts[it.rating?.symbol ?? '-'] = (counts[it.rating?.symbol ?? '-'] ?? 0) + 1;
    expect(counts).toEqual({ A: 17, B: 43, C: 11 });
    expect(a.plan.items.reduce((s, it) => s + num(fy23(it)?.planned), 0)).toBe(228520);
    expect(a.plan.items.reduce((s, it) => s + num(fy23(it)?.actual), 0)).toBe(797733);
  });

  it('flags the four list-only items and names them in one info finding', () => {
    expect(a.plan.items.filter((i) => i.flags.includes('list-only')).map((i) => i.id)).toEqual(LIST_ONLY);
    const f = a.findings.filter((x) => x.code === 'ISS101');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('info');
    for (const id of LIST_ONLY) expect(f[0].message.ja).toContain(id);
    expect(a.findings.some((x) => x.code === 'ISS008')).toBe(false);
  });

  it('matches the 2(4)⑪ sheet labelled ① to its list row by name, with a finding', () => {
    const it = a.plan.items.find((i) => i.id === '2(4)⑪')!;
    expect(it.source).toMatchObject({ layout: 'isehara-sheet', sheet: '2(4)①' });
    expect(it.flags).toEqual([]);
    expect(it.cells['list:name']?.sheet).toBe('取組項目一覧');
    const f = a.findings.find((x) => x.code === 'ISS104')!;
    expect(f).toMatchObject({ severity: 'warning', sheet: '2(4)①', cell: 'B3', itemId: '2(4)⑪' });
    expect(a.plan.items.find((i) => i.id === '2(4)①')!.flags).toEqual(['list-only']);
  });

  it('finds no disagreement on the clean workbook (the list copies the sheets)', () => {
    expect(a.findings.filter((x) => x.code === 'ISS102' || x.code === 'ISS103')).toEqual([]);
  });

  it('keeps sheet cells for writing and the sheet’s years', () => {
    const it = a.plan.items.find((i) => i.id === '5(8)①')!;
    expect(it.ratingCell?.sheet).toBe('5(8)①');
    expect(it.indicators[0].targets).toHaveLength(5);
    expect(it.cells.effectPlannedSubtotal).toEqual({ sheet: '5(8)①', address: 'E20' });
  });

  it('warns where list and sheet disagree, pointing at both cells', () => {
    const edited = clone(wb);
    const item = a.plan.items.find((i) => i.id === '1(2)④')!;
    setCell(edited, item.cells['list:actual:2023']!, 21000);
    setCell(edited, item.cells['list:rating']!, 'B');
    const b = analyse(edited);
    const f = b.findings.filter((x) => x.code === 'ISS102' && x.itemId === '1(2)④');
    expect(f).toHaveLength(2);
    const actual = f.find((x) => x.message.en.includes('actual'))!;
    expect(actual).toMatchObject({ severity: 'warning', sheet: '1(2)④', cell: 'I10' });
    expect(actual.message.ja).toContain(`${item.cells['list:actual:2023']!.sheet}!${item.cells['list:actual:2023']!.address}`);
    expect(actual.message.ja).toContain('21000');
    const rating = f.find((x) => x.message.en.includes('rating'))!;
    expect(rating).toMatchObject({ sheet: '1(2)④', cell: 'G10' });
  });

  it('flags a sheet with no list row as sheet-only', () => {
    const edited = clone(wb);
    setCell(edited, { sheet: '1(1)①', address: 'B3' }, '⑨');
    setCell(edited, { sheet: '1(1)①', address: 'C3' }, '新たな業務改善の試行');
    const b = analyse(edited);
    expect(b.plan.items).toHaveLength(72);
    expect(b.plan.items.find((i) => i.id === '1(1)⑨')!.flags).toEqual(['sheet-only']);
    expect(b.plan.items.find((i) => i.id === '1(1)①')!.flags).toEqual(['list-only']);
    expect(b.findings.find((x) => x.code === 'ISS103')).toMatchObject({ sheet: '1(1)①', cell: 'B3' });
  });

  it('reads the item sheets alone and says reconciling needs the list', async () => {
    const b = analyse(await readXlsx(fixturePath('isehara-sheets.xlsx')));
    expect(b.detection.chosen.map((c) => c.layout)).toEqual(['isehara-sheet']);
    expect(b.plan.items).toHaveLength(67);
    expect(b.findings.find((x) => x.code === 'ISS008')?.severity).toBe('info');
  });
});

describe('name similarity used for matching', () => {
  it.each([
    ['職員の人材育成や人事評価制度の運用改善', '職員の人材育成や人事評価制度の運用改善', 1],
    ['市民文化会館の改修及び管理運営への民間活力の活用への検討', '市民文化会館の改修及び管理運営への民間活力の活用の検討', 0.9],
    ['アウトソーシングの拡大： 児童コミュニティクラブの運営委託の拡大', 'アウトソーシングの拡大：児童コミュニティクラブの運営委託の拡大', 1],
  ])('%s ~ %s ≥ %d', (x, y, min) => {
    expect(similarity(x, y)).toBeGreaterThanOrEqual(min);
  });

  it('keeps different items of one 推進項目 apart', () => {
    expect(similarity('指定管理者制度の運用改善', 'アウトソーシングの拡大：児童コミュニティクラブの運営委託の拡大')).toBeLessThan(0.5);
    expect(similarity('アウトソーシングの拡大：放課後子ども教室の運営委託の拡大', 'アウトソーシングの拡大：児童コミュニティクラブの運営委託の拡大')).toBeLessThan(0.8);
  });
});
