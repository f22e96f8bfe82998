import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileHost } from '../../src/adapters/file/file-host';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { nodeCodec } from '../../src/adapters/file/package/node-codec';
import { readZip } from '../../src/adapters/file/package/zip';
import { gridFromXlsxBytes, openXlsx } from '../../src/adapters/file/read/grid';
import { WorkbookEditor } from '../../src/adapters/file/write/editor';
import { ProtectedSheetError, StructureLockedError } from '../../src/adapters/file/write/errors';
import { NonFiniteWriteError } from '../../src/adapters/file/write/sheet-patch';
import type { CellWrite, NewSheet, WritePlan } from '../../src/core/plan/write-plan';
import { gridDigest, ownerNote, recordOwnedSheet } from '../../src/core/settings/ownership';
import { readStore } from '../../src/core/settings/store';
import type { SettingsChange } from '../../src/core/settings/update';
import { book, bookParts, DEFAULT_STYLES, MAIN, zipOf, type BookOptions } from './file-helpers';

const plan = (writes: Partial<CellWrite>[], sheets: NewSheet[] = [], settingsChanges?: SettingsChange[]): WritePlan => ({
  label: 'test',
  writes: writes.map((w) => ({ sheet: 'S', address: 'A1', value: null, expect: null, reason: 'rating', ...w }) as CellWrite),
  sheets,
  ...(settingsChanges ? { settingsChanges } : {}),
});
const set = (key: SettingsChange['key'], value: unknown, baseRev: number | null = null): SettingsChange => ({ op: 'set', key, value, baseRev }) as SettingsChange;

async function edit(bytes: Uint8Array, plans: WritePlan[], hasFormulas = false) {
  const wp = await openXlsx(bytes, 'in.xlsx', { codec: nodeCodec });
  const ed = new WorkbookEditor(wp);
  const results = [];
  for (const p of plans) results.push(await ed.apply(p, { hasFormulas }));
  const out = await ed.toBytes();
  return { out, results, changed: ed.changedParts, grid: await gridFromXlsxBytes(out, 'out.xlsx', { codec: nodeCodec }) };
}

/** Part name → compressed bytes as stored, to tell copied parts from rewritten ones. */
function stored(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZip(bytes).map((e) => [e.name, e.data]));
}

/** Every part, as text where it is XML: to change one part of a written package by hand. */
async function allParts(bytes: Uint8Array): Promise<Record<string, string | Uint8Array>> {
  const out: Record<string, string | Uint8Array> = {};
  for (const e of readZip(bytes)) {
    const raw = e.method === 8 ? new Uint8Array(zlib.inflateRawSync(e.data)) : e.data;
    out[e.name] = /\.(xml|rels)$/.test(e.name) ? new TextDecoder().decode(raw) : raw;
  }
  return out;
}

async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const wp = await openXlsx(bytes, 'x.xlsx', { codec: nodeCodec });
  return wp.pkg.text(name);
}

const sheetXml = (inner: string, prefix = '') => {
  const p = prefix ? `${prefix}:` : '';
  return `<${p}worksheet xmlns${prefix ? `:${prefix}` : ''}="${MAIN}">${inner.replace(/<(\/?)(?!\/)/g, `<$1${p}`)}</${p}worksheet>`;
};

