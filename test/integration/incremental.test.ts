import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { syntheticWorkbook } from '../../bench/synthetic';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { fromA1 } from '../../src/core/grid/a1';
import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse, type Analysis } from '../../src/core/engine/analyse';
import { reanalyse, type CellChange } from '../../src/core/engine/incremental';
import { FIXTURE_DIR, SAMPLE_DIR } from '../fixtures/paths';

/**
 * The incremental re-analysis either declines or gives exactly what the full analysis of the edited
 * workbook gives: plan, evaluations, findings in order, summary. Edits are random cells anywhere
 * and, more often, cells of item rows (ratings, actuals, targets, amounts, texts), with values staff
 * type and garbage; two edits in a row check that an incremental answer is itself a sound base.
 */

const SAMPLES = fs.readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.xlsx'));
const FILES = [
  ...SAMPLES.map((f) => path.join(SAMPLE_DIR, f)),
  ...fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.xlsx') && !SAMPLES.includes(f)).map((f) => path.join(FIXTURE_DIR, f)),
];
/** Edits tried per workbook: more on the bundled samples and the made-up ones, fewer on each fixture variant. */
const runsFor = (file: string) => (SAMPLES.includes(file) || !file.endsWith('.xlsx') ? 24 : 8);

const grids = new Map<string, WorkbookGrid>();
beforeAll(async () => {
  for (const f of FILES) grids.set(path.basename(f), await readXlsx(f));
  grids.set('synthetic-120', syntheticWorkbook(120));
  grids.set('year-and-scale', YEAR_AND_SCALE);
  grids.set('lone-effect', LONE_EFFECT);
  grids.set('role-rows', ROLE_ROWS);
  grids.set('restarted-numbers', RESTARTED_NUMBERS);
  grids.set('supplement-sheet', SUPPLEMENT_SHEET);
});

/**
 * Few items, so one cell decides things for all: the R6 actual typed in one row is the only
 * evidence of that year (FY004), and three marks are all the scale is inferred from.
 */
const YEAR_AND_SCALE: WorkbookGrid = {
  name: 'year-and-scale.xlsx',
  sheets: [
    {
      name: '進捗',
      merges: [],
      values: [
        ['取組名', '担当課', '指標', '単位', '目標値', '令和5年度実績', '令和6年度実績', '評価'],
        ['窓口の電子化', '総務課', '申請件数', '件', 100, 80, 90, '◎'],
        ['公共施設の見直し', '管財課', '施設数', '施設', 10, 9, null, '○'],
        ['補助金の整理', '財政課', '件数', '件', 5, 5, null, '△'],
      ],
    },
  ],
};

/** The one amount column, headed 効果額, is read as the effect only while its cells hold numbers: one edit can turn that. */
const LONE_EFFECT: WorkbookGrid = {
  name: 'lone-effect.xlsx',
  sheets: [
    {
      name: '一覧',
      merges: [],
      values: [
        ['令和6年度 取組状況'],
        ['No.', '取組名', '担当課', '評価', '効果額（千円）'],
        [1, '使用料の見直し', '財政課', 'A', 1200],
        [2, '施設の統廃合', '資産経営課', 'B', 3400],
        [3, 'AI-OCRの導入', '情報政策課', 'C', '検討中'],
        [4, '窓口のキャッシュレス化', '市民課', 'A', 80],
        [5, '研修の見直し', '人事課', 'B', 15],
      ],
    },
  ],
};

/** Each item on a 目標 row and a 実績 row, its name typed on both: the 区分 column decides how every row is read. */
const ROLE_ROWS: WorkbookGrid = {
  name: 'role-rows.xlsx',
  sheets: [
    {
      name: '進捗',
      merges: [],
      values: [
        ['令和6年度 行政改革 進捗状況'],
        ['番号', '取組名', '指標', '区分', '令和6年度', '効果額（千円）', '評価'],
        ['1', '電子申請の拡充', 'オンライン手続数', '目標', 50, 100, 'A'],
        ['1', '電子申請の拡充', 'オンライン手続数', '実績', 62, 120, null],
        ['2', 'ペーパーレス化', '用紙購入量', '目標', 800, 300, 'B'],
        ['2', 'ペーパーレス化', '用紙購入量', '実績', 760, 280, null],
      ],
    },
  ],
};

