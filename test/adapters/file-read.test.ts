import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileReadError } from '../../src/adapters/file/errors';
import { nodeCodec } from '../../src/adapters/file/package/node-codec';
import { gridFromXlsxBytes, type ReadOptions } from '../../src/adapters/file/read/grid';
import { isoToSerial } from '../../src/adapters/file/read/cell';
import { shiftFormula } from '../../src/adapters/file/read/shared-formula';
import { book, MAIN, REL, zipOf, bookParts } from './file-helpers';

const read = (bytes: Uint8Array, opts: ReadOptions = {}) => gridFromXlsxBytes(bytes, 'test.xlsx', { codec: nodeCodec, ...opts });

async function failure(p: Promise<unknown>): Promise<FileReadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FileReadError);
    return e as FileReadError;
  }
  throw new Error('expected a FileReadError');
}

describe('reading values as Office.js range.values gives them', () => {
  it('numbers, shared and inline strings, booleans, errors (also date-formatted), ISO dates as serials', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c><c r="D1" t="b"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" s="1" t="e"><v>#N/A</v></c><c r="B2" s="1"><v>45383</v></c><c r="C2" t="d"><v>2024-04-01</v></c><c r="D2" t="e"><v>#DIV/0!</v></c></row>' +
      '<row r="3"><c r="A3" s="1"/><c r="B3" t="str"><v>text result</v></c></row>';
    const g = await read(book({ sheets: [{ name: 'S', rows }], strings: ['共有'] }));
    const v = g.sheets[0].values;
    expect(v[0]).toEqual([1.5, '共有', 'inline', true]);
    expect(v[1]).toEqual(['#N/A', 45383, 45383, '#DIV/0!']);
    expect(v[2][0]).toBeUndefined(); // a styled empty cell costs nothing
    expect(v[2][1]).toBe('text result');
  });

  it('leaves furigana (rPh) out of shared and inline strings and undoes _xHHHH_ escapes', async () => {
    const sst =
      '<si><r><t>市役所</t></r><r><rPr><b/></rPr><t>本庁舎</t></r><rPh sb="0" eb="3"><t>シヤクショ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>一行目_x000D_\n二行目 _x005F_x0041_</t></si>';
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>伊勢原</t><rPh sb="0" eb="3"><t>イセハラ</t></rPh></is></c></row>';
    const g = await read(book({ sheets: [{ name: 'S', rows }], sst }));
    expect(g.sheets[0].values[0]).toEqual(['市役所本庁舎', '一行目\r\n二行目 _x0041_', '伊勢原']);
  });

  it('reads producers that prefix the main namespace (x:c) and Strict OOXML', async () => {
    const prefixed = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const g = await read(book({ sheets: [{ name: 'P', xml: prefixed }] }));
    expect(g.sheets[0].values[1][1]).toBe(7);
    const strict = Object.fromEntries(
      Object.entries(bookParts({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>3</v></c></row>' }] })).map(([k, v]) => [
        k,
        typeof v === 'string' ? v.replaceAll(MAIN, 'http://purl.oclc.org/ooxml/spreadsheetml/main').replaceAll(REL, 'http://purl.oclc.org/ooxml/officeDocument/relationships') : v,
      ]),
    );
    expect((await read(zipOf(strict))).sheets[0].values[0][0]).toBe(3);
  });

  it('knows shared-formula followers and array-formula cells as formula cells', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1</f><v>3</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>7</v></c><c r="C3"><f t="array" ref="C3:D3">A1:A2*2</f><v>2</v></c><c r="D3"><v>4</v></c></row>';
    const g = await read(book({ sheets: [{ name: 'S', rows }] }));
    const f = g.sheets[0].formulas!;
    expect([f[0][1], f[1][1], f[2][1]]).toEqual(['=A1*2+$A$1', '=A2*2+$A$1', '=A3*2+$A$1']);
    expect(f[2][2]).toBe('=A1:A2*2');
    expect(f[2][3]).toBe('=A1:A2*2');
    expect(f[0][0]).toBeUndefined();
  });

  it('takes rows and cells without r attributes by position', async () => {
    const rows = '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>';
    const v = (await read(book({ sheets: [{ name: 'S', rows }] }))).sheets[0].values;
    expect(v[0]).toEqual([1, 2]);
    expect(v[3][2]).toBe(3);
    expect(v[3][3]).toBe(4);
    expect(v[4][0]).toBe(5);
  });

  it('reads merges, protection, visibility; skips chart sheets; gives the settings sheet as a sheet (the core finds it by its marker)', async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>見出し</t></is></c></row></sheetData><sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells></worksheet>`;
    const settings = '<row r="1"><c r="A1" t="inlineStr"><is><t>k</t></is></c><c r="B1" t="inlineStr"><is><t>v1</t></is></c><c r="C1" t="inlineStr"><is><t>v2</t></is></c></row>';
    const parts = bookParts({ sheets: [{ name: 'A', xml }, { name: 'B', rows: '', state: 'hidden' }, { name: '_shinchoku', rows: settings, state: 'veryHidden' }] });
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('</sheets>', '<sheet name="Chart1" sheetId="9" r:id="rId99"/></sheets>');
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(
      '</Relationships>',
      `<Relationship Id="rId99" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    );
    parts['xl/chartsheets/sheet1.xml'] = `<chartsheet xmlns="${MAIN}"/>`;
    const g = await read(zipOf(parts));
    expect(g.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ['A', 'visible', true],
      ['B', 'hidden', false],
      ['_shinchoku', 'veryHidden', false],
    ]);
    expect(g.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
    expect(g.sheets[2].values[0]).toEqual(['k', 'v1', 'v2']);
  });

  it('reads the areas under input rules: in the sheet, in the extension list (x14), whole columns and rows', async () => {
    const x14 = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list"><x14:formula1><xm:f>整理表!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>P6:P9 R2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    const rules = `<dataValidations count="2"><dataValidation type="list" sqref="N6:N76 $Q$3"><formula1>"確認済,未確認"</formula1></dataValidation><dataValidation type="whole" sqref="T:T 80:81"><formula1>0</formula1></dataValidation></dataValidations>`;
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>見出し</t></is></c></row></sheetData>${rules}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${x14}</worksheet>`;
    for (const fast of [true, false]) {
      const g = await read(book({ sheets: [{ name: 'A', xml }, { name: 'B', rows: '' }] }), { fastSheetData: fast });
      expect(g.sheets[0].ruled).toEqual([
        { top: 5, left: 13, bottom: 75, right: 13 },
        { top: 2, left: 16, bottom: 2, right: 16 },
        { top: 0, left: 19, bottom: 1048575, right: 19 },
        { top: 79, left: 0, bottom: 80, right: 16383 },
        { top: 5, left: 15, bottom: 8, right: 15 },
        { top: 1, left: 17, bottom: 1, right: 17 },
      ]);
      expect(g.sheets[1].ruled).toBeUndefined();
    }
  });

  it('follows absolute relationship targets (openpyxl) and stored (uncompressed) entries', async () => {
    const g = await read(book({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>9</v></c></row>' }], absoluteTargets: true }));
    expect(g.sheets[0].values[0][0]).toBe(9);
    const stored = zipOf(bookParts({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>8</v></c></row>' }] }), { stored: true });
    expect((await read(stored)).sheets[0].values[0][0]).toBe(8);
  });

  it('gives the same grid through the browser codec (compression streams) as through zlib', async () => {
    const bytes = book({ sheets: [{ name: 'S', rows: '<row r="3"><c r="B3" t="s"><v>0</v></c></row>' }], strings: ['同じ'] });
    expect(await gridFromXlsxBytes(bytes, 'test.xlsx')).toEqual(await read(bytes));
  });
});

describe('cost follows the cells that exist', () => {
  it('a stray cell at XFD1048576 is one entry, not a bounding box', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row>';
    const g = await read(book({ sheets: [{ name: 'S', rows }] }));
    const v = g.sheets[0].values;
    expect(v.length).toBe(1048576);
    expect(Object.keys(v)).toEqual(['0', '1048575']);
    expect(Object.keys(v[1048575])).toEqual(['16383']);
    expect(v[1048575][16383]).toBe('stray');
  });

  it('refuses more cells than the limit, and a zip bomb past the uncompressed limit, with a clear reason', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('');
    const cells = await failure(read(book({ sheets: [{ name: 'S', rows: many }] }), { limits: { maxCells: 60 } }));
    expect(cells.kind).toBe('too-many-cells');
    expect(cells.reason.ja).toContain('セルが多すぎます');
    const padding = ' '.repeat(5_000_000);
    const bomb = await failure(read(book({ sheets: [{ name: 'S', rows: padding }] }), { limits: { maxUncompressed: 1_000_000 } }));
    expect(bomb.kind).toBe('too-large');
    expect(bomb.reason.ja).toContain('大きすぎます');
  });

  it('a zip whose directory lies about sizes is still stopped by what inflating produces', async () => {
    const bytes = book({ sheets: [{ name: 'S', rows: ' '.repeat(3_000_000) }] });
    // Rewrite every uncompressed size in the central directory to 1 byte.
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 46 < bytes.length; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1, true);
    const e = await failure(read(bytes, { limits: { maxUncompressed: 1_000_000 } }));
    expect(e.kind).toBe('too-large');
  });
});

describe('shared formula moves', () => {
  it.each([
    ['A1*2', 1, 0, 'A2*2'],
    ['$A$1+A$1+$A1', 2, 1, '$A$1+B$1+$A3'],
    ['SUM(A1:B2)', 0, 2, 'SUM(C1:D2)'],
    ['SUM(1:3)', 1, 0, 'SUM(2:4)'],
    ['SUM(A:B)', 0, 1, 'SUM(B:C)'],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ["'Sheet A1'!A1", 1, 0, "'Sheet A1'!A2"],
    ['LOG10(A1)', 1, 0, 'LOG10(A2)'],
    ['Table1[Col A1]', 1, 0, 'Table1[Col A1]'],
    ['A1', -1, 0, '#REF!'],
  ])('%s moved by (%i, %i) is %s', (f, dr, dc, want) => {
    expect(shiftFormula(f, dr, dc)).toBe(want);
  });
});

describe('ISO dates (t="d") as Excel serial numbers', () => {
  it.each([
    ['1900-01-01', false, 1],
    ['1900-02-28', false, 59],
    ['1900-03-01', false, 61],
    ['2024-04-01', false, 45383],
    ['2024-04-01T12:00:00', false, 45383.5],
    ['1904-01-02', true, 1],
    ['not a date', false, 'not a date'],
  ])('%s (1904: %s) → %s', (iso, d1904, want) => {
    expect(isoToSerial(iso, d1904)).toBe(want);
  });
});

describe('the fast <sheetData> tokenizer reads what the general scanner reads', () => {
  const dirs = [path.join(__dirname, '..', 'fixtures', 'xlsx'), path.join(__dirname, '..', 'fixtures', 'corpus')];
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => /\.xls[xm]$/.test(f) && !f.startsWith('libreoffice-generic')).map((f) => path.join(d, f)));

  it.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    expect(await read(bytes)).toEqual(await read(bytes, { fastSheetData: false }));
  });

  it.each([
    ['prefixed cells with rich inline strings and comments', `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><!-- note --><x:c r="A1" t="inlineStr"><x:is><x:r><x:t>太</x:t></x:r><x:r><x:t xml:space="preserve"> 字</x:t></x:r><x:rPh sb="0" eb="1"><x:t>フト</x:t></x:rPh></x:is></x:c><x:c r="B1"><x:f>A1&amp;"x"</x:f><x:v>1&amp;2</x:v></x:c></x:row></x:sheetData></x:worksheet>`],
    ['CDATA and a namespace declared inside sheetData (left to the general scanner)', `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="str"><v><![CDATA[<a>]]></v></c><c r="B1" xmlns:q="urn:q" q:x="1"><v>2</v></c></row></sheetData></worksheet>`],
    ["single quotes and a '>' inside an attribute", `<worksheet xmlns="${MAIN}"><sheetData><row r='2' x='a>b'><c r='A2' t='s'><v>0</v></c><c t="b"><v>1</v></c></row></sheetData></worksheet>`],
  ])('%s', async (_what, xml) => {
    const bytes = book({ sheets: [{ name: 'S', xml }], strings: ['共有'] });
    const fast = await read(bytes);
    expect(fast).toEqual(await read(bytes, { fastSheetData: false }));
    expect(fast.sheets[0].values.flat().length).toBeGreaterThan(0);
  });
});
