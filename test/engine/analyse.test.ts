import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse } from '../../src/core/engine/analyse';
import { ownerNote } from '../../src/core/settings/ownership';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { SETTINGS_MARKER } from '../../src/core/settings/store';
import { withSettings } from '../helpers/settings';
import { fixturePath } from '../fixtures/paths';

describe('analyse', () => {
  it('tells a problem once: a reader finding restated by validation on the same cell is dropped', async () => {
    const a = analyse(await readXlsx(fixturePath('isehara-sheets-subtotals.xlsx')));
    const atE20 = a.findings.filter((f) => f.sheet === '1(2)④' && f.cell === 'E20').map((f) => f.code);
    expect(atE20).toContain('VLD010');
    expect(atE20).not.toContain('ISS002');
  });

  it('orders findings errors first', async () => {
    const a = analyse(await readXlsx(fixturePath('isehara-sheets-subtotals.xlsx')));
    const rank = { error: 0, warning: 1, info: 2 };
    const ranks = a.findings.map((f) => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });

  it('reports LAY002 with the first sheet when no table is recognised', () => {
    const wb: WorkbookGrid = { name: 'memo.xlsx', sheets: [{ name: 'メモ', values: [['打合せメモ'], ['来週までに確認']], merges: [] }] };
    const a = analyse(wb);
    expect(a.plan.items).toEqual([]);
    expect(a.findings.map((f) => [f.code, f.severity, f.sheet])).toEqual([['LAY002', 'error', 'メモ']]);
  });

  it('falls back to default settings and says so when the stored settings are broken', async () => {
    const grid = await readXlsx(fixturePath('isehara-list.xlsx'));
    const broken = { name: '_shinchoku', values: [[SETTINGS_MARKER, 2], ['key', 'rev', 'by', 'value'], ['rules', 3, 'x', '{not json']], merges: [] };
    const a = analyse({ ...grid, sheets: [...grid.sheets, broken] });
    const f = a.findings.find((x) => x.code === 'SET001');
    expect([f?.severity, f?.sheet, f?.cell]).toEqual(['warning', '_shinchoku', 'D3']);
    expect(a.plan.items).toHaveLength(71);
  });

  it('uses the workbook’s own rules: a stored direction override changes the evaluation', async () => {
    const grid = await readXlsx(fixturePath('isehara-list.xlsx'));
    const base = analyse(grid).evaluations.find((e) => e.itemId === '1(3)①')!;
    expect(base.direction).toBe('match');
    const a = analyse(withSettings(grid, { rules: { directions: { '1(3)①': 'lower' } } }));
    const ev = a.evaluations.find((e) => e.itemId === '1(3)①')!;
    expect(ev.direction).toBe('lower');
    expect(ev.suggested).not.toBe(base.suggested);
  });
});

describe('the add-in\'s own sheets and inserted copies are not this workbook\'s data', () => {
  it('a sheet whose top-left block carries an owner tag is skipped, even when it looks like a progress table', async () => {
    const grid = await readXlsx(fixturePath('isehara-list.xlsx'));
    const list = grid.sheets[0];
    const tagged = { ...list, name: '行革集計_内訳', values: [[ownerNote('breakdown', 'abc1234', 'ja')], ...list.values] };
    const a = analyse({ ...grid, sheets: [...grid.sheets, tagged] });
    expect(a.plan.items).toHaveLength(71);
    expect(a.skippedSheets).toEqual([{ sheet: '行革集計_内訳', kind: 'owned', detail: 'breakdown' }]);
    expect(a.findings.map((f) => f.code)).toEqual(analyse(grid).findings.map((f) => f.code));
  });
});