describe('writing into existing sheets', () => {
  const base: BookOptions = {
    sheets: [
      {
        name: 'S',
        rows:
          '<row r="2" spans="1:2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="0"/></row>' +
          '<row r="4" spans="1:3"><c r="A4"><v>1</v></c><c r="C4"><v>3</v></c></row>' +
          '<row r="6" s="0" customFormat="1"/>',
      },
      { name: 'Other', rows: '<row r="1"><c r="A1"><v>42</v></c></row>' },
    ],
    strings: ['見出し'],
  };

  it('patches cells in place, inserts new cells and rows in order, and keeps every other part as stored', async () => {
    const src = book(base);
    const { out, grid, changed } = await edit(src, [
      plan([
        { address: 'B2', value: 'A' },
        { address: 'B4', value: 0.5, numberFormat: '0.0%' },
        { address: 'D4', value: 7 },
        { address: 'A3', value: '新しい行' },
        { address: 'B6', value: 'x' },
        { address: 'A9', value: 9 },
      ]),
    ]);
    const v = grid.sheets[0].values;
    expect(v[1]).toEqual(['見出し', 'A']);
    expect(v[2]).toEqual(['新しい行']);
    expect(v[3]).toEqual([1, 0.5, 3, 7]);
    expect(v[5][1]).toBe('x');
    expect(v[8][0]).toBe(9);
    expect(changed.sort()).toEqual(['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    const a = stored(src);
    const b = stored(out);
    for (const [name, data] of a) if (!changed.includes(name)) expect(Buffer.from(b.get(name)!).equals(Buffer.from(data))).toBe(true);
    const xml = await partText(out, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<row r="4" spans="1:4">');
    expect(xml.indexOf('r="A3"')).toBeLessThan(xml.indexOf('r="A4"'));
    // An independent reader agrees.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('S')!.getCell('D4').value).toBe(7);
    expect(wb.getWorksheet('S')!.getCell('B4').numFmt).toBe('0.0%');
  });

  it('keeps a producer’s namespace prefix (x:row, x:c) in what it writes', async () => {
    const src = book({ sheets: [{ name: 'S', xml: sheetXml('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', 'x') }] });
    const { out, grid } = await edit(src, [plan([{ address: 'B1', value: 2 }, { address: 'A2', value: 'y' }])]);
    const xml = await partText(out, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<x:c r="B1"><x:v>2</x:v></x:c>');
    expect(xml).toMatch(/<x:row r="2"><x:c r="A2" t="s"><x:v>\d+<\/x:v><\/x:c><\/x:row>/);
    expect(grid.sheets[0].values).toEqual([[1, 2], ['y']]);
  });

  it('derives the new format from the cell’s own: its font (游ゴシック) and border stay; bold, fill, alignment are added', async () => {
    const styles = DEFAULT_STYLES.replace(
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="double"/><right/><top/><bottom/><diagonal/></border></borders>',
    ).replace('<cellXfs count="2">', '<cellXfs count="3">').replace('</cellXfs>', '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs>');
    const src = book({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" s="2"/></row>' }], styles });
    const { out } = await edit(src, [plan([{ address: 'A1', value: '達成率', style: { bold: true, fill: '#DDEBF7', align: 'center', wrap: true } }])]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('S')!.getCell('A1');
    expect(cell.font.name).toBe('游ゴシック');
    expect(cell.font.bold).toBe(true);
    expect(cell.border.left?.style).toBe('double');
    expect(cell.alignment).toMatchObject({ horizontal: 'center', wrapText: true, vertical: 'middle' });
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEBF7');
    const xml = await partText(out, 'xl/styles.xml');
    expect(xml).toContain('<fonts count="2">');
    expect(xml).toContain('<cellXfs count="4">');
  });

  it('stores text that starts with = as text (shared string, Text format), never as a formula', async () => {
    const { out, grid } = await edit(book({ sheets: [{ name: 'S', rows: '' }] }), [plan([{ address: 'A1', value: '=SUM(1,2)' }])]);
    expect(grid.sheets[0].values[0][0]).toBe('=SUM(1,2)');
    expect(grid.sheets[0].formulas).toBeUndefined();
    expect(await partText(out, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('never writes into a formula cell (also one whose result shows blank), an array formula, or inside a merge', async () => {
    const rows =
      '<row r="7"><c r="I7"/><c r="J7" t="str"><f>IF(I7="","",IF(I7&gt;=1,"A","B"))</f><v></v></c></row>' +
      '<row r="8"><c r="J8"><f t="array" ref="J8:K8">I7:I8*2</f><v>0</v></c></row>';
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A10:B11"/></mergeCells></worksheet>`;
    const { results, grid } = await edit(book({ sheets: [{ name: 'S', xml }] }), [
      plan([{ address: 'J7', value: 'A' }, { address: 'K8', value: 'B' }, { address: 'B11', value: 'C' }, { address: 'A10', value: 'ok' }]),
    ]);
    expect(results[0].formulaCells).toEqual([
      { sheet: 'S', address: 'J7' },
      { sheet: 'S', address: 'K8' },
    ]);
    expect(results[0].conflicts.map((c) => [c.address, c.found])).toEqual([['B11', 'merged A10:B11']]);
    expect(results[0].written).toBe(1);
    expect(grid.sheets[0].formulas![6][9]).toBe('=IF(I7="","",IF(I7>=1,"A","B"))');
    expect(grid.sheets[0].values[9][0]).toBe('ok');
  });

  it('skips a cell that no longer holds what the plan expected, and says what it found', async () => {
    const { results, grid } = await edit(book({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>5</v></c></row>' }] }), [plan([{ address: 'A1', value: 'A', expect: null }])]);
    expect(results[0].conflicts).toEqual([{ sheet: 'S', address: 'A1', found: 5, expected: null }]);
    expect(grid.sheets[0].values[0][0]).toBe(5);
  });

  it('refuses a protected sheet, a non-finite number and a new sheet in a structure-protected workbook before writing anything', async () => {
    const prot = book({ sheets: [{ name: 'S', xml: `<worksheet xmlns="${MAIN}"><sheetData/><sheetProtection sheet="1" password="CC3D"/></worksheet>` }] });
    await expect(edit(prot, [plan([{ address: 'A1', value: 1 }])])).rejects.toBeInstanceOf(ProtectedSheetError);
    await expect(edit(book(base), [plan([{ address: 'A1', value: Infinity }])])).rejects.toBeInstanceOf(NonFiniteWriteError);
    await expect(edit(book(base), [plan([{ address: 'A1', value: NaN }])])).rejects.toMatchObject({ reason: { ja: expect.stringMatching(/S!A1.*何も書き込んでいません/) } });
    const locked = book({ ...base, workbookPr: '<workbookPr/><workbookProtection lockStructure="1"/>' });
    const summary: NewSheet = { name: '行革集計', owner: { role: 'summary', token: 'tok1234' }, replace: null, cells: [{ sheet: '行革集計', address: 'A1', value: 't', expect: null, reason: 'summary' }], merges: [] };
    await expect(edit(locked, [plan([], [summary])])).rejects.toBeInstanceOf(StructureLockedError);
    // A fill still writes its cells; only the settings sheet cannot be added, and it says so.
    const { results, grid } = await edit(locked, [plan([{ address: 'B2', value: 'A' }], [], [set('reportFy', 2023)])]);
    expect(grid.sheets[0].values[1][1]).toBe('A');
    expect(results[0].messages.map((n) => n.en).join()).toMatch(/structure is protected/);
  });

  it('asks Excel to recalculate on open only when staff formulas may depend on written cells', async () => {
    const src = book(base);
    const withFormulas = await edit(src, [plan([{ address: 'B2', value: 'A' }])], true);
    expect(await partText(withFormulas.out, 'xl/workbook.xml')).toContain('<calcPr fullCalcOnLoad="1"/></workbook>');
    const without = await edit(src, [plan([{ address: 'B2', value: 'A' }])], false);
    expect(without.changed).not.toContain('xl/workbook.xml');
    const existingCalc = book({ ...base, workbookExtra: '<calcPr calcId="191029"/>' });
    expect(await partText((await edit(existingCalc, [plan([{ address: 'B2', value: 'A' }])], true)).out, 'xl/workbook.xml')).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  it('adds an A–D list where the schema wants it (after conditional formats, before hyperlinks) and leaves existing rules alone', async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData/><conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"C"</formula></cfRule></conditionalFormatting><hyperlinks><hyperlink ref="Z1" location="'S'!A1"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const w = (a: string) => ({ address: a, value: null, validationList: ['A', 'B', 'C', 'D'] });
    const { out } = await edit(book({ sheets: [{ name: 'S', xml }] }), [plan([w('K5'), w('K6'), w('K7'), w('K9')])]);
    const text = await partText(out, 'xl/worksheets/sheet1.xml');
    expect(text).toMatch(/<\/conditionalFormatting><dataValidations count="1"><dataValidation type="list"[^>]*sqref="K5:K7 K9"><formula1>&quot;A,B,C,D&quot;<\/formula1><\/dataValidation><\/dataValidations><hyperlinks>/);
  });

  it('leaves alone cells with a rule kept in the extension list (x14: a list from another sheet), adding no second rule over them', async () => {
    const x14 = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>整理表!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>K5:K6</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    const xml = `<worksheet xmlns="${MAIN}"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${x14}</worksheet>`;
    const w = (a: string) => ({ address: a, value: null, validationList: ['A', 'B', 'C', 'D'] });
    const { out, results } = await edit(book({ sheets: [{ name: 'S', xml }] }), [plan([w('K5'), w('K6'), w('K7')])]);
    const text = await partText(out, 'xl/worksheets/sheet1.xml');
    expect(text).toMatch(/<dataValidation type="list"[^>]*sqref="K7">/);
    expect(text).toContain(x14);
    expect(results[0].messages.map((m) => m.ja).join()).toContain('S!K5 にはすでに入力規則がある');
  });

  it('keeps a macro-enabled workbook macro-enabled, its vbaProject.bin byte for byte', async () => {
    const src = book({ ...base, macro: true });
    const { out } = await edit(src, [plan([{ address: 'B2', value: 'A' }], [{ name: '集計', owner: { role: 'summary', token: 'tok1234' }, replace: null, cells: [], merges: [] }])]);
    expect(Buffer.from(stored(out).get('xl/vbaProject.bin')!).equals(Buffer.from(stored(src).get('xl/vbaProject.bin')!))).toBe(true);
    expect(await partText(out, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });
});

describe('sheets the add-in creates', () => {
  const TOKEN = 'tok1234';
  const summary = (text: string, replace: NewSheet['replace'] = null, name = '行革集計'): NewSheet => ({
    name,
    owner: { role: 'summary', token: TOKEN },
    replace,
    cells: [
      { sheet: name, address: 'A1', value: text, expect: null, reason: 'summary', style: { bold: true } },
      { sheet: name, address: 'A2', value: ownerNote('summary', TOKEN, 'ja'), expect: null, reason: 'summary' },
      { sheet: name, address: 'B3', value: 17, expect: null, reason: 'summary', numberFormat: '#,##0' },
    ],
    merges: ['A1:C1'],
    columnWidths: { A: 30, B: 8 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: '1:2', rowBreaks: [20], area: 'A1:H40' },
  });
  const record = (sheet: NewSheet) => recordOwnedSheet({ role: 'summary', name: sheet.name, token: TOKEN, replace: null }, sheet.cells);

  it('adds a sheet (relationship, content type, workbook entry, print setup) and records it; a second run replaces it in place', async () => {
    const src = book({ sheets: [{ name: 'S', rows: '' }] });
    const first = await edit(src, [plan([], [summary('一回目')], [record(summary('一回目'))])]);
    expect(first.grid.sheets.map((s) => s.name)).toEqual(['S', '行革集計', '_shinchoku']);
    expect(first.grid.sheets[1].values[0][0]).toBe('一回目');
    expect(first.grid.sheets[1].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(readStore(first.grid).settings.ownedSheets).toEqual([{ role: 'summary', name: '行革集計', token: TOKEN, digest: expect.any(String) }]);
    // The fingerprint recorded is the sheet's as read back: an untouched sheet is known to be untouched.
    expect(readStore(first.grid).settings.ownedSheets[0].digest).toBe(gridDigest(first.grid.sheets[1].values));
    const wbXml = await partText(first.out, 'xl/workbook.xml');
    expect(wbXml).toContain(`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'行革集計'!$1:$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'行革集計'!$A$1:$H$40</definedName></definedNames>`);
    const sheetXml = await partText(first.out, 'xl/worksheets/sheet2.xml');
    expect(sheetXml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><rowBreaks count="1" manualBreakCount="1"><brk id="20" max="16383" man="1"/></rowBreaks>');
    const second = await edit(first.out, [plan([], [summary('二回目', { expectToken: TOKEN })], [record(summary('二回目'))])]);
    expect(second.grid.sheets.map((s) => s.name)).toEqual(['S', '行革集計', '_shinchoku']);
    expect(second.grid.sheets[1].values[0][0]).toBe('二回目');
    expect((await partText(second.out, 'xl/workbook.xml')).match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(second.out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('行革集計')!.getColumn(1).width).toBe(30);
    expect(wb.getWorksheet('_shinchoku')!.state).toBe('veryHidden');
  });

  it('writes a cell the plan names twice once, as its last write says (two <c> of one address make Excel repair the file)', async () => {
    const twice = summary('表');
    twice.cells.push({ sheet: '行革集計', address: 'B3', value: 18, expect: null, reason: 'summary', link: { sheet: 'S', address: 'A1' } });
    const { out, grid } = await edit(book({ sheets: [{ name: 'S', rows: '' }] }), [plan([], [twice])]);
    const xml = await partText(out, 'xl/worksheets/sheet2.xml');
    expect(xml.match(/<c r="B3"/g)).toHaveLength(1);
    expect(grid.sheets[1].values[2][1]).toBe(18);
    expect(xml).toContain('<hyperlink ref="B3"');
  });

  it('keeps the add-in’s sheet when someone put a chart, a rule or a link on it, and says what', async () => {
    const first = await edit(book({ sheets: [{ name: 'S', rows: '' }] }), [plan([], [summary('一回目')], [record(summary('一回目'))])]);
    const parts = await allParts(first.out);
    parts['xl/worksheets/sheet2.xml'] = (parts['xl/worksheets/sheet2.xml'] as string).replace('<pageMargins', '<conditionalFormatting sqref="B3"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>10</formula></cfRule></conditionalFormatting><pageMargins');
    const second = await edit(zipOf(parts), [plan([], [summary('二回目', { expectToken: TOKEN })], [record(summary('二回目'))])]);
    expect(second.results[0].sheetsLeftAlone).toEqual(['行革集計']);
    expect(second.results[0].messages.map((m) => m.ja).join()).toContain('条件付き書式');
    expect(second.grid.sheets[1].values[0][0]).toBe('一回目');
    expect(await partText(second.out, 'xl/worksheets/sheet2.xml')).toContain('<conditionalFormatting sqref="B3">');
  });

  it('leaves alone a sheet of that name without the token (a staff sheet), and records nothing for it', async () => {
    const src = book({ sheets: [{ name: '行革集計', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const { results, grid } = await edit(src, [plan([], [summary('新', { expectToken: TOKEN })], [record(summary('新'))])]);
    expect(results[0].sheetsLeftAlone).toEqual(['行革集計']);
    expect(results[0].sheetsCreated).toEqual([]);
    expect(grid.sheets[0].values[0][0]).toBe(1);
    expect(readStore(grid).settings.ownedSheets).toEqual([]);
  });

  it('takes the workbook’s default font for its cells (no Calibri on a 游ゴシック workbook)', async () => {
    const { out } = await edit(book({ sheets: [{ name: 'S', rows: '' }] }), [plan([], [summary('見出し')])]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('行革集計')!;
    expect(ws.getCell('A1').font).toMatchObject({ name: '游ゴシック', bold: true });
    expect(ws.getCell('B3').font.name).toBe('游ゴシック');
    expect(ws.getCell('B3').numFmt).toBe('#,##0');
  });

  it('creates shared strings and styles parts when a package has none', async () => {
    const parts = bookParts({ sheets: [{ name: 'S', rows: '' }] });
    delete parts['xl/styles.xml'];
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(/<Relationship [^>]*styles[^>]*\/>/, '');
    const { grid, changed } = await edit(zipOf(parts), [plan([{ address: 'A1', value: 'テキスト', style: { bold: true } }])]);
    expect(grid.sheets[0].values[0][0]).toBe('テキスト');
    expect(changed).toEqual(expect.arrayContaining(['xl/sharedStrings.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels']));
  });
});

describe('links to cells and new workbooks', () => {
  const linked = (name: string, target: string): NewSheet => ({
    name,
    owner: { role: 'findings', token: 'tok9' },
    replace: null,
    cells: [
      { sheet: name, address: 'A1', value: '検証結果', expect: null, reason: 'report' },
      { sheet: name, address: 'E6', value: 'F11', expect: null, reason: 'report', style: { border: true }, link: { sheet: target, address: 'F11' } },
      { sheet: name, address: 'E7', value: 'B2', expect: null, reason: 'report', link: { sheet: "課'の表", address: 'B2' } },
    ],
    merges: [],
  });

  it('writes a link as <hyperlink location> (nothing external, no relationship), shown as a link, the cell keeping its text', async () => {
    const { out, grid, changed } = await edit(book({ sheets: [{ name: '取組項目一覧', rows: '' }] }), [plan([], [linked('検証結果', '取組項目一覧')])]);
    const xml = await partText(out, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain(`<hyperlinks><hyperlink ref="E6" location="'取組項目一覧'!F11" display="F11"/><hyperlink ref="E7" location="'課''の表'!B2" display="B2"/></hyperlinks><pageMargins`);
    expect(changed).not.toContain('xl/worksheets/_rels/sheet2.xml.rels');
    expect(grid.sheets[1].values[5][4]).toBe('F11');
    // Underlined in the hyperlink blue, in the workbook's own font, the border asked for kept.
    const styles = await partText(out, 'xl/styles.xml');
    expect(styles).toContain('<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('検証結果')!.getCell('E6').font).toMatchObject({ underline: true, name: '游ゴシック' });
    expect(wb.getWorksheet('検証結果')!.getCell('E6').border.top?.style).toBe('thin');
  });

  it('starts a new workbook from nothing (FileHost.blank): the package writer makes every part, Excel’s Japanese default font', async () => {
    const host = FileHost.blank('新しい集計.xlsx');
    expect((await host.read()).sheets).toEqual([]);
    await host.apply(plan([], [linked('検証結果', '検証結果')]));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-blank-'));
    const out = path.join(dir, '新しい集計.xlsx');
    // A file of the same name in the working folder is not an input of a blank workbook.
    await host.save(out);
    const grid = await readXlsx(out);
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual([['検証結果', 'visible']]);
    expect(grid.sheets[0].values[0][0]).toBe('検証結果');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('検証結果')!.getCell('E6').font).toMatchObject({ name: '游ゴシック', underline: true });
    await expect(host.save(out)).rejects.toMatchObject({ kind: 'exists' });
  });
});

describe('settings rows (core/settings: one row per key, revisions)', () => {
  it('writes the changed keys only, bumps revisions, keeps rows of keys it does not know', async () => {
    const src = book({ sheets: [{ name: 'S', rows: '' }] });
    const first = await edit(src, [plan([], [], [set('reportFy', 2023), set('lang', 'ja')])]);
    const store1 = readStore(first.grid);
    expect(store1.settings.reportFy).toBe(2023);
    expect(store1.entries.reportFy.rev).toBe(1);
    // Someone's newer add-in added a key on a spare row: it must survive our next write.
    const sheet = first.grid.sheets.find((s) => s.name === '_shinchoku')!;
    const spare = sheet.values.length + 2;
    const rows = `<row r="${spare}"><c r="A${spare}" t="inlineStr"><is><t>futureKey</t></is></c><c r="B${spare}"><v>4</v></c><c r="D${spare}" t="inlineStr"><is><t>{"x":1}</t></is></c></row>`;
    const wp = await openXlsx(first.out, 'x.xlsx', { codec: nodeCodec });
    const part = wp.sheets.find((s) => s.name === '_shinchoku')!.part!;
    const xml = (await wp.pkg.text(part)).replace('</sheetData>', `${rows}</sheetData>`);
    const parts = Object.fromEntries(await Promise.all(readZip(first.out).map(async (e) => [e.name, e.name === part ? xml : await wp.pkg.bytes(e.name)] as const)));
    const second = await edit(zipOf(parts), [plan([], [], [set('reportFy', 2024, 1)])]);
    const store2 = readStore(second.grid);
    expect(store2.settings.reportFy).toBe(2024);
    expect(store2.entries.reportFy.rev).toBe(2);
    expect(store2.entries.lang.rev).toBe(1);
    expect(store2.entries.futureKey?.raw).toBe('{"x":1}');
  });

  it('refuses a change whose base revision moved, and never rewrites a newer store', async () => {
    const src = book({ sheets: [{ name: 'S', rows: '' }] });
    const first = await edit(src, [plan([], [], [set('reportFy', 2023)])]);
    const stale = await edit(first.out, [plan([], [], [set('reportFy', 2030, null)])]);
    expect(stale.results[0].settingsRefused.map((r) => r.kind)).toEqual(['conflict']);
    expect(readStore(stale.grid).settings.reportFy).toBe(2023);
  });
});
