import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { FileHost } from '../../src/adapters/file/file-host';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { SummaryJson, ValidateJson, InspectJson } from '../../src/cli/json';
import { fixturePath } from '../fixtures/paths';
import published from '../fixtures/seed-data/isehara-published-summary.json';

const run = runCli;

const amount = (s: string) => Number(s.replace(/[(),]/g, ''));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-cli-'));

describe('summary reproduces the published 分野別内訳表 and effect totals', () => {
  const files = [
    'isehara-list.xlsx',
    'isehara-list-offset.xlsx',
    'isehara-list-repeated.xlsx',
    'isehara-list-blank-rows.xlsx',
    'isehara-list-shuffled.xlsx',
    'isehara-list-text-numbers.xlsx',
    'isehara-list-fullwidth.xlsx',
    'isehara-list-header-variants.xlsx',
    'isehara-list-extra-sheet.xlsx',
    'isehara-list-moved.xlsx',
  ];
  it.each(files)('%s', async (file) => {
    const r = await run('summary', fixturePath(file), '--json');
    expect(r.code).toBe(0);
    const s = SummaryJson.parse(JSON.parse(r.out));
    expect(s.groups.map((g) => g.key)).toEqual(published.policies.map((p) => p.key));
    for (const p of published.policies) {
      const g = s.groups.find((x) => x.key === p.key)!;
      expect({ key: g.key, A: g.counts.A, B: g.counts.B, C: g.counts.C, D: g.counts.D, total: g.total }).toEqual({
        key: p.key, A: p.A, B: p.B, C: p.C, D: p.D, total: p.total,
      });
      expect(g.effectPlanned).toBe(amount(p.planned));
      expect(g.effectActual).toBe(amount(p.actual));
    }
    const t = published.total;
    expect(s.total.counts).toEqual({ A: t.A, B: t.B, C: t.C, D: t.D, unrated: 0 });
    expect(s.total.effectPlanned).toBe(amount(t.planned));
    expect(s.total.effectActual).toBe(amount(t.actual));
  });

  it('prints the table in Japanese by default and in English with --lang en', async () => {
    const ja = await run('summary', fixturePath('isehara-list.xlsx'));
    expect(ja.out).toContain('1 行政サービスの最適化');
    expect(ja.out).toMatch(/合計\s+17\s+43\s+11\s+0\s+0\s+71\s+228,520\s+797,733\s+349\.1%/);
    const en = await run('summary', fixturePath('isehara-list.xlsx'), '--lang', 'en');
    expect(en.out).toMatch(/Total\s+17\s+43\s+11\s+0\s+0\s+71\s+228,520\s+797,733/);
  });

  it('sums several files into one summary, each item once', async () => {
    const one = SummaryJson.parse(JSON.parse((await run('summary', fixturePath('isehara-list.xlsx'), '--json')).out));
    const two = SummaryJson.parse(
      JSON.parse((await run('summary', fixturePath('isehara-list.xlsx'), fixturePath('yuzawa.xlsx'), '--json')).out),
    );
    const yuzawa = SummaryJson.parse(JSON.parse((await run('summary', fixturePath('yuzawa.xlsx'), '--json')).out));
    expect(two.total.total).toBe(one.total.total + yuzawa.total.total);
    expect(two.total.effectActual).toBe(one.total.effectActual + yuzawa.total.effectActual);
    expect(two.files).toHaveLength(2);
  });

  it('writes a summary sheet whose numbers are the published ones, text as text', async () => {
    const out = path.join(tmp, 'summary.xlsx');
    const r = await run('summary', fixturePath('isehara-list.xlsx'), '-o', out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('行革集計')!;
    expect(ws).toBeDefined();
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const policyRow = rows.find((x) => x[0] === '1 行政サービスの最適化')!;
    expect(policyRow.slice(1, 7)).toEqual([4, 9, 5, 0, 0, 18]);
    const totalRows = rows.filter((x) => x[0] === '合計');
    expect(totalRows[0].slice(1, 7)).toEqual([17, 43, 11, 0, 0, 71]);
    expect(totalRows[1][2]).toBe(228520);
    ws.eachRow((row) => row.eachCell((c) => expect(c.formula ?? null).toBeNull()));
    // The source workbook's own sheet is still there; the summary's 内訳, hearing list and machine-readable twin come beside it.
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['取組項目一覧', '行革集計', '行革集計_内訳', 'ヒアリング候補', '行革集計_機械判読用']);
  });
});

