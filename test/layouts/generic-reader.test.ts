import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';
import { detectLayouts } from '../../src/core/layouts/detect';
import { LayoutMappingSchema, LayoutMappingV1Schema } from '../../src/core/layouts/generic/mapping';
import { genericLayout } from '../../src/core/layouts/generic/reader';
import { suggestMapping } from '../../src/core/layouts/generic/suggest';
import type { Item } from '../../src/core/model/plan';
import type { ParsedValue } from '../../src/core/values';
import { fixturePath } from '../fixtures/paths';

const num = (v: ParsedValue | undefined) => (v?.kind === 'number' ? v.value : v?.kind);
const exampleMapping = () =>
  LayoutMappingV1Schema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'mapping.json'), 'utf8')));

describe('generic reader on generic-city.xlsx (two-row header, heading rows, full-width numbers)', () => {
  let wb: WorkbookGrid;
  beforeAll(async () => {
    wb = await readXlsx(fixturePath('generic-city.xlsx'));
  });

  it('is chosen by detection, with a confidence below the city readers’ and a bilingual reason', () => {
    const d = detectLayouts(wb);
    expect(d.chosen.map((c) => [c.layout, c.sheets])).toEqual([['generic', ['進捗管理表']]]);
    expect(d.chosen[0].score).toBeGreaterThanOrEqual(0.5);
    expect(d.chosen[0].score).toBeLessThanOrEqual(0.85);
    expect(d.chosen[0].reasons[0].reason.ja).toContain('「取組名」→取組名');
    expect(d.chosen[0].reasons[0].reason.en).toContain('"自己評価" → rating');
  });

  it('reads every item row under the policy and group heading rows', () => {
    const read = genericLayout.read(wb, { sheets: ['進捗管理表'] });
    expect(read.items.map((i) => [i.id, i.policyKey, i.groupKey])).toEqual([
      ['1-1', '1', '1'],
      ['1-2', '1', '1'],
      ['1-3', '1', '1'],
      ['1-4', '1', '2'],
      ['1-5', '1', '2'],
      ['2-1', '2', '3'],
      ['2-2', '2', '3'],
      ['2-3', '2', '4'],
      ['2-4', '2', '4'],
    ]);
    expect(read.policies).toEqual([
      { key: '1', name: '持続可能な財政運営', order: 1 },
      { key: '2', name: '市民サービスの向上', order: 2 },
    ]);
    expect(read.reportFy).toBe(2024);
    expect(read.findings).toEqual([]);
  });

  it('parses full-width, grouped and ▲ numbers, ratings with labels and qualitative items', () => {
    const read = genericLayout.read(wb, { sheets: ['進捗管理表'] });
    const byId = new Map(read.items.map((i) => [i.id, i]));
    const first = (i: Item) => i.indicators[0];
    expect(num(first(byId.get('1-1')!).actuals[0].value)).toBe(98.7);
    expect(num(first(byId.get('1-2')!).actuals[0].value)).toBe(3850);
    expect(num(first(byId.get('1-2')!).baseline?.value)).toBe(3200);
    expect(num(first(byId.get('2-4')!).actuals[0].value)).toBe(67.9);
    expect(num(byId.get('1-4')!.effects!.byYear[0].actual)).toBe(-2300);
    expect(first(byId.get('1-3')!).qualitative).toBe(true);
    expect(first(byId.get('1-1')!).unit).toBe('%');
    expect(read.items.map((i) => i.rating?.symbol ?? null)).toEqual(['A', 'B', null, 'C', null, 'A', 'B', null, 'C']);
    expect(byId.get('2-2')!.departments).toEqual(['市民課', '情報政策課']);
    expect(byId.get('1-3')!.notes).toEqual({ 'status:2024': '算定基準を整理中', note: '令和7年度に改定予定' });
    expect(byId.get('2-3')!.effects).toBeUndefined();
  });

  it('takes a merged second row as the item’s second indicator', () => {
    const item = genericLayout.read(wb, {}).items.find((i) => i.id === '2-1')!;
    expect(item.indicators.map((x) => [x.name, num(x.targets[0].value), num(x.actuals[0].value)])).toEqual([
      ['オンライン申請できる手続数', 120, 135],
      ['オンライン利用率', 25, 21],
    ]);
  });

  it('gives every row a rating cell (blank or not) and a table anchor for owned columns', () => {
    const read = genericLayout.read(wb, {});
    expect(read.items.map((i) => i.ratingCell?.address)).toEqual(['I8', 'I9', 'I10', 'I13', 'I14', 'I18', 'I20', 'I23', 'I24']);
    expect(read.items.every((i) => i.ratingCell?.sheet === '進捗管理表')).toBe(true);
    expect(read.tables).toEqual([
      {
        sheet: '進捗管理表',
        headerRows: [3, 4],
        dataRows: [7, 8, 9, 12, 13, 17, 19, 22, 23],
        nextFreeCol: 14,
        owned: {},
        rowOfItem: { '1-1': 7, '1-2': 8, '1-3': 9, '1-4': 12, '1-5': 13, '2-1': 17, '2-2': 19, '2-3': 22, '2-4': 23 },
      },
    ]);
  });

  it('suggests a mapping that, saved unchanged, reads the same items', () => {
    const s = suggestMapping(wb)!;
    expect(s.mapping).toMatchObject({ sheet: '進捗管理表', headerRow: 5, fy: 2024 });
    expect(s.mapping.columns).toMatchObject({ 取組名: 'name', 自己評価: 'rating', '財政効果額（千円） 見込': 'effectPlanned' });
    const saved = LayoutMappingSchema.parse(JSON.parse(JSON.stringify(s.mapping)));
    const viaMapping = genericLayout.read(wb, { mapping: saved });
    const viaDetection = genericLayout.read(wb, {});
    expect(viaMapping.items).toEqual(viaDetection.items);
  });

  it('runs through analyse with plan, summary and no reader errors', () => {
    const a = analyse(wb);
    expect(a.plan.layouts).toEqual(['generic']);
    expect(a.plan.items).toHaveLength(9);
    expect(a.findings.filter((f) => f.code.startsWith('LAY') || f.code.startsWith('FY'))).toEqual([]);
  });
});