/** One sheet per 基本方針, each numbered from 1: the ids depend on every sheet's numbers and names. */
const RESTARTED_NUMBERS: WorkbookGrid = {
  name: 'restarted.xlsx',
  sheets: [1, 2].map((p) => ({
    name: `基本方針${p}`,
    merges: [],
    values: [
      [`基本方針${p}\u3000方針${p}`],
      ['No.', '取組名', '所管課', '評価', '効果見込額（令和6年度・千円）', '効果実績額（令和6年度・千円）'],
      [1, `取組${p}-1`, '財政課', 'A', 100, 90],
      [2, `取組${p}-2`, '人事課', 'B', 50, 40],
    ],
  })),
};

/** The list, then a sheet of the effect amounts of the same items: one edit there changes what the list's items hold. */
const SUPPLEMENT_SHEET: WorkbookGrid = {
  name: 'supplement.xlsx',
  sheets: [
    {
      name: '取組一覧',
      merges: [],
      values: [
        ['令和6年度 取組状況'],
        ['No.', '取組名', '担当課', '指標', '目標値', '実績値', '評価'],
        ['1-1', '事務事業の見直し', '行政改革課', '見直し数', 10, 8, 'B'],
        ['1-2', '補助金の適正化', '財政課', '廃止件数', 3, 4, 'A'],
      ],
    },
    {
      name: '財政効果',
      merges: [],
      values: [
        ['令和6年度 財政効果額（千円）'],
        ['No.', '取組名', '効果見込額', '効果実績額'],
        ['1-1', '事務事業の見直し', 5000, 4200],
        ['1-2', '補助金の適正化', 12000, 15000],
      ],
    },
  ],
};

interface Edit {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
}

/** The grid with the edits applied, copy-on-write as the pane's patch makes it, and the cells that really changed. */
function applyEdits(wb: WorkbookGrid, edits: Edit[]): { next: WorkbookGrid; changed: CellChange[] } {
  const sheets = wb.sheets.slice();
  const changed = new Map<string, CellChange>();
  for (const e of edits) {
    const i = sheets.findIndex((s) => s.name === e.sheet);
    const s = (sheets[i] = sheets[i] === wb.sheets[i] ? { ...sheets[i], values: sheets[i].values.slice() } : sheets[i]);
    const old = wb.sheets[i].values[e.row]?.[e.col] ?? null;
    while (s.values.length <= e.row) s.values.push([]);
    const row = (s.values[e.row] = (s.values[e.row] ?? []).slice());
    while (row.length <= e.col) row.push(null);
    row[e.col] = e.value;
    const key = `${e.sheet}|${e.row}|${e.col}`;
    if ((old ?? null) !== (e.value ?? null)) changed.set(key, { sheet: e.sheet, row: e.row, col: e.col });
    else changed.delete(key);
  }
  return { next: { ...wb, sheets }, changed: [...changed.values()] };
}

const VALUES: CellValue[] = ['A', 'B', 'C', 'D', 'S', 'a', 'Ｂ', '達成', '未達成', '一部実施', '完了', '', null, '－', '-', 0, 1, 42, 99.5, -3, 1e308, '１２３', '1,234', '▲5', '100%', '80％', '令和5年度', 'R6', '2024', '12件', '取組名', '評価', '実績値', '目標値', 'No.1', '【再掲】', '合計', '※注記', '1 行政サービスの最適化', '済', '○', '×', true, '#N/A', 'ぐちゃぐちゃ garbage テキスト'];

