import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { SAMPLE_DIR } from '../fixtures/paths';

/**
 * The summary sheets `summary -o` writes, printed by an independent spreadsheet: LibreOffice headless
 * makes a PDF of the workbook, poppler reads it back page by page. Each table is one A4 landscape
 * page (so it was fitted to the width: a table too wide would spill onto more pages), the title rows
 * head every page, the ownership note does not print. Skipped where LibreOffice or poppler is not
 * installed (CI installs both: .ci/run).
 */
const has = (cmd: string, arg: string) => spawnSync(cmd, [arg], { encoding: 'utf8' }).status === 0;
const available = has('soffice', '--version') && has('pdfinfo', '-v') && has('pdftotext', '-v');

interface Page {
  width: number;
  height: number;
  text: string;
}

function pages(pdf: string): Page[] {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' }).stdout;
  return [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[2]),
    height: Number(m[3]),
    text: spawnSync('pdftotext', ['-f', m[1], '-l', m[1], '-layout', pdf, '-'], { encoding: 'utf8' }).stdout,
  }));
}

const A4_LANDSCAPE = (p: Page) => Math.abs(p.width - 841.89) < 1 && Math.abs(p.height - 595.3) < 1;

(available ? describe : describe.skip)('summary sheets as printed (LibreOffice → PDF → poppler)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-print-'));
  const out = { summary: path.join(dir, 'summary.xlsx'), english: path.join(dir, 'summary-en.xlsx'), crosstab: path.join(dir, 'crosstab.xlsx') };
  let printed: Record<keyof typeof out, Page[]>;

  beforeAll(async () => {
    expect((await runCli('summary', path.join(SAMPLE_DIR, 'isehara-list.xlsx'), '-o', out.summary)).code).toBe(0);
    expect((await runCli('summary', path.join(SAMPLE_DIR, 'isehara-list.xlsx'), '-o', out.english, '--lang', 'en')).code).toBe(0);
    expect((await runCli('summary', path.join(SAMPLE_DIR, 'tsukubamirai.xlsx'), '--by', '推進手段,基本姿勢', '-o', out.crosstab)).code).toBe(0);
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...Object.values(out)], { encoding: 'utf8', timeout: 240_000 });
    expect(r.status).toBe(0);
    printed = Object.fromEntries(Object.entries(out).map(([k, f]) => [k, pages(f.replace(/\.xlsx$/, '.pdf'))])) as typeof printed;
  }, 300_000);

  test('the summary: one A4 landscape page per table, titles on each, totals printed, the ownership note not', () => {
    // The workbook's own sheet prints too (with its own setup); ours are the pages with our title.
    const ours = printed.summary.filter((p) => p.text.includes('行財政改革 取組結果の集計'));
    expect(ours).toHaveLength(2);
    expect(ours.some((p) => p.text.includes('機械判読用'))).toBe(false);
    for (const p of ours) {
      expect(A4_LANDSCAPE(p)).toBe(true);
      expect(p.text).toContain('集計元: isehara-list.xlsx');
      expect(p.text).toContain('作成日時');
      expect(p.text).not.toContain('shinchoku:summary');
    }
    const [counts, effects] = ours;
    // Every column of the counts table on the page, the last one included, and the published totals.
    expect(counts.text).toMatch(/達成状況（分野別内訳表）/);
    expect(counts.text).toMatch(/C 計画どおり進捗せず/);
    expect(counts.text).toMatch(/A\+B割合/);
    expect(counts.text).toMatch(/合計\s+17\s+43\s+11\s+0\s+0\s+71\s+84\.5%/);
    expect(counts.text).not.toContain('実績効果額と達成割合');
    expect(effects.text).toContain('実績効果額と達成割合');
    expect(effects.text).toMatch(/\(228,520\)/);
    expect(effects.text).toMatch(/797,733/);
  });

  test('in English too', () => {
    const ours = printed.english.filter((p) => p.text.includes('Reform progress summary'));
    expect(ours).toHaveLength(2);
    expect(ours.every(A4_LANDSCAPE)).toBe(true);
    expect(ours[1].text).toMatch(/Financial effect and achievement/);
  });

  test('the machine-readable twin prints as a plain list: header row on each page, no owner note', () => {
    const machine = printed.summary.filter((p) => p.text.includes('年度（西暦）'));
    expect(machine).toHaveLength(1);
    expect(A4_LANDSCAPE(machine[0])).toBe(true);
    expect(machine[0].text).not.toContain('行革進捗アシスタントが作成');
    expect(machine[0].text).toMatch(/2023\s+令和5年度\s+合計\s+合計\s+17/);
  });

  test('the cross-tab: one A4 landscape page with its total row and legend', () => {
    const ours = printed.crosstab.filter((p) => p.text.includes('推進手段×基本姿勢の件数'));
    expect(ours).toHaveLength(1);
    expect(A4_LANDSCAPE(ours[0])).toBe(true);
    expect(ours[0].text).toMatch(/合計\s+7\s+10\s+9\s+26/);
    expect(ours[0].text).toContain('③ しあわせな市民を増やす行政サービスの質的改革');
  });
});
