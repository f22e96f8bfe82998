import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { nodeCodec } from '../../src/adapters/file/package/node-codec';
import { openXlsx } from '../../src/adapters/file/read/grid';
import { runCli } from '../helpers/cli';
import { comparePackages, mayChange, type PackageDiff } from '../fixtures/corpus/compare';
import { CORPUS, CORPUS_DIR } from '../fixtures/corpus/generate';
import { NOTE_AUTHOR } from '../../src/core/plan/notes';

/**
 * The corpus of staff workbooks through the CLI as a user runs it: fill, summary -o and columns
 * on each, then the packages compared part by part. Nothing staff made may be lost or changed.
 */
const run = runCli;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-corpus-'));
const PRODUCED = ['openpyxl-generic.xlsx', 'libreoffice-isehara-list.xlsx'];
const books = [
  ...CORPUS.map((b) => ({ file: b.file, expect: b.expect })),
  ...PRODUCED.map((file) => ({ file, expect: { fill: 'write', summary: 'write', columns: 'nothing' } as const })),
];
const COMMANDS = {
  fill: (i: string, o: string) => ['fill', i, '-o', o],
  summary: (i: string, o: string) => ['summary', i, '-o', o],
  columns: (i: string, o: string) => ['columns', i, '--fy', '2024', '-o', o],
} as const;

async function exceljsReads(bytes: Uint8Array): Promise<boolean> {
  try {
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return true;
  } catch {
    return false;
  }
}

const totals = { runs: 0, partsCompared: 0, partsChanged: 0, partsCopiedRaw: 0, staffCellsChanged: 0, cellsWritten: 0, notesKept: 0, notesAdded: 0 };
const outputs: string[] = [];
/** fill outputs and how many notes each run added (LibreOffice must show every one of them). */
const noted: { out: string; added: number }[] = [];

describe('the committed corpus is what the generator makes', () => {
  it.each(CORPUS.map((b) => b.file))('%s (run `npm run fixtures` if not)', async (file) => {
    const committed = new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, file)));
    const fresh = CORPUS.find((b) => b.file === file)!.bytes();
    // Compared part by part, uncompressed: zlib versions may compress the same text differently.
    const d = await comparePackages(committed, fresh);
    expect(d.partsChanged).toEqual([]);
    expect(d.partsAdded).toEqual([]);
    expect(d.partsMissing).toEqual([]);
  });
});

