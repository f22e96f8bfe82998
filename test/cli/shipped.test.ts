import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { CrossTabJson, InspectJson, SummaryJson, ValidateJson } from '../../src/cli/json';
import { displayWidth } from '../../src/cli/text';
import { fixturePath } from '../fixtures/paths';
import { CSV_FILE, DEPARTMENTS_DIR, INCOMPLETE_DIR, OWNER_FILE, REMOVED_CODES, TWO_YEAR_DIR } from '../fixtures/render/consolidation.fixture';
import { BIN, ensureBuilt, ROOT } from './shipped-bin';

/**
 * Every command of the README, run through the shipped bin (bin/shinchoku.js → build/cli, as
 * `npm ci` builds it), on every bundled sample, in Japanese and English, with and without --json.
 * The bundle is rebuilt first if a source is newer, so this tests what `prepare` would ship.
 */
const SAMPLE_DIR = path.join(ROOT, 'assets', 'samples');
const SAMPLES = fs.readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.xlsx')).sort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-shipped-'));

interface Run {
  code: number;
  out: string;
  err: string;
}

/** One process per core: the runs are CPU-bound. */
const slots = { free: Math.max(1, os.cpus().length), waiting: [] as (() => void)[] };
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((r) => slots.waiting.push(r));
  else slots.free--;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