describe('summary -o again on its own output', () => {
  const once = async (src: string, name: string) => {
    const out = path.join(tmp, name);
    const r = await run('summary', src, '-o', out);
    expect(r.code).toBe(0);
    return { out, r };
  };

  it('rebuilds its sheet in place when nobody changed it', async () => {
    const { out: first } = await once(fixturePath('isehara-list.xlsx'), 'again-1.xlsx');
    const { out: second, r } = await once(first, 'again-2.xlsx');
    expect(r.out).not.toContain('残しました');
    const wb = await readXlsx(second);
    expect(wb.sheets.map((s) => s.name).filter((n) => n.startsWith('行革集計'))).toEqual(['行革集計', '行革集計_内訳', '行革集計_機械判読用']);
  });

  it('keeps its sheet once someone typed in it, writes the new summary beside it and says so', async () => {
    const { out: first } = await once(fixturePath('isehara-list.xlsx'), 'typed-1.xlsx');
    const typed = path.join(tmp, 'typed-1b.xlsx');
    const host = new FileHost(first);
    await host.read();
    const remark = '議会説明: 割合は決算見込みで再計算予定';
    await host.apply({ label: 'test', writes: [{ sheet: '行革集計', address: 'A40', value: remark, expect: null, reason: 'summary' }], sheets: [] });
    await host.save(typed);
    const { out: second, r } = await once(typed, 'typed-2.xlsx');
    expect(r.out.replace(/\s+/g, '')).toContain('同じ名前のシート「行革集計」は職員が作った（または手で変更した）シートのため残しました。');
    const wb = await readXlsx(second);
    const kept = wb.sheets.find((s) => s.name === '行革集計')!;
    expect(kept.values[39][0]).toBe(remark);
    const fresh = wb.sheets.find((s) => s.name === '行革集計 (2)')!;
    expect(fresh.values.flat()).toContain('合計');
    expect(fresh.values.flat()).not.toContain(remark);
  });
});

describe('validate', () => {
  it('exits 0 on the clean sample and lists findings with sheet and cell', async () => {
    const r = await run('validate', fixturePath('isehara-list.xlsx'), '--json');
    expect(r.code).toBe(0);
    const v = ValidateJson.parse(JSON.parse(r.out));
    expect(v.layout).toBe('isehara-list');
    expect(v.counts.error).toBe(0);
    for (const i of v.issues) expect(i.sheet).not.toBe('');
  });

  it('exits 1 when a cell is wrong, and names that cell', async () => {
    const src = fixturePath('isehara-list.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(src);
    const ws = wb.worksheets[0];
    // Break the first rating cell: find the header 達成状況 and the first data row below it.
    let target: ExcelJS.Cell | undefined;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!target && cell.value === 'B') target = cell;
      }),
    );
    expect(target).toBeDefined();
    target!.value = 'E';
    const broken = path.join(tmp, 'broken.xlsx');
    await wb.xlsx.writeFile(broken);
    const r = await run('validate', broken, '--json');
    expect(r.code).toBe(1);
    const v = ValidateJson.parse(JSON.parse(r.out));
    const hit = v.issues.find((i) => i.severity === 'error' && i.cell === target!.address);
    expect(hit).toBeDefined();
    expect(hit!.message).toMatch(/E/);
  });

  it('exits 2 on a missing or unreadable file, with a Japanese reason', async () => {
    const missing = await run('validate', path.join(tmp, 'nope.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('見つかりません');
    const junk = path.join(tmp, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a zip');
    const bad = await run('validate', junk);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('.xlsx');
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('inspect', fixturePath('isehara-list.xlsx'), '--layout', 'nowhere')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });
});

describe('inspect', () => {
  it('names the layout and gives every item with indicators and cells', async () => {
    const r = await run('inspect', fixturePath('isehara-list.xlsx'), '--json');
    const j = InspectJson.parse(JSON.parse(r.out));
    expect(j.layout).toBe('isehara-list');
    expect(j.items).toHaveLength(71);
    expect(j.layouts[0].reasons.length).toBeGreaterThan(0);
    const item = j.items.find((i) => i.id === '1(2)①')!;
    expect(item.indicators[0].targets['2023']).toBe(40);
    expect(item.indicators[0].actuals['2023']).toBe(44);
    expect(item.effects['2023']).toEqual({ planned: 12000, actual: 569807 });
  });
});

type Cells = Map<string, unknown>;
async function allCells(file: string): Promise<Map<string, Cells>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Cells>();
  wb.eachSheet((ws) => {
    const cells: Cells = new Map();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.value !== null && c.value !== '') cells.set(c.address, c.value);
      }),
    );
    out.set(ws.name, cells);
  });
  return out;
}

