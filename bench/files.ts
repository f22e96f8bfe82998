import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { readXlsx } from '../src/adapters/file/read-xlsx';
import { crc32 } from '../src/adapters/file/package/crc32';
import { readZip, writeZip, type OutEntry } from '../src/adapters/file/package/zip';
import { loadSpecs } from '../test/fixtures/generate';
import type { FixtureCell } from '../test/fixtures/lib/build';
import { CT, DECL, NS, REL, relsXml, sheetXml, Sst, STYLES, zipParts } from '../test/fixtures/corpus/ooxml';

/**
 * The file figures of issue 12, printed side by side in one run: `summary --json`, `validate
 * --json`, `fill -o` and the bare reader against a bare ExcelJS load and an unzip-and-scan floor at
 * 71 … 21,300 items, the cost of 1,000 more items, peak memory per item, and what a stray cell at
 * XFD1048576 (and, in bench:files, a zip bomb) costs. `npm run bench` prints the same table. Timings are medians of 5 after a warm-up; memory is the peak resident-set growth
 * of a fresh process doing only that one thing.
 *
 *   npm run bench:files            (node --expose-gc --import tsx bench/files.ts)
 */
const DIR = path.join(os.tmpdir(), 'shinchoku-bench-files');
const SIZES = [71, 710, 7100, 21300];
const silent = { out: () => {}, err: () => {} };

/**
 * The commands as they ship: the bundle `npx shinchoku` runs (scripts/build-cli.js, built here when
 * a source is newer), not the sources compiled by tsx, whose helpers cost time of their own.
 */
const main: typeof import('../src/cli/main').main = (() => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-cli.js'), '--if-stale'], { stdio: 'inherit' });
  return createRequire(__filename)('../build/cli/main.js').main;
})();

type Op = 'floor' | 'exceljs' | 'reader' | 'summary' | 'validate' | 'fill';
/** The commands, each measured against the two baselines. */
const COMMANDS = ['summary', 'validate', 'fill'] as const;

const OPS: Record<Op, (file: string) => Promise<unknown>> = {
  /** Inflate every sheet and the shared strings, decode, count the cells: less no reader can do. */
  async floor(file) {
    let cells = 0;
    for (const e of readZip(new Uint8Array(fs.readFileSync(file)))) {
      if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(e.name)) continue;
      const s = zlib.inflateRawSync(e.data).toString('utf8');
      for (let i = s.indexOf('<c '); i >= 0; i = s.indexOf('<c ', i + 3)) cells++;
    }
    return cells;
  },
  async exceljs(file) {
    return new ExcelJS.Workbook().xlsx.readFile(file);
  },
  async reader(file) {
    return readXlsx(file);
  },
  async summary(file) {
    return main(['summary', file, '--json'], silent);
  },
  async validate(file) {
    return main(['validate', file, '--json'], silent);
  },
  /** fill writes a patched copy: the output goes to the bench folder, replaced each run. */
  async fill(file) {
    return main(['fill', file, '-o', path.join(DIR, `out-${process.pid}.xlsx`), '--force'], silent);
  },
};

// ---------- workbooks ----------

