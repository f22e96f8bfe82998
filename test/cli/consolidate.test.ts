import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { RefusedSummaryJson, SummaryJson, ValidateJson } from '../../src/cli/json';
import { runCli } from '../helpers/cli';
import { fixturePath } from '../fixtures/paths';
import {
  ADDED_ROW,
  ALL_A,
  CSV_FILE,
  DEPARTMENTS_DIR,
  DISAGREES,
  DROPPED_CODE,
  FELL,
  INCOMPLETE_DIR,
  MOVED,
  NEW_CODE,
  NO_ACTUAL,
  OWNER_FILE,
  REMOVED_CODES,
  RENAMED,
  RESUBMITTED_COPY,
  RESUBMITTED_OF,
  splitByDepartment,
  TWO_YEAR_DIR,
  WORSE_RATED_B,
  WRONG_YEAR_FILE,
} from '../fixtures/render/consolidation.fixture';
import { ISEHARA_LIST_ROWS } from '../fixtures/render/isehara-list.fixture';
import published from '../fixtures/seed-data/isehara-published-summary.json';

const run = runCli;

// Whole folders and 67-sheet workbooks are read end to end; the machine is shared.
jest.setTimeout(90_000);

const amount = (s: string) => Number(s.replace(/[(),]/g, ''));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-consolidate-'));
const dir = (d: string) => fixturePath(d) + path.sep;
const json = async (...argv: string[]) => {
  const r = await run(...argv, '--json');
  expect(r.code).toBe(0);
  return SummaryJson.parse(JSON.parse(r.out));
};

