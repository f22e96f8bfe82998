import fc from 'fast-check';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { fileInput } from '../../src/core/consolidate/workbook-inputs';
import { summarise } from '../../src/core/summary/summarise';
import { analyse, type Analysis } from '../../src/core/engine/analyse';
import type { SheetGrid, WorkbookGrid } from '../../src/core/grid/types';
import { GENERIC_FORM_SPEC } from '../../src/core/layouts/generic/forms';
import { suggestMapping } from '../../src/core/layouts/generic/suggest';
import { SYNONYMS } from '../../src/core/layouts/generic/synonyms';
import { LayoutSpecSchema } from '../../src/core/layouts/kit/spec';
import type { DataField } from '../../src/core/model/fields';
import { PlanSchema, type Item } from '../../src/core/model/plan';
import { fixturePath } from '../fixtures/paths';
import {
  HIGASHINO_FORM_ONLY,
  HIGASHINO_FORM_RATING,
  HIGASHINO_ITEMS,
  HIGASHINO_LIST_ONLY,
  KITAHAMA_ITEMS,
  MINAMIURA_ITEMS,
  NISHIYAMA_ITEMS,
  type FormItem,
} from '../fixtures/render/forms.fixture';

/**
 * Workbooks of one form sheet per item, of invented cities each laying its form out its own way
 * (test/fixtures/render/forms.fixture.ts), read with no configuration, then with the spec `mapping`
 * prints for them. What each policy counts and sums is worked out here from the generator's data.
 */

interface Case {
  file: string;
  layouts: string[];
  scale: string;
  symbols: string[];
  /** The items that count, with the rating they count with. */
  items: FormItem[];
  /** 千円 per unit the amounts are typed in. */
  perUnit: number;
  reportFy: number;
  /** Sheets no layout reads (a 目次, a summary table). */
  unclaimed: string[];
  /** A blank template sheet, recognised and left out (LAY014). */
  template?: string;
  /** The totals as published by hand from the same data: 見込額 / 実績額 in 千円. */
  totals: [number, number];
}

const CASES: Case[] = [
  { file: 'minamiura-forms.xlsx', layouts: ['generic-form'], scale: 'A-D', symbols: ['A', 'B', 'C', 'D'], items: MINAMIURA_ITEMS, perUnit: 1, reportFy: 2023, unclaimed: ['目次'], template: '記入例', totals: [52000, 30000] },
  { file: 'kitahama-forms.xlsx', layouts: ['generic-form'], scale: 'marks', symbols: ['◎', '○', '△', '×'], items: KITAHAMA_ITEMS, perUnit: 1000, reportFy: 2023, unclaimed: [], totals: [81900, 69300] },
  { file: 'nishiyama-forms.xlsx', layouts: ['generic-form'], scale: '5-1', symbols: ['5', '4', '3', '2', '1'], items: NISHIYAMA_ITEMS, perUnit: 1, reportFy: 2023, unclaimed: ['集計'], template: '様式', totals: [32250, 14700] },
  {
    file: 'higashino-list-forms.xlsx',
    layouts: ['generic-form', 'generic'],
    scale: 'A-D',
    symbols: ['A', 'B', 'C', 'D'],
    items: [...HIGASHINO_ITEMS.map((i) => ({ ...i, rating: HIGASHINO_FORM_RATING[i.code] ?? i.rating })), HIGASHINO_FORM_ONLY],
    perUnit: 1,
    reportFy: 2023,
    unclaimed: [],
    totals: [3900, 3550],
  },
];

/** Per policy, in the order met: the count of each symbol and the sums in 千円 (blank amounts count nothing). */
function expected(c: Case) {
  const keys = [...new Set(c.items.map((i) => i.policy))];
  return keys.map((key) => {
    const mine = c.items.filter((i) => i.policy === key);
    const sum = (f: (i: FormItem) => number | null) => Math.round(mine.reduce((s, i) => s + (f(i) ?? 0) * c.perUnit, 0) * 1000) / 1000;
    return { key, counts: c.symbols.map((s) => mine.filter((i) => i.rating === s).length), total: mine.length, effectPlanned: sum((i) => i.planned), effectActual: sum((i) => i.effect) };
  });
}

