/**
 * What a file in a department folder is, from its name and first bytes, before anyone tries to
 * read it as a workbook: a folder holds Excel's lock files (`~$…`) while colleagues have books
 * open, CSV exports, old .xls files and PDFs next to the .xlsx files. Kept in this one small
 * function so that a reader which recognises these formats itself can replace it.
 */
export type Sniffed =
  | { kind: 'xlsx' }
  | { kind: 'owner' }
  | { kind: 'not-workbook'; format: { ja: string; en: string } };

/** Bytes needed from the start of the file. */
export const SNIFF_BYTES = 8;

const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniffWorkbook(name: string, head: Uint8Array): Sniffed {
  const base = name.split(/[\\/]/).pop() ?? name;
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  if (base.startsWith('~$')) return { kind: 'owner' };
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { kind: 'not-workbook', format: { ja: '.xls 形式か、パスワード付きのブック', en: 'an .xls file or a password-protected workbook' } };
  }
  if (starts(head, [0x25, 0x50, 0x44, 0x46])) return { kind: 'not-workbook', format: { ja: 'PDF', en: 'PDF' } };
  if (/\.csv$/i.test(base)) return { kind: 'not-workbook', format: { ja: 'CSV', en: 'CSV' } };
  if (/\.(txt|tsv)$/i.test(base)) return { kind: 'not-workbook', format: { ja: 'テキスト', en: 'text' } };
  return { kind: 'not-workbook', format: { ja: '種類の分からないファイル', en: 'an unknown kind of file' } };
}