/** A sheet's values as the product's own reader gives them. */
async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = await readXlsx(file);
  const ws = wb.sheets.find((s) => s.name === sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}: ${wb.sheets.map((w) => w.name).join(', ')}`);
  return ws.values.map((r) => [...(r ?? [])]);
}

describe('summary DIR/: the Isehara list split per 所管課, with the files that always turn up beside them', () => {
  let s: Awaited<ReturnType<typeof json>>;
  beforeAll(async () => {
    s = await json('summary', dir(DEPARTMENTS_DIR));
  });

  it('gives exactly the published 分野別内訳表 and effect totals', () => {
    expect(s.groups.map((g) => g.key)).toEqual(published.policies.map((p) => p.key));
    for (const p of published.policies) {
      const g = s.groups.find((x) => x.key === p.key)!;
      expect([g.counts.A, g.counts.B, g.counts.C, g.counts.D, g.total]).toEqual([p.A, p.B, p.C, p.D, p.total]);
      expect([g.effectPlanned, g.effectActual]).toEqual([amount(p.planned), amount(p.actual)]);
    }
    expect(s.total.counts).toEqual({ A: 17, B: 43, C: 11, D: 0, unrated: 0 });
    expect([s.total.effectPlanned, s.total.effectActual]).toEqual([228520, 797733]);
    expect(s.reportFy).toBe(2023);
  });

  it('names every problem file, with the file it concerns', () => {
    const byCode = (code: string) => s.consolidation.findings.filter((f) => f.code === code);
    expect(byCode('CON001').map((f) => f.sources.map((x) => x.file))).toEqual([[RESUBMITTED_OF, RESUBMITTED_COPY]]);
    expect(byCode('CON005').map((f) => f.sources[0].file)).toEqual([WRONG_YEAR_FILE]);
    expect(byCode('CON009').map((f) => f.sources[0].file)).toEqual([OWNER_FILE]);
    expect(byCode('CON010').map((f) => f.sources[0].file)).toEqual([CSV_FILE]);
    const status = Object.fromEntries(s.consolidation.files.map((f) => [f.file, f.status]));
    expect(status).toMatchObject({ [RESUBMITTED_COPY]: 'duplicate', [WRONG_YEAR_FILE]: 'other-year', [OWNER_FILE]: 'owner', [CSV_FILE]: 'not-workbook' });
    const departments = splitByDepartment(ISEHARA_LIST_ROWS);
    expect(s.files).toEqual([...departments.keys()].map((d) => `${d}.xlsx`).sort());
    expect(s.consolidation.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('every figure’s sources add up to it, and each source names its file, sheet and cell', () => {
    for (const row of [...s.groups, s.total]) {
      expect(row.sources).toHaveLength(row.total);
      for (const [k, n] of Object.entries(row.counts)) expect(row.sources.filter((x) => x.rating === k)).toHaveLength(n);
      const sum = (k: 'effectPlanned' | 'effectActual') => row.sources.reduce((t, x) => t + (x[k] ?? 0), 0);
      expect([sum('effectPlanned'), sum('effectActual')]).toEqual([row.effectPlanned, row.effectActual]);
    }
    const negative = s.total.sources.find((x) => x.itemId === '1(3)④')!;
    expect(negative).toMatchObject({ file: '総務部_職員課.xlsx', sheet: '取組項目一覧', effectActual: -15173, cells: { effectActual: { sheet: '取組項目一覧', cell: expect.stringMatching(/^K\d+$/) } } });
    // Each department's items come from its own file.
    for (const x of s.total.sources) expect(x.file).toBe(`${x.department.split('、')[0].replace(' ', '_').replace(/_\(空欄\)$/, '')}.xlsx`);
  });

  it('writes the summary, its 内訳, the hearing list and the machine-readable twin (sheet and CSV)', async () => {
    const out = path.join(tmp, '集計.xlsx');
    const csv = path.join(tmp, '集計.csv');
    const r = await run('summary', dir(DEPARTMENTS_DIR), '-o', out, '--csv', csv);
    expect(r.code).toBe(0);
    const wb = await readXlsx(out);
    expect(wb.sheets.filter((w) => w.visibility === 'visible').map((w) => w.name)).toEqual(['行革集計', '行革集計_内訳', 'ヒアリング候補', '行革集計_機械判読用']);
    const breakdown = await sheetRows(out, '行革集計_内訳');
    const head = breakdown.findIndex((x) => x?.[0] === 'No.');
    expect(breakdown[head]).toEqual(['No.', '基本方針番号', '基本方針', '取組番号', '取組名', '所管課', '評価', '効果見込額（千円）', '実績効果額（千円）', 'ファイル', 'シート', 'セル']);
    const items = breakdown.slice(head + 1).filter((x) => typeof x?.[0] === 'number');
    expect(items).toHaveLength(71);
    expect(breakdown.find((x) => x?.[0] === '合計')!.slice(7, 9)).toEqual([228520, 797733]);
    const machine = await sheetRows(out, '行革集計_機械判読用');
    const total = machine.find((x) => x?.[2] === '合計')!;
    expect(total.slice(0, 12)).toEqual([2023, '令和5年度', '合計', '合計', 17, 43, 11, 0, 0, 71, 228520, 797733]);
    for (const ws of wb.sheets.filter((w) => w.name.endsWith('_機械判読用'))) expect(ws.merges).toEqual([]);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF年度（西暦）,年度（和暦）,基本方針番号,基本方針名,評価Aの取組数（件）')).toBe(true);
    expect(text).toContain('\r\n2023,令和5年度,合計,合計,17,43,11,0,0,71,228520,797733,349.1\r\n');
  });

  it('refuses to write over an input', async () => {
    const r = await run('summary', dir(DEPARTMENTS_DIR), '-o', path.join(fixturePath(DEPARTMENTS_DIR), '企画部.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('入力は上書きしません');
  });
});

describe('summary of files that overlap', () => {
  it('the list plus the item-sheet workbook of the same city counts 71 items, once each (the sheets’ cells are the sources)', async () => {
    const s = await json('summary', fixturePath('isehara-list.xlsx'), fixturePath('isehara-sheets.xlsx'));
    expect(s.total.counts).toEqual({ A: 17, B: 43, C: 11, D: 0, unrated: 0 });
    expect([s.total.effectPlanned, s.total.effectActual]).toEqual([228520, 797733]);
    expect(s.consolidation.findings.map((f) => f.code).sort()).toEqual(['CON002', 'CON008']);
    const sheetSourced = s.total.sources.filter((x) => x.file.endsWith('isehara-sheets.xlsx'));
    expect(sheetSourced).toHaveLength(67);
    expect(s.total.sources.find((x) => x.itemId === '2(4)⑪')!.file).toContain('isehara-sheets.xlsx');
  });

  it('a shuffled copy of the same list is the same content: counted once (was 142 items)', async () => {
    const s = await json('summary', fixturePath('isehara-list.xlsx'), fixturePath('isehara-list-shuffled.xlsx'));
    expect(s.total.total).toBe(71);
    expect(s.consolidation.findings.map((f) => f.code)).toEqual(['CON001']);
  });

  it('copies with different values are refused (exit 1) until --prefer names the file to use', async () => {
    const edited = path.join(tmp, 'edited.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixturePath('isehara-list.xlsx'));
    const ws = wb.worksheets[0];
    // 1(1)③ is rated A in the list; the edited copy says B.
    let done = false;
    ws.eachRow((row) => {
      if (done) return;
      if (String(row.getCell(3).value ?? '').includes('職員提案制度の運用改善')) {
        row.getCell(6).value = 'B';
        done = true;
      }
    });
    expect(done).toBe(true);
    await wb.xlsx.writeFile(edited);
    const refused = await run('summary', fixturePath('isehara-list.xlsx'), edited);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('CON003');
    expect(refused.out).toContain('1(1)③');
    expect(refused.out).toContain('--prefer');
    const refusedJson = await run('summary', fixturePath('isehara-list.xlsx'), edited, '--json');
    expect(refusedJson.code).toBe(1);
    const doc = RefusedSummaryJson.parse(JSON.parse(refusedJson.out));
    expect(doc.consolidation.findings.filter((f) => f.code === 'CON003').map((f) => f.itemId)).toEqual(['1(1)③']);
    const chosen = await json('summary', fixturePath('isehara-list.xlsx'), edited, '--prefer', edited);
    expect(chosen.total.counts).toMatchObject({ A: 16, B: 44 });
    // The 70 equal items are told once (CON002); the chosen copy is said (CON004).
    expect(chosen.consolidation.findings.map((f) => f.code).sort()).toEqual(['CON002', 'CON004']);
  });
});

describe('summary --master: reconciliation against the plan’s full list', () => {
  it('names exactly the items removed from the department files, the one added, and the ones renamed or moved', async () => {
    const s = await json('summary', dir(INCOMPLETE_DIR), '--master', fixturePath('isehara-list.xlsx'));
    const r = s.reconciliation!;
    expect(r.missing.map((m) => m.itemId).sort()).toEqual([...REMOVED_CODES].sort());
    expect(r.extra.map((m) => m.itemId)).toEqual([ADDED_ROW.code]);
    expect(r.changed.map((c) => [c.plan.itemId, c.changes.map((x) => [x.field, x.submitted])])).toEqual(
      expect.arrayContaining([
        [RENAMED.code, [['name', RENAMED.name]]],
        [MOVED.code, [['department', `${MOVED.bureau} ${MOVED.section}`]]],
      ]),
    );
    expect(r.changed).toHaveLength(2);
  });

  it('last year’s consolidated file serves as the plan’s list too (read back from its 内訳 sheet)', async () => {
    const out = path.join(tmp, 'R5集計.xlsx');
    expect((await run('summary', dir(DEPARTMENTS_DIR), '-o', out)).code).toBe(0);
    const s = await json('summary', dir(INCOMPLETE_DIR), '--master', out);
    expect(s.reconciliation!.missing.map((m) => m.itemId).sort()).toEqual([...REMOVED_CODES].sort());
    expect(s.reconciliation!.extra.map((m) => m.itemId)).toEqual([ADDED_ROW.code]);
  });
});

describe('summary --compare: two years of item sheets with seeded changes', () => {
  const r6 = () => fixturePath(`${TWO_YEAR_DIR}/R6_進捗管理シート.xlsx`);
  const r5 = () => fixturePath(`${TWO_YEAR_DIR}/R5_進捗管理シート.xlsx`);
  let s: Awaited<ReturnType<typeof json>>;
  beforeAll(async () => {
    s = await json('summary', r6(), '--compare', r5());
  });

  it('the 前年度/増減 columns hold exactly the seeded changes', () => {
    const cmp = s.comparison!;
    expect([cmp.thisFy, cmp.lastFy]).toEqual([2024, 2023]);
    const deltas = Object.fromEntries(
      cmp.rows.map((r) => [r.key, Object.fromEntries([...Object.entries(r.counts).map(([k, d]) => [k, d.delta]), ['total', r.total.delta]].filter(([, d]) => d !== 0))]),
    );
    // Policy 2: 2(5)③ B→C, 2(4)④ B→A. Policy 3: 3(6)⑥ B→A, 3(6)⑨ new (B). Policy 4: 4(7)⑦ dropped. Policy 5: 5(8)⑤, 5(8)⑩ B→A.
    expect(deltas).toEqual({
      '1': {},
      '2': { A: 1, B: -2, C: 1 },
      '3': { A: 1, total: 1 },
      '4': { B: -1, total: -1 },
      '5': { A: 2, B: -2 },
      total: { A: 4, B: -5, C: 1 },
    });
    expect(cmp.fell.map((f) => [f.now.itemId, f.from, f.to])).toEqual([[FELL.code, 'B', 'C']]);
    expect(cmp.added.map((a) => a.itemId)).toEqual([NEW_CODE]);
    expect(cmp.dropped.map((a) => a.itemId)).toEqual([DROPPED_CODE]);
  });

  it('the hearing list holds exactly the seeded items, each with its seeded reasons', () => {
    const reasons = Object.fromEntries(s.hearing.entries.map((e) => [e.itemId, e.reasons.map((r) => r.code)]));
    expect(reasons).toEqual({
      [NO_ACTUAL.code]: ['HRG004'],
      [FELL.code]: ['HRG002'],
      [DISAGREES.code]: ['HRG001'],
      [WORSE_RATED_B.code]: ['HRG001', 'HRG003'],
      ...Object.fromEntries(ALL_A.map((a) => [a.code, ['HRG005']])),
    });
  });

  it('prints 前年度 and 増減 with ▲ for decreases, and writes them under the summary tables', async () => {
    const text = await run('summary', r6(), '--compare', r5());
    expect(text.out).toMatch(/2 公共私連携・協働\s+A\s+1\s+0\s+1/);
    expect(text.out).toMatch(/\n\s+B\s+15\s+17\s+▲2/);
    expect(text.out).toContain(`${FELL.code} `);
    const out = path.join(tmp, 'R6集計.xlsx');
    expect((await run('summary', r6(), '--compare', r5(), '-o', out)).code).toBe(0);
    const rows = await sheetRows(out, '行革集計');
    const at = rows.findIndex((x) => typeof x?.[0] === 'string' && (x[0] as string).startsWith('➤ 前年度との比較'));
    expect(at).toBeGreaterThan(0);
    const p2 = rows.slice(at).find((x) => x?.[0] === '2 公共私連携・協働')!;
    // A: 今年度/前年度/増減, then B …
    expect(p2.slice(1, 7)).toEqual([1, 0, 1, 15, 17, -2]);
  });

  it('last year can also be last year’s consolidated output', async () => {
    const out = path.join(tmp, 'R5only.xlsx');
    expect((await run('summary', fixturePath(`${TWO_YEAR_DIR}/`), '--fy', 'R5', '-o', out)).code).toBe(0);
    const again = await json('summary', r6(), '--compare', out);
    expect(again.comparison!.fell.map((f) => f.now.itemId)).toEqual([FELL.code]);
    expect(again.comparison!.added.map((a) => a.itemId)).toEqual([NEW_CODE]);
    expect(again.comparison!.dropped.map((a) => a.itemId)).toEqual([DROPPED_CODE]);
  });
});

describe('validate --write-report', () => {
  it('writes a 検証結果 sheet and the checked copy validates to the same codes', async () => {
    const src = fixturePath('isehara-list-blank-ratings.xlsx');
    const out = path.join(tmp, 'checked.xlsx');
    const r = await run('validate', src, '--write-report', '-o', out);
    expect(r.out).toContain('検証結果をシート「検証結果」に書き込みました');
    const codes = async (f: string) => ValidateJson.parse(JSON.parse((await run('validate', f, '--json')).out)).issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`);
    const before = await codes(src);
    expect(before.length).toBeGreaterThan(0);
    expect(await codes(out)).toEqual(before);
    const rows = await sheetRows(out, '検証結果');
    const head = rows.findIndex((x) => x?.[0] === 'No.');
    expect(rows[head]).toEqual(['No.', '重要度', 'コード', 'シート', 'セル', '取組', '内容']);
    expect(rows.slice(head + 1).filter((x) => typeof x?.[0] === 'number')).toHaveLength(before.length);
    // Writing the report again replaces the add-in's own sheet rather than adding a second one.
    const out2 = path.join(tmp, 'checked2.xlsx');
    await run('validate', out, '--write-report', '-o', out2);
    expect((await readXlsx(out2)).sheets.filter((w) => w.name.startsWith('検証結果'))).toHaveLength(1);
  });

  it('needs -o', async () => {
    const r = await run('validate', fixturePath('isehara-list.xlsx'), '--write-report');
    expect(r.code).toBe(2);
    expect(r.err).toContain('-o');
  });
});