/** The Isehara list (labels typed on every row) with its 71 items repeated to `items`, written as Excel writes it. */
export function listWorkbook(items: number, stray = false): Uint8Array {
  const spec = loadSpecs().find((s) => s.file === 'isehara-list-repeated.xlsx')!.sheets!()[0];
  const first = spec.rows.findIndex((r) => typeof r[0] === 'string' && /^\d /.test(r[0] as string));
  const head = spec.rows.slice(0, first);
  const data = spec.rows.slice(first);
  const rows: FixtureCell[][] = [...head];
  for (let i = 0; rows.length - head.length < items; i++) rows.push(data[i % data.length]);
  const sst = new Sst();
  let xml = sheetXml({ name: spec.name, rows, merges: spec.merges, headerRows: [2, 3, 4], dataRows: [first, rows.length - 1] }, sst);
  if (stray) xml = xml.replace('</sheetData>', `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row></sheetData>`).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
  return zipParts([
    ['[Content_Types].xml', `${DECL}<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT.worksheet}"/><Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT.sst}"/></Types>`],
    ['_rels/.rels', relsXml([['rId1', REL.officeDocument, 'xl/workbook.xml']])],
    ['xl/workbook.xml', `${DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><sheets><sheet name="${spec.name}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', relsXml([['rId1', REL.worksheet, 'worksheets/sheet1.xml'], ['rId2', REL.styles, 'styles.xml'], ['rId3', REL.sst, 'sharedStrings.xml']])],
    ['xl/worksheets/sheet1.xml', xml],
    ['xl/styles.xml', DECL + STYLES],
    ['xl/sharedStrings.xml', sst.xml()],
  ]);
}

/**
 * A zip bomb: sheet1.xml inflates to `gib` GiB of spaces inside <sheetData> from ~2 MB. The deflate
 * stream is one small flushed block repeated (blocks of a raw stream may follow one another), so
 * making it costs nothing. `lie` declares 4 KB instead of the true size in the directory.
 */
function bomb(kind: 'spaces' | 'cells', lie: boolean): Uint8Array {
  const base = listWorkbookParts();
  const unit = kind === 'spaces' ? Buffer.alloc(32 * 1024 * 1024, 0x20) : Buffer.from('<row><c><v>1</v></c></row>'.repeat(1 << 20));
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const head = zlib.deflateRawSync(Buffer.from(`${DECL}<worksheet xmlns="${NS.main}"><sheetData>`), sync);
  const body = zlib.deflateRawSync(unit, sync);
  const tail = zlib.deflateRawSync(Buffer.from('</sheetData></worksheet>'));
  const repeats = Math.floor((2 * 1024 * 1024) / body.length);
  const compressed = Buffer.concat([head, ...Array.from({ length: repeats }, () => body), tail]);
  const size = Math.min(0xfffffffe, repeats * unit.length + 100);
  const entries: OutEntry[] = base.map(([name, text]) => {
    if (name !== 'xl/worksheets/sheet1.xml') {
      const b = Buffer.from(text);
      return { name, compressed: zlib.deflateRawSync(b), crc: crc32(b), size: b.length };
    }
    return { name, compressed, crc: 0, size: lie ? 4096 : size };
  });
  return writeZip(entries);
}

function listWorkbookParts(): [string, string][] {
  return readZip(listWorkbook(71)).map((e) => [e.name, zlib.inflateRawSync(e.data).toString('utf8')]);
}

// ---------- measuring ----------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Wall and CPU time (user + sys of this process) of several operations, median of `runs` after a
 * warm-up, the operations interleaved run by run so a busy spell on a shared machine hits all alike.
 * CPU time is what other people's load inflates least.
 */
async function timeAll<K extends string>(ops: Record<K, () => Promise<unknown>>, runs = 5): Promise<Record<K, { wall: number; cpu: number }>> {
  const keys = Object.keys(ops) as K[];
  for (const k of keys) await ops[k]();
  const wall = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const cpu = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      global.gc?.();
      const c = process.cpuUsage();
      const t = performance.now();
      await ops[k]();
      wall[k].push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu[k].push((d.user + d.system) / 1000);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, { wall: median(wall[k]), cpu: median(cpu[k]) }])) as Record<K, { wall: number; cpu: number }>;
}

/** Runs one operation in a fresh process: its time and the growth of its peak resident set. */
function child(op: Op, file: string, extra: string[] = [], timeoutMs = 600000): { ms: number; peakMb: number; error?: string } {
  const r = spawnSync(process.execPath, [...extra, '--expose-gc', '--import', 'tsx', __filename, '--child', op, file], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) return { ms: NaN, peakMb: NaN, error: r.signal ? `killed (${r.signal}) after ${timeoutMs / 1000} s` : (r.stderr.match(/heap out of memory|FATAL[^\n]*/)?.[0] ?? `exit ${r.status}`) };
  return JSON.parse(line) as { ms: number; peakMb: number; error?: string };
}

async function childMain(op: Op, file: string): Promise<void> {
  // Everything the operation needs is loaded and warmed on a small file first, so the peak is the work's own.
  await OPS[op](path.join(DIR, 'items-71.xlsx')).catch(() => undefined);
  global.gc?.();
  const before = process.memoryUsage().rss;
  const t = performance.now();
  let error: string | undefined;
  try {
    await OPS[op](file);
  } catch (e) {
    error = ((e as { reason?: { en: string } }).reason?.en ?? String(e)).slice(0, 160);
  }
  const ms = performance.now() - t;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ ms, peakMb: Math.max(0, peak - before) / 1024 / 1024, ...(error ? { error } : {}) }));
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 1 : 0) : '–');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

const OP_LABEL: Record<Op, string> = { floor: 'floor', exceljs: 'ExcelJS load', reader: 'reader', summary: 'summary --json', validate: 'validate --json', fill: 'fill -o' };

/**
 * The table issue 12 asks for. `bombs` adds the zip-bomb refusals (bench:files; `npm run bench`
 * leaves them to it).
 */
export async function benchFiles(opts: { bombs?: boolean } = {}): Promise<void> {
  fs.mkdirSync(DIR, { recursive: true });
  const file = (n: number, stray = false) => path.join(DIR, `items-${n}${stray ? '-stray' : ''}.xlsx`);
  for (const n of SIZES) fs.writeFileSync(file(n), listWorkbook(n));
  const ops = Object.keys(OPS) as Op[];
  console.log(`\n# Files: the Isehara list repeated to N items (${DIR}), in process, warm`);
  console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const t: Record<number, Record<Op, { wall: number; cpu: number }>> = {};
  for (const n of SIZES) t[n] = await timeAll(Object.fromEntries(ops.map((op) => [op, () => OPS[op](file(n))])) as Record<Op, () => Promise<unknown>>, n >= 7100 ? 3 : 5);
  for (const kind of ['cpu', 'wall'] as const) {
    console.log(
      kind === 'cpu'
        ? '\n## CPU time (user + sys of the process, median of 5, of 3 from 7,100 items, operations interleaved; ms) and each command against ExcelJS and the floor'
        : '\n## Wall time (same runs; inflated by other load on a shared machine; ms)',
    );
    console.log(`items | zip KB | ${ops.map((op) => OP_LABEL[op]).join(' | ')} | ${COMMANDS.map((c) => `${c}/ExcelJS | ${c}/floor`).join(' | ')} | reader/floor`);
    console.log(Array.from({ length: 2 + ops.length + 2 * COMMANDS.length + 1 }, () => '---').join(' | '));
    for (const n of SIZES) {
      const row = Object.fromEntries(ops.map((op) => [op, t[n][op][kind]])) as Record<Op, number>;
      const kb = fs.statSync(file(n)).size / 1024;
      const ratios = COMMANDS.map((c) => `${f2(row[c] / row.exceljs)} | ${f2(row[c] / row.floor)}`).join(' | ');
      console.log(`${n} | ${f0(kb)} | ${ops.map((op) => f0(row[op])).join(' | ')} | ${ratios} | ${f2(row.reader / row.floor)}`);
    }
    const [a, b] = [7100, 21300];
    const per = (op: Op) => ((t[b][op][kind] - t[a][op][kind]) / (b - a)) * 1000;
    console.log(`\nper 1,000 more items (7,100 → 21,300, ${kind}): ${ops.map((op) => `${OP_LABEL[op]} ${f0(per(op))} ms`).join(', ')}`);
    console.log(`  → against the floor's: ${COMMANDS.map((c) => `${c} ${f2(per(c) / per('floor'))}×`).join(', ')}, reader ${f2(per('reader') / per('floor'))}×`);
  }

  console.log('\n## Peak memory (a fresh process each, growth of peak RSS after a warm-up on 71 items)');
  console.log(`items | ${ops.map((op) => `${OP_LABEL[op]} MB`).join(' | ')} | ${['exceljs', 'reader', ...COMMANDS].map((op) => `${OP_LABEL[op as Op]} KB/item`).join(' | ')}`);
  console.log(Array.from({ length: 1 + ops.length + 2 + COMMANDS.length }, () => '---').join(' | '));
  for (const n of SIZES) {
    const m = Object.fromEntries(ops.map((op) => [op, child(op, file(n)).peakMb])) as Record<Op, number>;
    const perItem = (['exceljs', 'reader', ...COMMANDS] as Op[]).map((op) => f2((m[op] * 1024) / n)).join(' | ');
    console.log(`${n} | ${ops.map((op) => f0(m[op])).join(' | ')} | ${perItem}`);
  }

  console.log('\n## A stray cell at XFD1048576 (21,300 items; median of 5 in process, interleaved with the same file without it; peak in a fresh process)');
  fs.writeFileSync(file(21300, true), listWorkbook(21300, true));
  for (const op of ['reader', ...COMMANDS] as Op[]) {
    const mem = child(op, file(21300, true), ['--max-old-space-size=2048'], 300000);
    if (mem.error) {
      console.log(`${OP_LABEL[op]}: did not finish: ${mem.error}`);
      continue;
    }
    // With and without, interleaved: the overhead is a difference of two figures taken at the same load.
    const both = await timeAll({ stray: () => OPS[op](file(21300, true)), plain: () => OPS[op](file(21300)) }, 5);
    const plain = child(op, file(21300)).peakMb;
    const pct = (k: 'cpu' | 'wall') => f0((both.stray[k] / both.plain[k] - 1) * 100);
    console.log(`${OP_LABEL[op]}: CPU ${f0(both.stray.cpu)} ms vs ${f0(both.plain.cpu)} ms without (${pct('cpu')} % extra; wall ${pct('wall')} %); peak ${f0(mem.peakMb)} MB vs ${f0(plain)} MB`);
  }
  if (!opts.bombs) return;

  console.log('\n## Zip bombs (~2 MB each): time to the refusal and peak memory of the reader');
  for (const [name, kind, lie] of [
    ['2 GiB of spaces, sizes declared honestly', 'spaces', false],
    ['2 GiB of spaces, directory lies (4 KB)', 'spaces', true],
    ['cells: 26-byte rows repeated, directory lies', 'cells', true],
  ] as const) {
    const f = path.join(DIR, `bomb-${kind}-${lie ? 'lie' : 'honest'}.xlsx`);
    fs.writeFileSync(f, bomb(kind, lie));
    const r = child('reader', f);
    console.log(`${name}: ${f0(fs.statSync(f).size / 1024)} KB zip → ${r.error ? `refused: "${r.error}"` : 'read (!)'} in ${f0(r.ms)} ms, peak ${f0(r.peakMb)} MB`);
  }
}

if (process.argv[2] === '--child') {
  childMain(process.argv[3] as Op, process.argv[4]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else if (require.main === module) {
  console.log(`shinchoku bench:files — node ${process.version}, ${os.cpus().length} cores`);
  benchFiles({ bombs: true }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