describe('fill changes only blank rating cells and owned cells', () => {
  it('on a list with blank ratings, every other cell is unchanged', async () => {
    const src = fixturePath('isehara-list-blank-ratings.xlsx');
    const out = path.join(tmp, 'filled.xlsx');
    const r = await run('fill', src, '-o', out, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    const before = await allCells(src);
    const after = await allCells(out);
    const sheet = [...before.keys()][0];
    const b = before.get(sheet)!;
    const a = after.get(sheet)!;
    // Nothing that was there is gone or different.
    for (const [addr, v] of b) expect([addr, a.get(addr)]).toEqual([addr, v]);
    // What is new: suggested ratings (letters in previously blank cells) and the owned column.
    const added = [...a.keys()].filter((k) => !b.has(k));
    const ownedCol = [...a.entries()].find(([, v]) => v === '達成率（自動）')![0].replace(/\d+/, '');
    const ratingWrites = added.filter((k) => k.replace(/\d+/, '') !== ownedCol);
    expect(ratingWrites.length).toBe(report.ratings);
    for (const k of ratingWrites) expect(['A', 'B', 'C', 'D']).toContain(a.get(k));
    expect(report.ratings).toBeGreaterThan(0);
    expect(report.ratios).toBeGreaterThan(0);
    // Only the sheets that were there, plus the hidden settings sheet.
    expect([...after.keys()].sort()).toEqual([...before.keys(), '_shinchoku'].sort());
  });

  it('a second fill on its own output has nothing to write, says so and makes no file', async () => {
    const first = path.join(tmp, 'filled-1.xlsx');
    await run('fill', fixturePath('isehara-list-blank-ratings.xlsx'), '-o', first);
    const second = path.join(tmp, 'filled-2.xlsx');
    const r = await run('fill', first, '-o', second, '--json');
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ratings: 0, ratios: 0, written: 0, out: null });
    expect(fs.existsSync(second)).toBe(false);
    const text = await run('fill', first, '-o', second);
    expect(text.out).toContain('書き込むものがありません。出力ファイルは作成していません。');
  });

  it('puts 達成率 past a blank column staff reserved with an input rule, leaving that column blank', async () => {
    const plain = path.join(tmp, 'filled-plain.xlsx');
    await run('fill', fixturePath('isehara-list-blank-ratings.xlsx'), '-o', plain);
    const ownedAt = (cells: Cells) => [...cells.entries()].find(([, v]) => v === '達成率（自動）')![0];
    const first = ownedAt([...(await allCells(plain)).values()][0]);
    const [, letter, headerRow] = /^([A-Z]+)(\d+)$/.exec(first)!;
    // Staff keep a 確認済/未確認 list in that very column, on the item rows below the header.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixturePath('isehara-list-blank-ratings.xlsx'));
    const ws = wb.worksheets[0];
    for (let r = Number(headerRow) + 1; r <= ws.rowCount; r++) ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"確認済,未確認"'] };
    const src = path.join(tmp, 'reserved.xlsx');
    await wb.xlsx.writeFile(src);
    const out = path.join(tmp, 'reserved-filled.xlsx');
    const r = await run('fill', src, '-o', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).ratios).toBeGreaterThan(0);
    const after = [...(await allCells(out)).values()][0];
    const next = String.fromCharCode(letter.charCodeAt(0) + 1);
    expect(ownedAt(after)).toBe(`${next}${headerRow}`);
    expect([...after.keys()].filter((k) => k.replace(/\d+/, '') === letter)).toEqual([]);
  });

  it('refuses to overwrite its input', async () => {
    const src = path.join(tmp, 'in.xlsx');
    fs.copyFileSync(fixturePath('isehara-list.xlsx'), src);
    const r = await run('fill', src, '-o', src);
    expect(r.code).toBe(2);
  });
});

