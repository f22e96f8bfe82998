import type { Codec } from '../package/codec';
import { newEntry, writeZip } from '../package/zip';
import { MAIN_NS, REL_NS } from '../read/namespaces';

/**
 * The smallest package the writer can start a new workbook from: a workbook part with no sheets
 * yet, its relationships and a stylesheet whose default font is Excel's Japanese default
 * (游ゴシック 11), so text in the sheets a plan adds looks as it would in a book made in Excel.
 * It is valid once a plan has added a sheet (a workbook needs at least one); the writer then
 * adds the sheet parts, shared strings and settings as it does in any staff workbook.
 */
const CT = 'application/vnd.openxmlformats-officedocument';

const PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
    '</Types>',
  '_rels/.rels':
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>',
  'docProps/app.xml':
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Shinchoku</Application></Properties>',
  'xl/workbook.xml': `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`,
  'xl/_rels/workbook.xml.rels':
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    '</Relationships>',
  'xl/styles.xml':
    `<styleSheet xmlns="${MAIN_NS}">` +
    '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>',
};

export async function blankWorkbookBytes(codec: Codec): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const entries = [];
  for (const [name, xml] of Object.entries(PARTS)) entries.push(await newEntry(name, enc.encode(decl + xml), (b) => codec.deflate(b)));
  return writeZip(entries);
}
