import * as zlib from 'node:zlib';
import { crc32 } from '../../src/adapters/file/package/crc32';
import { writeZip, type OutEntry } from '../../src/adapters/file/package/zip';
import { compoundFile } from '../fixtures/corpus/ooxml';

/** Hand-made packages for the file adapter's tests: every part written exactly as a producer would. */
export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function zipOf(parts: Record<string, string | Uint8Array>, opts: { stored?: boolean } = {}): Uint8Array {
  const enc = new TextEncoder();
  const entries: OutEntry[] = Object.entries(parts).map(([name, content]) => {
    const bytes = typeof content === 'string' ? enc.encode(content) : content;
    if (opts.stored) {
      return {
        copy: {
          name, rawName: enc.encode(name), method: 0, flags: 0, crc: crc32(bytes), compressedSize: bytes.length, uncompressedSize: bytes.length,
          dosTime: 0, dosDate: 0x21, versionMadeBy: 20, versionNeeded: 10, externalAttrs: 0, internalAttrs: 0, data: bytes,
        },
      };
    }
    return { name, compressed: zlib.deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
  });
  return writeZip(entries);
}

export interface SheetPart {
  name: string;
  /** The sheet XML without declaration, or the sheetData rows (then wrapped in a default-namespace worksheet). */
  xml?: string;
  rows?: string;
  state?: 'hidden' | 'veryHidden';
}

export interface BookOptions {
  sheets: SheetPart[];
  strings?: string[];
  /** Raw <si> elements instead of plain strings. */
  sst?: string;
  styles?: string;
  workbookExtra?: string;
  workbookPr?: string;
  macro?: boolean;
  /** Relationship targets written absolute (/xl/…), as openpyxl does. */
  absoluteTargets?: boolean;
  extraParts?: Record<string, string | Uint8Array>;
  extraOverrides?: string;
}

export const DEFAULT_STYLES =
  `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export function bookParts(o: BookOptions): Record<string, string | Uint8Array> {
  const t = (p: string) => (o.absoluteTargets ? `/xl/${p}` : p);
  const sheets = o.sheets.map((s, i) => ({ ...s, part: `worksheets/sheet${i + 1}.xml`, rId: `rId${i + 1}` }));
  const n = sheets.length;
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      (o.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '') +
      `<Override PartName="/xl/workbook.xml" ContentType="${o.macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'}"/>` +
      sheets.map((s) => `<Override PartName="/xl/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      (o.strings || o.sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
      (o.extraOverrides ?? '') +
      '</Types>',
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${o.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${o.workbookPr ?? '<workbookPr/>'}<sheets>` +
      sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="${s.rId}"/>`).join('') +
      `</sheets>${o.workbookExtra ?? ''}</workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}">` +
      sheets.map((s) => `<Relationship Id="${s.rId}" Type="${REL}/worksheet" Target="${t(s.part)}"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="${t('styles.xml')}"/>` +
      (o.strings || o.sst ? `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="${t('sharedStrings.xml')}"/>` : '') +
      (o.macro ? `<Relationship Id="rId${n + 3}" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : '') +
      '</Relationships>',
    'xl/styles.xml': DECL + (o.styles ?? DEFAULT_STYLES),
  };
  for (const s of sheets) parts[`xl/${s.part}`] = DECL + (s.xml ?? `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.rows ?? ''}</sheetData></worksheet>`);
  if (o.strings || o.sst) {
    const si = o.sst ?? o.strings!.map((x) => `<si><t xml:space="preserve">${x.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`).join('');
    parts['xl/sharedStrings.xml'] = `${DECL}<sst xmlns="${MAIN}" count="${o.strings?.length ?? 1}" uniqueCount="${o.strings?.length ?? 1}">${si}</sst>`;
  }
  if (o.macro) parts['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
  return { ...parts, ...(o.extraParts ?? {}) };
}

export function book(o: BookOptions): Uint8Array {
  return zipOf(bookParts(o));
}

/** An OLE compound file holding streams of these names (what .xls and encrypted OOXML files are). */
export function cfbOf(names: string[]): Uint8Array {
  return compoundFile(['Root Entry', ...names]);
}