describe('generic reader on generic-multi.xlsx (flat header, policy column, R6/R7 columns)', () => {
  let wb: WorkbookGrid;
  beforeAll(async () => {
    wb = await readXlsx(fixturePath('generic-multi.xlsx'));
  });

  it('claims the table sheet only: not the cover, the summary tab or the hidden template', () => {
    const d = detectLayouts(wb);
    expect(d.chosen.find((c) => c.layout === 'generic')?.sheets).toEqual(['進捗状況']);
    expect(genericLayout.detect(wb).map((x) => x.sheet)).not.toContain('テンプレート');
    expect(d.unclaimed).toEqual(['表紙', '集計']);
    const owner = d.chosen.filter((c) => c.sheets.includes('進捗状況')).map((c) => c.layout);
    expect(owner).toEqual(['generic']);
  });

  it('fills the policy column down and reads every year’s target', () => {
    const read = genericLayout.read(wb, { sheets: ['進捗状況'] });
    expect(read.items.map((i) => [i.id, i.policyKey, i.policyName])).toEqual([
      ['A-1', '1', '行政運営の効率化'],
      ['A-2', '1', '行政運営の効率化'],
      ['A-3', '1', '行政運営の効率化'],
      ['B-1', '2', '財政基盤の強化'],
      ['B-2', '2', '財政基盤の強化'],
    ]);
    expect(read.policyLabel).toBe('基本方針');
    expect(read.reportFy).toBe(2024);
    const a1 = read.items[0].indicators[0];
    expect(a1.targets.map((t) => [t.fy, num(t.value)])).toEqual([
      [2024, 12],
      [2025, 18],
    ]);
    expect(a1.actuals.map((t) => [t.fy, num(t.value)])).toEqual([[2024, 14]]);
    expect(read.items[1].indicators[0].unit).toBe('%');
    expect(num(read.items[4].effects!.byYear[0].actual)).toBe(-1200);
  });
});

describe('generic-unsure.xlsx: unknown header words need a saved mapping', () => {
  let wb: WorkbookGrid;
  beforeAll(async () => {
    wb = await readXlsx(fixturePath('generic-unsure.xlsx'));
  });

  it('is not claimed by detection, and analyse says so with LAY002', () => {
    const d = detectLayouts(wb);
    expect(d.chosen).toEqual([]);
    const score = genericLayout.detect(wb)[0]?.score ?? 0;
    expect(score).toBeLessThan(0.5);
    expect(analyse(wb).findings.map((f) => f.code)).toContain('LAY002');
  });

  it('when forced without a mapping, says which column it could not find (LAY004: only 判定, a rating, is a header it knows) and reads nothing', () => {
    const read = genericLayout.read(wb, { sheets: ['進捗'] });
    expect(read.items).toEqual([]);
    expect(read.findings.map((f) => f.code)).toEqual(['LAY004']);
  });

  it('reads with examples/mapping.json', () => {
    const mapping = exampleMapping();
    const d = detectLayouts(wb, { mapping });
    expect(d.chosen.map((c) => [c.layout, c.sheets, c.score])).toEqual([['generic', ['進捗'], 1]]);
    const a = analyse(wb, { mapping });
    expect(a.read.items.map((i) => [i.id, i.name, i.rating?.symbol ?? null, i.departments[0]])).toEqual([
      ['1', 'ペーパーレス会議の定着', 'A', '総務課'],
      ['2', '窓口キャッシュレス化', 'B', '会計課'],
      ['3', '公用車の削減', 'C', '管財課'],
      ['4', '職員提案制度の活性化', null, '人事課'],
    ]);
    expect(num(a.read.items[0].indicators[0].actuals[0].value)).toBe(540000);
    expect(a.read.items[0].indicators[0].actuals[0].fy).toBe(2024);
    expect(a.read.items.map((i) => i.ratingCell?.address)).toEqual(['F4', 'F5', 'F6', 'F7']);
    expect(a.findings.filter((f) => f.code.startsWith('LAY') && f.severity !== 'info')).toEqual([]);
  });

  it('a mapping saved without a sheet name still finds its sheet, and a wrong header is reported (LAY016)', () => {
    const { sheet: _sheet, headerRow: _row, ...rest } = exampleMapping();
    const mapping = { ...rest, columns: { ...rest.columns, 存在しない見出し: 'note' as const } };
    const read = genericLayout.read(wb, { mapping });
    expect(read.items).toHaveLength(4);
    expect(read.findings.map((f) => [f.code, f.sheet])).toContainEqual(['LAY016', '進捗']);
  });
});

describe('generic-notable.xlsx: nothing to read', () => {
  it('yields no choice and LAY002', async () => {
    const wb = await readXlsx(fixturePath('generic-notable.xlsx'));
    expect(detectLayouts(wb).chosen).toEqual([]);
    const lay = analyse(wb).findings.find((f) => f.code === 'LAY002');
    expect(lay).toMatchObject({ severity: 'error', sheet: 'メモ' });
  });
});