describe('a workbook whose columns and title name no year', () => {
  const file = path.join(tmp, '取組状況.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('取組一覧');
    ws.addRows([
      ['取組名', '担当部署', '評価', '効果額（千円）'],
      ['職員定数の適正化', '人事課', 'A', 1500],
      ['公共施設の統廃合', '資産経営課', 'B', 3000],
    ]);
    await wb.xlsx.writeFile(file);
  });

  test('summary says its amounts are not counted, and how to give the year (CON013, a warning)', async () => {
    const r = await runCli('summary', file, '--json');
    const j = SummaryJson.parse(JSON.parse(r.out));
    expect(j.total.effectActual).toBe(0);
    const con013 = j.consolidation.findings.find((f) => f.code === 'CON013')!;
    expect(con013.severity).toBe('warning');
    expect(con013.message).toContain('報告年度を作業ウィンドウの設定タブかコマンドの年度指定で指定してください');
  });

  test('with --fy the undated amounts count for that year', async () => {
    const r = await runCli('summary', file, '--fy', 'R6', '--json');
    const j = SummaryJson.parse(JSON.parse(r.out));
    expect([j.reportFy, j.total.effectActual]).toEqual([2024, 4500]);
    expect(j.consolidation.findings.map((f) => f.code)).not.toContain('CON013');
  });
});