function summaryOf(a: Analysis) {
  return a.summary.groups.map((g) => ({ key: g.key, counts: g.counts, total: g.total, effectPlanned: Math.round(g.effectPlanned * 1000) / 1000, effectActual: Math.round(g.effectActual * 1000) / 1000 }));
}

const books: Record<string, WorkbookGrid> = {};
const zero: Record<string, Analysis> = {};

beforeAll(async () => {
  for (const c of CASES) {
    books[c.file] = await readXlsx(fixturePath(c.file));
    zero[c.file] = analyse(books[c.file]);
  }
});

describe.each(CASES.filter((c) => !c.layouts.includes('generic')))('$file: each form on its own, one workbook per item', (c) => {
  it('a workbook of one form reads its item, and the workbooks together add up to the whole', () => {
    const whole = zero[c.file];
    const inputs = whole.plan.items.map((item) => {
      const one: WorkbookGrid = { name: `${item.id}.xlsx`, sheets: books[c.file].sheets.filter((s) => s.name === item.source.sheet) };
      const a = analyse(one);
      expect({ id: item.id, layouts: a.detection.chosen.map((x) => x.layout), items: a.plan.items.map((i) => [i.id, i.rating?.symbol]) }).toEqual({
        id: item.id,
        layouts: ['generic-form'],
        items: [[item.id, item.rating?.symbol]],
      });
      return fileInput(one.name, a);
    });
    const c2 = consolidate(inputs);
    const summary = summarise(c2.plan, { evaluations: c2.evaluations });
    expect(summary.groups.map((g) => [g.key, g.counts, g.total])).toEqual(whole.summary.groups.map((g) => [g.key, g.counts, g.total]));
    expect(Math.round(summary.total.effectActual)).toBe(c.totals[1]);
  });

  it('a sheet showing only a few of a form\'s labels is not taken for one on its own', () => {
    const values = [['取組名', '窓口の電子化'], ['担当', '総務課'], ['評価', 'A'], ['備考', '']];
    const a = analyse({ name: 'memo.xlsx', sheets: [{ name: 'メモ', values, merges: [] }] });
    expect(a.plan.items).toHaveLength(0);
  });
});