function shinchoku(args: string[], opts: { cwd?: string; node?: string[] } = {}): Promise<Run> {
  const env = { ...process.env };
  delete env.SHINCHOKU_LANG;
  return slot(
    () =>
      new Promise((resolve) => {
        execFile(process.execPath, [...(opts.node ?? []), BIN, ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (e, out, err) =>
          resolve({ code: e ? (typeof e.code === 'number' ? e.code : 99) : 0, out, err }),
        );
      }),
  );
}

// Each test runs the bin a few times on a shared two-core machine, queued behind its neighbours.
jest.setTimeout(300_000);

beforeAll(ensureBuilt, 120_000);

/** Lines a person reads in a terminal: tables and sentences fit 80 columns (finding lines may run on). */
function expectFits(text: string, except: RegExp = /^\[/) {
  for (const line of text.split('\n')) {
    // A file path is shown whole, however long the temporary folder's name.
    if (except.test(line) || line.includes(tmp)) continue;
    expect([line, displayWidth(line) <= 80]).toEqual([line, true]);
  }
}

/** No English sentence in Japanese output and no Japanese-only sentence in English output (data aside). */
function expectLanguage(text: string, lang: 'ja' | 'en', marker: { ja: RegExp; en: RegExp }) {
  expect(text).toMatch(marker[lang]);
  expect(text).not.toMatch(marker[lang === 'ja' ? 'en' : 'ja']);
}

const VALIDATE_READY = new Set(['isehara-list.xlsx', 'isehara-full.xlsx', 'minamiura-forms.xlsx']);
/** Plans with no rating column at all (not yet a progress report). */
const PLANS = new Set(['nihonmatsu.xlsx', 'yuzawa.xlsx', 'aizuwakamatsu.xlsx']);
/** Tables that take a year's progress columns: plans, and Tsukubamirai's plan table with its R3 columns. */
const PLAN_TABLES = new Set([...PLANS, 'tsukubamirai.xlsx']);

describe.each(SAMPLES)('%s through the shipped bin', (sample) => {
  const file = path.join(SAMPLE_DIR, sample);
  const base = sample.replace(/\.xlsx$/, '');
  const out = (name: string) => path.join(tmp, `${base}.${name}.xlsx`);

  describe.each(['ja', 'en'] as const)('--lang %s', (lang) => {
    const L = ['--lang', lang];

    test.concurrent('inspect', async () => {
      const text = await shinchoku(['inspect', file, ...L]);
      expect([text.code, text.err]).toEqual([0, '']);
      expectFits(text.out);
      expectLanguage(text.out, lang, { ja: /報告年度: .*\n取組: /, en: /report year: .*\nitems: / });
      const json = await shinchoku(['inspect', file, ...L, '--json']);
      expect(json.code).toBe(0);
      const j = InspectJson.parse(JSON.parse(json.out));
      expect(j.itemCount.counted).toBe(j.itemCount.rows - j.itemCount.reposts);
      if (j.itemCount.reposts > 0) expect(text.out).toContain(lang === 'ja' ? `集計対象は ${j.itemCount.counted} 件` : `${j.itemCount.counted} items are counted`);
    });

    test.concurrent('validate', async () => {
      const want = VALIDATE_READY.has(sample) ? 0 : 1;
      const text = await shinchoku(['validate', file, ...L]);
      expect([text.code, text.err]).toEqual([want, '']);
      expectLanguage(text.out, lang, { ja: /判定: /, en: /Verdict: / });
      expectFits(text.out.split('\n\n').pop()!);
      const json = await shinchoku(['validate', file, ...L, '--json']);
      expect(json.code).toBe(want);
      const v = ValidateJson.parse(JSON.parse(json.out));
      expect(v.verdict.ready).toBe(want === 0);
      if (PLANS.has(sample)) {
        expect(v.verdict.planItems).toBeGreaterThan(0);
        // The advice may wrap at any space (its length depends on the file's path).
        expect(text.out.replace(/\s+/g, ' ')).toContain('shinchoku columns');
      }
    });

    test.concurrent('fill -o', async () => {
      const o = out(`fill-${lang}`);
      const text = await shinchoku(['fill', file, '-o', o, ...L]);
      expect([text.code, text.err]).toEqual([0, '']);
      expectLanguage(text.out, lang, { ja: /書き込/, en: /Wrote|Nothing to write/ });
      const written = fs.existsSync(o);
      const oj = out(`fill-${lang}-json`);
      const json = await shinchoku(['fill', file, '-o', oj, ...L, '--json']);
      expect(json.code).toBe(0);
      const j = JSON.parse(json.out);
      expect(j.out === null ? null : path.resolve(j.out)).toBe(written ? oj : null);
      expect(fs.existsSync(oj)).toBe(written);
      // A plan with no rating column gets nothing: no empty 達成率 header, no file.
      if (PLANS.has(sample)) {
        expect([written, j.headers, j.ratios]).toEqual([false, 0, 0]);
        // The advice may wrap at any space (its length depends on the file's path).
        expect(text.out.replace(/\s+/g, ' ')).toContain('shinchoku columns');
      }
    });

    test.concurrent('summary -o', async () => {
      const o = out(`summary-${lang}`);
      const text = await shinchoku(['summary', file, '-o', o, ...L]);
      expect([text.code, text.err]).toEqual([0, '']);
      expect(fs.existsSync(o)).toBe(true);
      expectFits(text.out, /^$/);
      expectLanguage(text.out, lang, { ja: /^合計 /m, en: /^Total /m });
      const json = await shinchoku(['summary', file, ...L, '--json']);
      expect(json.code).toBe(0);
      const s = SummaryJson.parse(JSON.parse(json.out));
      expect(s.total.total).toBe(s.items.counted);
      expect(s.groups.reduce((n, g) => n + g.total, 0)).toBe(s.total.total);
    });

    test.concurrent('summary --by 所管課', async () => {
      const text = await shinchoku(['summary', file, '--by', '所管課', ...L]);
      expect([text.code, text.err]).toEqual([0, '']);
      expectFits(text.out, /^$/);
      const json = await shinchoku(['summary', file, '--by', '所管課', ...L, '--json']);
      const s = SummaryJson.parse(JSON.parse(json.out));
      expect(s.axis).toBe('department');
      // Items with no department (Yuzawa's KPI rows) are 未分類; every other group is a department.
      expect(s.groups.filter((g) => g.name !== '未分類').length).toBeGreaterThan(0);
      // Shared items are in several department rows and once in the total.
      expect(s.groups.reduce((n, g) => n + g.total, 0)).toBeGreaterThanOrEqual(s.total.total);
    });

    test.concurrent('summary --by 推進手段,基本姿勢 -o (cross-tab)', async () => {
      const o = out(`cross-${lang}`);
      const text = await shinchoku(['summary', file, '--by', '推進手段,基本姿勢', '-o', o, ...L]);
      const json = await shinchoku(['summary', file, '--by', '推進手段,基本姿勢', ...L, '--json']);
      if (sample === 'tsukubamirai.xlsx') {
        expect([text.code, text.err]).toEqual([0, '']);
        expect(fs.existsSync(o)).toBe(true);
        expect(text.out).toContain('① 時代変化を先取りする“人・組織”の質的改革');
        expect(text.out).toMatch(/\(1\) 市民満足度の向上/);
        expectFits(text.out, /^$/);
        const x = CrossTabJson.parse(JSON.parse(json.out));
        expect(x.cols.map((c) => c.name)).toContain('好循環の流れを築く財政運営の質的改革');
      } else {
        // Not a classification of this workbook: an error that lists the ones it has, and no file.
        expect(text.code).toBe(2);
        expect(text.err).toContain(lang === 'ja' ? '使える分類: ' : 'Classifications: ');
        expect(text.err).toContain(lang === 'ja' ? '所管課' : '所管課');
        expect(fs.existsSync(o)).toBe(false);
        expect(json.code).toBe(2);
      }
    });

    test.concurrent('columns --fy R8 -o', async () => {
      const o = out(`columns-${lang}`);
      const text = await shinchoku(['columns', file, '--fy', 'R8', '-o', o, ...L]);
      expect([text.code, text.err]).toEqual([0, '']);
      const json = await shinchoku(['columns', file, '--fy', '令和8年度', '-o', out(`columns-${lang}-json`), ...L, '--json']);
      const j = JSON.parse(json.out);
      expect(j.fy).toBe(2026);
      // Progress columns go on plan tables only; a results sheet gets none and no file is made.
      expect(fs.existsSync(o)).toBe(PLAN_TABLES.has(sample));
      expect(j.written > 0).toBe(PLAN_TABLES.has(sample));
      if (!PLAN_TABLES.has(sample)) expect(text.out).toContain(lang === 'ja' ? '計画表ではありません' : 'it is not a plan');
    });

    test.concurrent('mapping, then validate --mapping', async () => {
      const text = await shinchoku(['mapping', file, ...L]);
      expect(text.code).toBe(0);
      const saved = path.join(tmp, `${base}-${lang}.mapping.json`);
      fs.writeFileSync(saved, text.out);
      const json = await shinchoku(['mapping', file, ...L, '--json']);
      expect([json.code, json.err]).toEqual([0, '']);
      expect(JSON.parse(json.out)).toEqual(JSON.parse(text.out));
      const v = await shinchoku(['validate', file, '--mapping', saved, ...L, '--json']);
      expect([0, 1]).toContain(v.code);
      expect(ValidateJson.parse(JSON.parse(v.out)).layout.split('+')).toContain('generic');
      const t = await shinchoku(['validate', file, '--mapping', saved, ...L]);
      expect(t.code).toBe(v.code);
    });
  });
});

describe('the planning section’s commands through the shipped bin (department folder, two years)', () => {
  const departments = fixturePath(DEPARTMENTS_DIR) + path.sep;
  describe.each(['ja', 'en'] as const)('--lang %s', (lang) => {
    const L = ['--lang', lang];

    test.concurrent('summary DIR/ -o --csv: the published figures, the problem files named, four sheets and a CSV', async () => {
      const o = path.join(tmp, `folder-${lang}.xlsx`);
      const csv = path.join(tmp, `folder-${lang}.csv`);
      const text = await shinchoku(['summary', departments, '-o', o, '--csv', csv, ...L]);
      expect([text.code, text.err]).toEqual([0, '']);
      expectFits(text.out, /^$/);
      expect(text.out).toMatch(lang === 'ja' ? /^合計\s+17\s+43\s+11\s+0\s+0\s+71\s+228,520\s+797,733/m : /^Total\s+17\s+43\s+11\s+0\s+0\s+71\s+228,520\s+797,733/m);
      for (const file of [OWNER_FILE, CSV_FILE]) expect(text.out).toContain(file);
      const wb = await readXlsx(o);
      expect(wb.sheets.filter((x) => x.visibility === 'visible').map((x) => x.name)).toEqual(['行革集計', '行革集計_内訳', 'ヒアリング候補', '行革集計_機械判読用']);
      const total = lang === 'ja' ? '合計,合計' : 'Total,Total';
      expect(fs.readFileSync(csv, 'utf8')).toContain(`\r\n2023,令和5年度,${total},17,43,11,0,0,71,228520,797733,349.1\r\n`);
      // The output exists now: a second run needs --force, and the error says so.
      const again = await shinchoku(['summary', departments, '-o', o, ...L]);
      expect([again.code, again.out]).toEqual([2, '']);
      expect(again.err).toContain('--force');
      const json = await shinchoku(['summary', departments, ...L, '--json']);
      const j = SummaryJson.parse(JSON.parse(json.out));
      expect(j.total.counts).toEqual({ A: 17, B: 43, C: 11, D: 0, unrated: 0 });
      expect(j.total.sources).toHaveLength(71);
    });

    test.concurrent('summary DIR/ --master: the removed items, exactly', async () => {
      const text = await shinchoku(['summary', fixturePath(INCOMPLETE_DIR), '--master', fixturePath('isehara-list.xlsx'), ...L]);
      expect([text.code, text.err]).toEqual([0, '']);
      expectFits(text.out, /^$/);
      for (const code of REMOVED_CODES) expect(text.out).toContain(code);
      const j = SummaryJson.parse(JSON.parse((await shinchoku(['summary', fixturePath(INCOMPLETE_DIR), '--master', fixturePath('isehara-list.xlsx'), ...L, '--json'])).out));
      expect(j.reconciliation!.missing.map((m) => m.itemId).sort()).toEqual([...REMOVED_CODES].sort());
    });

    test.concurrent('summary --compare: 前年度 / 増減 and the hearing list', async () => {
      const r6 = fixturePath(`${TWO_YEAR_DIR}/R6_進捗管理シート.xlsx`);
      const r5 = fixturePath(`${TWO_YEAR_DIR}/R5_進捗管理シート.xlsx`);
      const text = await shinchoku(['summary', r6, '--compare', r5, ...L]);
      expect([text.code, text.err]).toEqual([0, '']);
      expectFits(text.out, /^$/);
      expect(text.out).toContain(lang === 'ja' ? '▲2' : '-2');
      expect(text.out).toContain('HRG002');
    });

    test.concurrent('validate --write-report -o, then the copy validates to the same codes', async () => {
      const src = fixturePath('isehara-list-blank-ratings.xlsx');
      const o = path.join(tmp, `checked-${lang}.xlsx`);
      const text = await shinchoku(['validate', src, '--write-report', '-o', o, ...L]);
      expect(text.err).toBe('');
      expect(text.out).toContain(lang === 'ja' ? '検証結果をシート「検証結果」に書き込みました' : 'Findings written to the sheet "検証結果"');
      const codes = async (f: string) => ValidateJson.parse(JSON.parse((await shinchoku(['validate', f, ...L, '--json'])).out)).issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`);
      expect(await codes(o)).toEqual(await codes(src));
    });
  });
});

/** The command lines this file runs on every sample (README lines must be among them). */
const COVERED = [
  'inspect --json',
  'validate --json',
  'fill -o',
  'summary --json -o',
  'summary --by -o',
  'summary -o --csv --master --compare',
  'validate --write-report -o',
  'columns --fy -o',
  'mapping',
  'validate --mapping',
  '--help',
];

test('a reader that stops early (| head -1) ends the printing, not the command: the file is written, no EPIPE', () => {
  const o = path.join(tmp, 'piped.xlsx');
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" summary "${fixturePath(DEPARTMENTS_DIR)}" -o "${o}" | head -1`], { encoding: 'utf8' });
  expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  expect(fs.existsSync(o)).toBe(true);
});

test('every command line of the README is one this file runs', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const lines = readme.split('\n').filter((l) => l.startsWith('npx shinchoku '));
  expect(lines.length).toBeGreaterThanOrEqual(9);
  for (const line of lines) {
    const words = line.replace(/#.*/, '').split(/\s+/).slice(2);
    const command = words[0].startsWith('-') ? '' : words[0];
    const options = words.filter((w) => /^(-o|--[a-z-]+)$/.test(w) && w !== '--lang');
    const covered = COVERED.some((c) => {
      const [cmd, ...opts] = c.split(' ');
      const want = c.startsWith('-') ? c.split(' ') : opts;
      return (c.startsWith('-') ? command === '' : cmd === command) && options.every((o) => want.includes(o));
    });
    expect([line, covered]).toEqual([line, true]);
  }
});

describe('demo through the shipped bin', () => {
  test.each(['ja', 'en'])('--lang %s, text and --json', async (lang) => {
    const dir = path.join(tmp, `demo-${lang}`);
    const text = await shinchoku(['demo', '-o', dir, '--lang', lang]);
    expect([text.code, text.err]).toEqual([0, '']);
    expect(text.out).toMatch(lang === 'ja' ? /合計\s+17\s+43\s+11\s+0/ : /Total\s+17\s+43\s+11\s+0/);
    const json = await shinchoku(['demo', '-o', dir, '--lang', lang, '--json']);
    const j = JSON.parse(json.out);
    expect(j.total.counts).toMatchObject({ A: 17, B: 43, C: 11, D: 0 });
    expect(fs.existsSync(j.summary)).toBe(true);
  });

  test('npx finds the bin through package.json', () => {
    const r = spawnSync('npx', ['--no-install', 'shinchoku', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(`shinchoku ${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}`);
  });
});

describe('usage, input and output errors speak the user’s language', () => {
  const isehara = path.join(SAMPLE_DIR, 'isehara-list.xlsx');
  const cases: [string, string[], { ja: string; en: string }][] = [
    ['a mistyped command', ['fil', isehara], { ja: 'もしかして: shinchoku fill', en: 'Did you mean: shinchoku fill' }],
    ['a mistyped option', ['summary', isehara, '--bye', '所管課'], { ja: 'もしかして: --by', en: 'Did you mean: --by' }],
    ['fill without -o', ['fill', isehara], { ja: '出力先を -o で指定してください', en: 'needs the output file: -o OUT.xlsx' }],
    ['columns without --fy', ['columns', isehara, '-o', 'x.xlsx'], { ja: '年度を --fy で指定してください', en: 'needs the fiscal year' }],
    ['a year that is not one', ['columns', isehara, '--fy', 'らいねん', '-o', 'x.xlsx'], { ja: '年度として読めません', en: 'is not a fiscal year' }],
    ['an option of another command', ['inspect', isehara, '--by', '所管課'], { ja: 'inspect では --by は使えません', en: 'inspect does not take --by' }],
    ['an unknown layout', ['inspect', isehara, '--layout', 'isehara'], { ja: 'もしかして: isehara-list', en: 'Did you mean: isehara-list' }],
    ['two files for validate', ['validate', isehara, isehara], { ja: 'ブックを 1 つ指定してください', en: 'takes exactly one workbook' }],
    ['an unknown axis', ['summary', isehara, '--by', '部局'], { ja: '使える分類: 基本方針、所管課', en: 'Classifications: 基本方針、所管課' }],
    ['a mistyped new option', ['summary', isehara, '--compar', isehara], { ja: 'もしかして: --compare', en: 'Did you mean: --compare' }],
    ['--write-report without -o', ['validate', isehara, '--write-report'], { ja: '--write-report には出力先を -o で指定してください', en: '--write-report needs the output file' }],
    ['--csv with a cross-tab', ['summary', isehara, '--by', '推進手段,基本姿勢', '--csv', 'x.csv'], { ja: 'クロス集計では --csv は使えません', en: 'does not take --csv' }],
    ['a folder that does not exist', ['summary', path.join(tmp, 'no-such-folder') + path.sep], { ja: 'ファイルもフォルダーも見つかりません', en: 'No such file or folder' }],
    ['a missing workbook', ['validate', path.join(tmp, 'missing.xlsx')], { ja: 'ファイルが見つかりません', en: 'File not found' }],
    ['an output folder that does not exist', ['fill', isehara, '-o', path.join(tmp, 'no', 'such', 'dir', 'x.xlsx')], { ja: 'に書き込めません', en: 'Cannot write' }],
  ];
  describe.each(['ja', 'en'] as const)('%s', (lang) => {
    test.concurrent.each(cases)('%s', async (_, args, want) => {
      const r = await shinchoku([...args, '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(want[lang]);
      expect(r.err).not.toMatch(/ZodError|at .*\.js:\d+|ERR_|Error:/);
      if (lang === 'ja') expect(r.err).not.toMatch(/\b(needs|takes|there is|did you mean|unknown)\b/i);
    });
  });

  test('--version, --help and -o in the help', async () => {
    const v = await shinchoku(['--version']);
    expect(v.out.trim()).toMatch(/^shinchoku \d+\.\d+\.\d+$/);
    for (const lang of ['ja', 'en']) {
      const h = await shinchoku(['--help', '--lang', lang]);
      expect(h.code).toBe(0);
      expect(h.out).toContain('-o, --out');
      expect(h.out).toContain('--version');
      for (const line of h.out.split('\n')) expect([line, displayWidth(line) <= 80]).toEqual([line, true]);
      const sub = await shinchoku(['columns', '--help', '--lang', lang]);
      expect(sub.out).toContain('--fy');
    }
  });
});

describe('start-up', () => {
  const probe = path.join(__dirname, 'startup-probe.js');
  const probed = (r: Run) => JSON.parse(r.err.split('\n').find((l) => l.startsWith('PROBE '))!.slice(6)) as { loaded: string[]; zod: boolean; caches: Record<string, string> };

  test('--help and --version run no zod and load no ExcelJS', async () => {
    for (const args of [['--help'], ['--version'], ['fill', '--help']]) {
      const r = await shinchoku(args, { node: ['-r', probe] });
      expect(r.code).toBe(0);
      const p = probed(r);
      expect(p.zod).toBe(false);
      expect(p.loaded.filter((m) => !m.endsWith('startup-probe.js'))).toEqual([BIN, './load-bundle.js', path.join(ROOT, 'build', 'cli', 'main.js')]);
      expect(p.caches).toEqual({ 'main.js': 'used' });
    }
  });

  test('a command loads zod and its own workbook reader from the bundle, nothing from node_modules at run time', async () => {
    const r = await shinchoku(['inspect', path.join(SAMPLE_DIR, 'generic-city.xlsx')], { node: ['-r', probe] });
    const p = probed(r);
    expect(p.zod).toBe(true);
    expect(p.loaded.filter((m) => !m.startsWith('.') && !path.isAbsolute(m))).toEqual([]);
    expect(p.caches).toEqual({ 'main.js': 'used' });
  });
});