describe('demo', () => {
  it('runs the whole job on the bundled sample and says where the output went', async () => {
    const dir = path.join(tmp, 'demo');
    const r = await run('demo', '-o', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('isehara-list');
    expect(r.out).toMatch(/合計\s+17\s+43\s+11\s+0/);
    expect(fs.existsSync(path.join(dir, 'isehara-list.filled.xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'isehara-list.summary.xlsx'))).toBe(true);
  });
});

describe('summary by a classification axis (つくばみらい市 推進手段 × 基本姿勢)', () => {
  it('groups by either axis and cross-tabulates both, with the same total', async () => {
    const file = fixturePath('tsukubamirai.xlsx');
    const byMeans = SummaryJson.parse(JSON.parse((await run('summary', file, '--by', '推進手段', '--json')).out));
    const byStance = SummaryJson.parse(JSON.parse((await run('summary', file, '--by', '基本姿勢', '--json')).out));
    expect(byMeans.groups.map((g) => g.key)).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
    expect(byStance.groups.map((g) => g.key)).toEqual(['①', '②', '③']);
    expect(byStance.total.total).toBe(byMeans.total.total);
    const cross = JSON.parse((await run('summary', file, '--by', '推進手段,基本姿勢', '--json')).out);
    expect(cross.total).toBe(byMeans.total.total);
    expect(cross.rowTotals).toEqual(byMeans.groups.map((g) => g.total));
    expect(cross.colTotals).toEqual(byStance.groups.map((g) => g.total));
    // Every one of the 21 grid cells holds at least one item in the sample plan.
    expect(cross.counts.flat().filter((n: number) => n > 0)).toHaveLength(21);
  });
});

describe('summary of a city with its own scale and unit (fixtures modelled on other cities)', () => {
  it('counts in the city’s columns, with 評価対象外 apart, through the CLI as through analyse', async () => {
    const s = SummaryJson.parse(JSON.parse((await run('summary', fixturePath('kizugawa-r2.xlsx'), '--json')).out));
    expect(s.total.counts).toEqual({ S: 4, A: 21, B: 51, C: 10, unrated: 0, notRated: 30 });
    expect(s.groups).toHaveLength(5);
    const text = (await run('summary', fixturePath('kizugawa-r2.xlsx'))).out;
    expect(text).toMatch(/合計\s+4\s+21\s+51\s+10\s+30\s+0\s+116/);
  });

  it('sums amounts typed in 円 in 千円 and names the sheet’s unit', async () => {
    const ja = (await run('summary', fixturePath('taiko2-h26.xlsx'))).out;
    expect(ja).toMatch(/合計\s+2\s+46\s+21\s+0\s+69\s+35,880/);
    expect(ja).toContain('「円」単位で入力されており、千円に換算');
    const en = (await run('summary', fixturePath('taiko2-h26.xlsx'), '--lang', 'en')).out;
    expect(en).toContain('The sheet gives effect amounts in 円; they are converted to thousand yen here.');
  });
});