describe.each(CASES)('$file: one form sheet per item, read with no configuration', (c) => {
  it('every item once, each policy counted and summed as the data says', () => {
    const a = zero[c.file];
    expect(a.detection.chosen.map((x) => x.layout)).toEqual(c.layouts);
    expect(a.detection.unclaimed).toEqual(c.unclaimed);
    expect(a.plan.items).toHaveLength(c.items.length);
    expect(a.plan.items.map((i) => i.id).sort()).toEqual(c.items.map((i) => i.code).sort());
    expect(a.plan.scale?.id).toBe(c.scale);
    expect(a.plan.reportFy).toBe(c.reportFy);
    expect(summaryOf(a)).toEqual(expected(c));
    expect([a.summary.total.effectPlanned, a.summary.total.effectActual].map((x) => Math.round(x))).toEqual(c.totals);
    expect(a.summary.total.unrated).toBe(0);
    expect(() => PlanSchema.parse(a.plan)).not.toThrow();
    // Nothing unreadable, no item without its policy, no rating off the scale, no duplicate.
    expect(a.findings.filter((f) => ['LAY001', 'LAY003', 'LAY010', 'LAY015', 'VLD003', 'VLD004', 'VLD008', 'FY001'].includes(f.code))).toEqual([]);
  });

  it('each item has its name, department, indicator and the cells its values came from', () => {
    const a = zero[c.file];
    for (const want of c.items) {
      const it = a.plan.items.find((i) => i.id === want.code)!;
      expect(it.name).toBe(want.name);
      expect(it.departments).toEqual([want.dept]);
      expect(it.rating?.symbol).toBe(want.rating);
      expect(it.ratingCell?.sheet).toBe(it.source.sheet);
      const ind = it.indicators[0];
      if (!c.layouts.includes('generic') || !HIGASHINO_LIST_ONLY.includes(want.code)) {
        expect(ind.targets.find((t) => t.fy === c.reportFy)?.value).toMatchObject({ kind: 'number', value: want.target });
        expect(ind.actuals.find((t) => t.fy === c.reportFy)?.value).toMatchObject({ kind: 'number', value: want.actual });
      }
    }
  });

  it('the template is recognised and left out; the 目次 or summary table is not read as a form', () => {
    const a = zero[c.file];
    const lay014 = a.findings.filter((f) => f.code === 'LAY014').map((f) => f.sheet);
    expect(lay014).toEqual(c.template ? [c.template] : []);
    for (const s of c.unclaimed) expect(a.plan.items.some((i) => i.source.sheet === s)).toBe(false);
  });

  it('reads the same with the spec `mapping` prints, saved as JSON and passed back', () => {
    const s = suggestMapping(books[c.file])!;
    expect(s.spec.form?.loose).toBe(true);
    expect(s.spec.scale).toBe(c.scale);
    const saved = LayoutSpecSchema.parse(JSON.parse(JSON.stringify(s.spec)));
    const a = analyse(books[c.file], { mapping: saved });
    expect(a.detection.chosen.map((x) => x.layout)).toEqual(['generic']);
    expect(semantic(a.plan.items)).toEqual(semantic(zero[c.file].plan.items));
    expect(summaryOf(a)).toEqual(summaryOf(zero[c.file]));
    expect(a.plan.reportFy).toBe(c.reportFy);
  });
});

describe('what each city’s form shows', () => {
  it('南浦市: labels retyped from sheet to sheet read the same; the year is the title’s, and the finding says so', () => {
    const a = zero['minamiura-forms.xlsx'];
    const fy002 = a.findings.filter((f) => f.code === 'FY002');
    expect(fy002).toHaveLength(1);
    expect(fy002[0].message.ja).toContain('表題');
    expect(a.plan.items.find((i) => i.id === '1-2')!.cells).toMatchObject({ name: { sheet: '1-2', address: 'B6' }, rating: { sheet: '1-2', address: 'B11' }, 'effectActual:2023': { sheet: '1-2', address: 'B13' } });
    expect(a.plan.policies.map((p) => p.name)).toEqual(['行政サービスの最適化', '持続可能な財政運営', '組織力の向上']);
  });

  it('北浜町: the policy comes from the code 1(2)③; 令和6年度’s blank block is not the report; 百万円 amounts are said and converted', () => {
    const a = zero['kitahama-forms.xlsx'];
    expect(a.plan.policies.map((p) => [p.key, p.name])).toEqual([['1', '基本方針1'], ['2', '基本方針2'], ['3', '基本方針3']]);
    const first = a.plan.items[0];
    expect(first.cells.rating).toEqual({ sheet: '個票1', address: 'D9' });
    expect(first.indicators[0].targets.map((t) => t.fy)).toEqual([2023, 2024]);
    // The third sheet types each block's year on its first row only: the rows below are still that year's.
    const third = a.plan.items.find((i) => i.source.sheet === '個票3')!;
    expect([third.cells.rating, third.cells['rating:2024'], third.cells['actual:2024']]).toEqual([
      { sheet: '個票3', address: 'D9' },
      { sheet: '個票3', address: 'D12' },
      { sheet: '個票3', address: 'D11' },
    ]);
    // Amounts typed 2.6 and 2.2 (百万円) on the second sheet.
    const second = a.plan.items[1];
    expect(second.effects?.unit).toBe('百万円');
    expect(second.effects?.byYear.map((y) => [y.fy, y.planned?.raw, y.actual?.raw])).toEqual([[2023, String(KITAHAMA_ITEMS[1].planned), String(KITAHAMA_ITEMS[1].effect)]]);
    const lay020 = a.findings.filter((f) => f.code === 'LAY020');
    expect(lay020).toHaveLength(1);
    expect(lay020[0].message.ja).toContain('百万円');
    expect(a.findings.filter((f) => f.code === 'LAY019')).toHaveLength(1);
  });

  it('西山市: a row of labels with a row per year below; the 令和5年度 rating counts, not 令和4年度’s', () => {
    const a = zero['nishiyama-forms.xlsx'];
    const it = a.plan.items.find((i) => i.id === 'Ⅱ-1')!;
    expect(it.cells.rating).toEqual({ sheet: 'Ⅱ-1', address: 'D11' });
    expect(it.cells['rating:2022']).toEqual({ sheet: 'Ⅱ-1', address: 'D10' });
    expect(it.indicators[0].targets.map((t) => t.fy)).toEqual([2022, 2023, 2024]);
    expect(it.policyName).toBe('持続可能な財政運営');
    // The city's word for its top level, as its label types it.
    expect(a.plan.policyLabel).toBe('施策の柱');
  });

  it('東野市: the list and the forms are the same items, counted once; what is on one side only and the rating they disagree on are said', () => {
    const a = zero['higashino-list-forms.xlsx'];
    expect(a.read.layout).toBe('generic+generic-form');
    expect(a.plan.items.filter((i) => i.flags.includes('list-only')).map((i) => i.id)).toEqual(HIGASHINO_LIST_ONLY);
    expect(a.plan.items.filter((i) => i.flags.includes('sheet-only')).map((i) => i.id)).toEqual([HIGASHINO_FORM_ONLY.code]);
    expect(a.findings.filter((f) => f.code === 'ISS101')).toHaveLength(1);
    expect(a.findings.filter((f) => f.code === 'ISS103').map((f) => [f.sheet, f.cell])).toEqual([['2-5', 'B4']]);
    const iss102 = a.findings.filter((f) => f.code === 'ISS102');
    expect(iss102.map((f) => [f.itemId, f.sheet, f.cell])).toEqual([['1-4', '1-4', 'B10']]);
  });
});