function editArb(wb: WorkbookGrid, a: Analysis): fc.Arbitrary<Edit> {
  const sheets = wb.sheets.map((s) => s.name);
  const anywhere = fc
    .tuple(fc.integer({ min: 0, max: sheets.length - 1 }), fc.nat(), fc.nat(), fc.constantFrom(...VALUES))
    .map(([si, r, c, value]) => {
      const s = wb.sheets[si];
      const width = s.values.reduce((m, x) => Math.max(m, x?.length ?? 0), 0);
      return { sheet: s.name, row: r % (s.values.length + 2), col: c % (width + 2), value };
    });
  const refs = a.plan.items.flatMap((it) => Object.values(it.cells).filter((x) => x && x.address));
  if (refs.length === 0) return anywhere;
  const onItem = fc.tuple(fc.constantFrom(...refs), fc.constantFrom(...VALUES)).map(([ref, value]) => {
    const { row, col } = fromA1(ref!.address);
    return { sheet: ref!.sheet, row, col, value };
  });
  // A value copied from another cell of the same column: what staff paste most.
  const copied = fc.tuple(fc.constantFrom(...refs), fc.constantFrom(...refs)).map(([to, from]) => {
    const { row, col } = fromA1(to!.address);
    const src = fromA1(from!.address);
    const s = wb.sheets.find((x) => x.name === from!.sheet)!;
    return { sheet: to!.sheet, row, col, value: s.values[src.row]?.[col] ?? s.values[src.row]?.[src.col] ?? null };
  });
  return fc.oneof({ arbitrary: anywhere, weight: 1 }, { arbitrary: onItem, weight: 3 }, { arbitrary: copied, weight: 1 });
}

/** The full analysis on sheet objects of its own, so nothing worked out for the incremental answer (a sheet's view) is reused. */
const fullOf = (wb: WorkbookGrid) => analyse({ ...wb, sheets: wb.sheets.map((s) => ({ ...s })) });

/** What the pane shows and writes from. */
function shown(a: Analysis) {
  return { plan: a.plan, evaluations: a.evaluations, findings: a.findings, summary: a.summary, read: a.read, detection: a.detection };
}

describe('reanalyse after a few edited cells: declines, or equals the full analysis', () => {
  test.each(FILES.map((f) => path.basename(f)).concat('synthetic-120', 'year-and-scale', 'lone-effect', 'role-rows', 'restarted-numbers', 'supplement-sheet'))('%s', (file) => {
    const wb = grids.get(file)!;
    const base = analyse(wb, { incremental: true });
    fc.assert(
      fc.property(fc.array(editArb(wb, base), { minLength: 1, maxLength: 3 }), fc.array(editArb(wb, base), { minLength: 1, maxLength: 2 }), (first, second) => {
        const one = applyEdits(wb, first);
        const quick = reanalyse(base, wb, one.next, one.changed);
        const full = fullOf(one.next);
        if (quick) {
          expect(shown(quick)).toEqual(shown(full));
        }
        // A second edit on top of whichever answer the pane would hold.
        const two = applyEdits(one.next, second);
        const again = reanalyse(quick ?? analyse(one.next, { incremental: true }), one.next, two.next, two.changed);
        if (again) {
          expect(shown(again)).toEqual(shown(fullOf(two.next)));
        }
      }),
      { numRuns: runsFor(file), seed: 20261202 },
    );
  });
});

describe('reanalyse answers the common edits itself (the fast path cannot silently stop working)', () => {
  const cases: [string, string, (a: Analysis, key: string, old: CellValue) => CellValue][] = [
    ['a rating', 'rating', (a, _key, old) => a.plan.scale!.symbols.map((s) => s.symbol).find((s) => s !== old)!],
    ['an actual value', 'actual:', (_a, _key, old) => (typeof old === 'number' ? old + 7 : 12)],
    ['an effect amount', 'effectActual:', (_a, _key, old) => (typeof old === 'number' ? old + 1000 : 2500)],
  ];
  test.each(['isehara-list.xlsx', 'synthetic-120'])('%s', (file) => {
    const wb = grids.get(file)!;
    const base = analyse(wb, { incremental: true });
    for (const [, prefix, value] of cases) {
      // Items across the list, not only the first.
      for (const item of [0, 1, 5, 17].map((i) => base.plan.items[i])) {
        const key = Object.keys(item.cells).find((k) => k === prefix || (prefix.endsWith(':') && k.startsWith(prefix)))!;
        const ref = item.cells[key as keyof typeof item.cells]!;
        const { row, col } = fromA1(ref.address);
        const old = wb.sheets.find((s) => s.name === ref.sheet)!.values[row]?.[col] ?? null;
        const { next, changed } = applyEdits(wb, [{ sheet: ref.sheet, row, col, value: value(base, key, old) }]);
        expect(changed).toHaveLength(1);
        const quick = reanalyse(base, wb, next, changed);
        expect({ item: item.id, key, answered: !!quick }).toEqual({ item: item.id, key, answered: true });
        expect(shown(quick!)).toEqual(shown(fullOf(next)));
      }
    }
  });
});