describe('a workbook that keeps last year’s sheet beside this year’s', () => {
  const file = path.join(tmp, 'two-years.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const head = ['基本方針', 'No.', '取組名', '担当課', '評価', '効果見込額（千円）', '実績効果額（千円）'];
    wb.addWorksheet('R5').addRows([['令和5年度 行革進捗'], [], head, ['1 財政', 1, '補助金の見直し', '財政課', 'B', 1000, 800], ['1 財政', 2, '使用料の見直し', '財政課', 'C', 5000, 3000]]);
    wb.addWorksheet('R6').addRows([['令和6年度 行革進捗'], [], head, ['1 財政', 1, '補助金の見直し', '財政課', 'A', 2000, 2500], ['2 組織', 3, '定員管理', '人事課', 'B', 2000, 1000]]);
    await wb.xlsx.writeFile(file);
  });

  test.each<[string[], number, [number, number]]>([
    [[], 2024, [4000, 3500]],
    [['--fy', 'R5'], 2023, [6000, 3800]],
    [['--fy', 'R6'], 2024, [4000, 3500]],
  ])('summary %j reads the sheet of the year', async (extra, fy, amounts) => {
    const r = await runCli('summary', file, ...extra, '--json');
    const j = SummaryJson.parse(JSON.parse(r.out));
    expect(j.reportFy).toBe(fy);
    expect([j.total.effectPlanned, j.total.effectActual]).toEqual(amounts);
  });

  test('a year it has no sheet for leaves it out, naming the year asked for', async () => {
    const r = await runCli('summary', file, '--fy', 'R7');
    expect(r.code).not.toBe(0);
    expect(r.out + r.err).toContain('指定された令和7年度と年度が違うため');
  });
});