describe.each(books)('$file', ({ file, expect: want }) => {
  const input = path.join(CORPUS_DIR, file);
  const before = new Uint8Array(fs.readFileSync(input));

  it.each(Object.keys(COMMANDS) as (keyof typeof COMMANDS)[])('%s keeps everything staff made', async (cmd) => {
    const out = path.join(tmp, `${file}.${cmd}${path.extname(file)}`);
    const r = await run(...COMMANDS[cmd](input, out));
    if (want[cmd] === 'refuse') {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/ブックの構成が保護されている/);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    if (want[cmd] === 'nothing') {
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(r.out).toMatch(/出力ファイルは作成していません/);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const after = new Uint8Array(fs.readFileSync(out));
    const d: PackageDiff = await comparePackages(before, after);
    expect(d.partsMissing).toEqual([]);
    expect(d.sheetsLost).toEqual([]);
    expect(d.partsChanged.filter((p) => !mayChange(p))).toEqual([]);
    expect(d.staffCellsChanged).toEqual([]);
    expect(d.featuresLost).toEqual([]);
    // Every staff note, thread placeholder, VML shape and relationship is still there verbatim.
    expect(d.notesLost).toEqual([]);
    // Parts no write needs are copied compressed, as they were.
    expect(d.partsCopiedRaw).toBe(d.partsCompared - d.partsChanged.length);
    // Macro-enabled stays macro-enabled.
    const wp = await openXlsx(after, out, { codec: nodeCodec });
    expect(wp.workbookType).toBe((await openXlsx(before, input, { codec: nodeCodec })).workbookType);
    // An independent reader that opens the input (ExcelJS cannot read x: prefixes or openpyxl drawings) opens the output.
    if (await exceljsReads(before)) expect(await exceljsReads(after)).toBe(true);
    totals.runs++;
    totals.partsCompared += d.partsCompared;
    totals.partsChanged += d.partsChanged.length;
    totals.partsCopiedRaw += d.partsCopiedRaw;
    totals.staffCellsChanged += d.staffCellsChanged.length;
    totals.cellsWritten += d.cellsWritten;
    totals.notesKept += d.notesKept;
    totals.notesAdded += d.notesAdded;
    outputs.push(out);
    if (cmd === 'fill') {
      // The notes fill reports are the notes in the file.
      const j = JSON.parse((await run(...COMMANDS.fill(input, `${out}.json.xlsx`), '--json')).out);
      expect(d.notesAdded).toBe(j.notes.added);
      expect(j.notes.added + j.notes.notWritten.length).toBe(j.suggestions.length);
      if (d.notesAdded) noted.push({ out, added: d.notesAdded });
    }
  });
});

describe('what the runs add up to', () => {
  it('writes happened, and no staff cell changed anywhere', () => {
    expect(totals.runs).toBe(books.flatMap((b) => Object.values(b.expect)).filter((w) => w === 'write').length);
    expect(totals.cellsWritten).toBeGreaterThan(0);
    expect(totals.staffCellsChanged).toBe(0);
    // The figures the closing note quotes.
    fs.mkdirSync(path.join(__dirname, '..', '..', 'test-artifacts'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '..', '..', 'test-artifacts', 'corpus-totals.json'), JSON.stringify(totals, null, 2) + '\n');
  });

  it('fill on the workbook with staff comments, a thread and VML shapes keeps every one and adds a note per suggestion', async () => {
    const input = path.join(CORPUS_DIR, 'staff-isehara-list.xlsx');
    const out = path.join(tmp, 'notes.xlsx');
    const r = await run('fill', input, '-o', out, '--json');
    const j = JSON.parse(r.out);
    const d = await comparePackages(new Uint8Array(fs.readFileSync(input)), new Uint8Array(fs.readFileSync(out)));
    // Staff: a note on a blank rating, a note on a blank rating the add-in suggests, a thread's legacy placeholder.
    expect(d.notesKept).toBe(3);
    expect(d.notesLost).toEqual([]);
    // Ours: one per suggestion except the cell that already has the staff note.
    expect(j.notes.notWritten).toEqual([{ sheet: '取組項目一覧', address: expect.stringMatching(/^[A-Z]+\d+$/), reason: 'staff-note' }]);
    expect(d.notesAdded).toBe(j.suggestions.length - 1);
    expect(d.partsChanged.sort()).toEqual(['[Content_Types].xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/_rels/workbook.xml.rels'].sort());
    // The thread and the people of the thread are not opened.
    expect(d.partsChanged.filter((p) => /threaded|person/.test(p))).toEqual([]);
    // Running fill again on its own output changes no note: the suggestions are all there already.
    const again = path.join(tmp, 'notes-again.xlsx');
    const r2 = await run('fill', out, '-o', again, '--json');
    if (JSON.parse(r2.out).out) {
      const d2 = await comparePackages(new Uint8Array(fs.readFileSync(out)), new Uint8Array(fs.readFileSync(again)));
      expect(d2.notesAdded).toBe(0);
      expect(d2.notesLost).toEqual([]);
    }
  });

  it('the blank-showing formula in a rating cell is reported, not overwritten', async () => {
    const r = await run('fill', path.join(CORPUS_DIR, 'staff-isehara-list.xlsx'), '-o', path.join(tmp, 'formula.xlsx'), '--json');
    const j = JSON.parse(r.out);
    expect(j.formulaCells).toHaveLength(1);
    expect(j.formulaCells[0].formula).toMatch(/^=IF\(/);
  });

  it('the comparison catches losses: an ExcelJS round-trip of the same workbook fails it', async () => {
    const before = new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, 'staff-isehara-list.xlsx')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(before) as unknown as ArrayBuffer);
    const d = await comparePackages(before, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(d.partsMissing).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/externalLinks/externalLink1.xml', 'xl/threadedComments/threadedComment1.xml', 'docProps/custom.xml']));
    expect(d.featuresLost.length).toBeGreaterThan(0);
    expect(d.staffCellsChanged.length).toBeGreaterThan(0);
  });

  it('the shipped bin (as npx runs it) writes fill, summary -o and columns', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'shinchoku.js');
    const inputs = { fill: 'staff-isehara-list.xlsx', summary: 'staff-isehara-list.xlsx', columns: 'staff-nihonmatsu.xlsx' };
    for (const [cmd, argv] of Object.entries(COMMANDS)) {
      const input = path.join(CORPUS_DIR, inputs[cmd as keyof typeof COMMANDS]);
      const out = path.join(tmp, `bin-${cmd}.xlsx`);
      const r = spawnSync(process.execPath, [bin, ...argv(input, out)], { encoding: 'utf8', timeout: 120000 });
      expect({ cmd, status: r.status, stderr: r.stderr }).toEqual({ cmd, status: 0, stderr: '' });
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
    }
  }, 180000);

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  (soffice ? it : it.skip)('LibreOffice opens every written workbook (headless conversion to CSV)', () => {
    const dir = path.join(tmp, 'lo');
    fs.mkdirSync(dir, { recursive: true });
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, ...outputs], {
      encoding: 'utf8',
      timeout: 240000,
    });
    expect(r.status).toBe(0);
    for (const o of outputs) {
      const csv = path.join(dir, path.basename(o).replace(/\.xls[xm]$/, '.csv'));
      expect(fs.existsSync(csv)).toBe(true);
      expect(fs.statSync(csv).size).toBeGreaterThan(100);
    }
  }, 300000);

  (soffice ? it : it.skip)('LibreOffice shows the notes fill added, on the cells holding the suggestions (headless conversion to .ods)', () => {
    expect(noted.length).toBeGreaterThan(0);
    const dir = path.join(tmp, 'lo-ods');
    fs.mkdirSync(dir, { recursive: true });
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--convert-to', 'ods', '--outdir', dir, ...noted.map((n) => n.out)], { encoding: 'utf8', timeout: 240000 });
    expect(r.status).toBe(0);
    for (const n of noted) {
      const ods = path.join(dir, path.basename(n.out).replace(/\.xls[xm]$/, '.ods'));
      const content = spawnSync('unzip', ['-p', ods, 'content.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
      // Each cell with a note: <table:table-cell …><office:annotation>…</office:annotation><text:p>value</text:p></table:table-cell>
      const cells = [...content.matchAll(/<table:table-cell\b[^>]*>(<office:annotation\b[\s\S]*?<\/office:annotation>)([\s\S]*?)<\/table:table-cell>/g)];
      const plain = (x: string) => x.replace(/<text:line-break\/>/g, '\n').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      const ours = cells.map((m) => ({ note: plain(m[1]), value: plain(m[2]).trim() })).filter((c) => c.note.includes(`${NOTE_AUTHOR}:`));
      expect({ file: path.basename(n.out), notes: ours.length }).toEqual({ file: path.basename(n.out), notes: n.added });
      // The note sits on the cell it is about: the suggested rating it names is the cell's value.
      for (const c of ours) expect(c.note).toContain(`「${c.value}」`);
    }
  }, 300000);
});