// ── moved and relabelled copies read the same ────────────────────────────────────────────────

/** The sheet with `rows` empty rows and `cols` empty columns inserted in front. */
function moved(g: SheetGrid, rows: number, cols: number): SheetGrid {
  return {
    ...g,
    values: [...Array.from({ length: rows }, () => []), ...Array.from(g.values, (r) => [...Array.from({ length: cols }, () => null), ...Array.from(r ?? [], (v) => v ?? null)])],
    merges: g.merges.map((m) => ({ top: m.top + rows, bottom: m.bottom + rows, left: m.left + cols, right: m.right + cols })),
  };
}

/** Labels as the fixtures type them, by field. */
const FORM_FIELDS: DataField[] = ['policy', 'id', 'name', 'department', 'indicator', 'unit', 'target', 'actual', 'rating', 'status', 'note'];

function relabelled(g: SheetGrid, pick: (field: DataField, n: number) => string): SheetGrid {
  const byText = new Map<string, DataField>();
  for (const f of FORM_FIELDS) for (const l of SYNONYMS[f]!) byText.set(l, f);
  let n = 0;
  return { ...g, values: Array.from(g.values, (r) => Array.from(r ?? [], (v) => (typeof v === 'string' && byText.has(v) ? pick(byText.get(v)!, n++) : v))) };
}

function semantic(items: Item[]) {
  return items
    .map((i) => ({
      id: i.id,
      name: i.name,
      policy: [i.policyKey, i.policyName],
      departments: i.departments,
      rating: i.rating?.symbol,
      reportFy: i.reportFy,
      targets: i.indicators[0]?.targets.map((t) => [t.fy, t.value.raw]),
      actuals: i.indicators[0]?.actuals.map((t) => [t.fy, t.value.raw]),
      effects: i.effects?.byYear.map((y) => [y.fy, y.planned?.raw, y.actual?.raw]),
      flags: i.flags,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('a form moved or relabelled reads the same items (property)', () => {
  const files = CASES.filter((c) => c.layouts.length === 1).map((c) => c.file);
  it('rows and columns inserted in front, labels retyped among the synonym table’s words', () => {
    const synonyms = Object.fromEntries(FORM_FIELDS.map((f) => [f, SYNONYMS[f]!]));
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        (file, rows, cols, choices) => {
          const wb = books[file];
          const copy: WorkbookGrid = { ...wb, sheets: wb.sheets.map((s) => relabelled(moved(s, rows, cols), (f, n) => synonyms[f][choices[n % choices.length] % synonyms[f].length])) };
          const a = analyse(copy);
          expect(semantic(a.plan.items)).toEqual(semantic(zero[file].plan.items));
          expect(summaryOf(a)).toEqual(summaryOf(zero[file]));
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });

  it('the generic form spec takes its labels from the synonym table, not a copy', () => {
    expect(GENERIC_FORM_SPEC.form.fields['取組名'].labels).toEqual(SYNONYMS.name);
    expect(GENERIC_FORM_SPEC.form.fields['評価'].labels).toEqual(SYNONYMS.rating);
  });
});

describe('a form of label rows over value rows (取組名 over its value, 目標値 | 実績値 over theirs)', () => {
  const form = (no: string, name: string, dept: string, t: number, a: number, rating: string, ep: number, ea: number): SheetGrid => ({
    name: no,
    merges: [
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 1, bottom: 3, right: 2 },
    ],
    values: [
      ['令和6年度 行財政改革 取組シート'],
      [],
      ['取組番号', '取組名', null, '担当課'],
      [no, name, null, dept],
      [],
      ['成果指標', '単位', '目標値', '実績値'],
      ['見直し件数', '件', t, a],
      [],
      ['評価', '効果見込額（千円）', '実績効果額（千円）'],
      [rating, ep, ea],
      [],
      ['取組内容'],
      ['○○を実施した。'],
    ],
  });
  const wb: WorkbookGrid = {
    name: 'above.xlsx',
    sheets: [form('1-1', '事務事業の見直し', '行政改革課', 10, 8, 'B', 5000, 4200), form('1-2', '補助金の適正化', '財政課', 3, 4, 'A', 12000, 15000), form('2-1', '窓口業務の委託', '市民課', 2, 0, 'C', 8000, 0)],
  };

  test('each sheet is one item, its values read from under their labels', () => {
    const a = analyse(wb);
    expect(a.detection.chosen.map((c) => c.layout)).toEqual(['generic-form']);
    expect(a.plan.items.map((i) => [i.id, i.name, i.departments, i.rating?.symbol, i.policyKey])).toEqual([
      ['1-1', '事務事業の見直し', ['行政改革課'], 'B', '1'],
      ['1-2', '補助金の適正化', ['財政課'], 'A', '1'],
      ['2-1', '窓口業務の委託', ['市民課'], 'C', '2'],
    ]);
    const ind = a.plan.items[0].indicators[0];
    expect([ind.name, ind.unit, ind.targets[0]?.value.raw, ind.actuals[0]?.value.raw]).toEqual(['見直し件数', '件', '10', '8']);
    expect(a.plan.items[0].cells.name).toEqual({ sheet: '1-1', address: 'B4' });
    expect([a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([25000, 19200]);
  });

  test('a table whose header is followed by several rows of values is still a table', () => {
    const table: SheetGrid = {
      name: '一覧',
      merges: [],
      values: [
        ['令和6年度 取組一覧'],
        ['取組番号', '取組名', '担当課', '評価'],
        ['1-1', '事務事業の見直し', '行政改革課', 'B'],
        ['1-2', '補助金の適正化', '財政課', 'A'],
        [],
        ['成果指標', '単位', '目標値', '実績値'],
        ['見直し件数', '件', 10, 8],
        ['廃止件数', '件', 3, 4],
      ],
    };
    expect(analyse({ name: 't.xlsx', sheets: [table] }).detection.chosen.map((c) => c.layout)).not.toContain('generic-form');
  });
});
