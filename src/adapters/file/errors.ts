import type { SkipReason } from '../../core/consolidate/types';

/**
 * Every way a file can fail to be read or written, with the one line a person gets (Japanese, and
 * English with --lang en). Each line says what to do; none carries a library's English text or a
 * URL. Kept free of node-only imports: the task pane shows the same lines.
 */
export type Bilingual = { ja: string; en: string };

export type ReadFailure =
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'cfb-other'
  | 'xlsb'
  | 'ods'
  | 'csv'
  | 'spreadsheet-2003'
  | 'html'
  | 'owner-file'
  | 'truncated'
  | 'corrupt-zip'
  | 'zip-encrypted'
  | 'zip-method'
  | 'not-workbook'
  | 'no-workbook-part'
  | 'bad-xml'
  | 'dtd'
  | 'too-large'
  | 'too-many-cells'
  | 'not-found'
  | 'is-directory'
  | 'no-permission'
  | 'io';

const SAVE_AS = { ja: 'Excel で開き「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直し、そのファイルを指定してください。', en: 'Open it in Excel, save it as "Excel Workbook (*.xlsx)" and give that file.' };

export const READ_MESSAGES: Record<ReadFailure, (detail?: string) => Bilingual> = {
  empty: () => ({ ja: '空のファイル(0 バイト)です。保存し直したブックを指定してください。', en: 'The file is empty (0 bytes). Give a saved workbook.' }),
  xls: () => ({ ja: `古い Excel 形式(.xls)のブックです。${SAVE_AS.ja}`, en: `This is an old-format Excel workbook (.xls). ${SAVE_AS.en}` }),
  encrypted: () => ({
    ja: 'パスワードで保護(暗号化)されたブックのため読めません。Excel で開き「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを消して保存し、そのファイルを指定してください。',
    en: 'The workbook is encrypted with a password. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save, and give that file.',
  }),
  'cfb-other': () => ({ ja: `Excel のブックではない Office 文書(古い形式)です。${SAVE_AS.ja}`, en: `This is an old-format Office document, not a workbook. ${SAVE_AS.en}` }),
  xlsb: () => ({ ja: `Excel バイナリ ブック(.xlsb)は読めません。${SAVE_AS.ja}`, en: `Excel binary workbooks (.xlsb) cannot be read. ${SAVE_AS.en}` }),
  ods: () => ({ ja: `OpenDocument スプレッドシート(.ods)は読めません。${SAVE_AS.ja}`, en: `OpenDocument spreadsheets (.ods) cannot be read. ${SAVE_AS.en}` }),
  csv: () => ({ ja: `CSV・テキストファイルは読めません(見出しや結合セルが失われるため)。元の Excel ブックを指定するか、${SAVE_AS.ja}`, en: `CSV and text files cannot be read (headers and merged cells are lost). Give the original workbook, or: ${SAVE_AS.en}` }),
  'spreadsheet-2003': () => ({ ja: `Excel 2003 XML スプレッドシート形式は読めません。${SAVE_AS.ja}`, en: `Excel 2003 XML spreadsheets cannot be read. ${SAVE_AS.en}` }),
  html: () => ({ ja: `Web ページ(HTML)形式のファイルです。${SAVE_AS.ja}`, en: `This is a web page (HTML) file. ${SAVE_AS.en}` }),
  'owner-file': () => ({
    ja: 'Excel の一時ファイル(~$ で始まる所有者ファイル)です。だれかがブックを開いている間だけ作られるもので、中身はありません。~$ の付かない元のブックを指定してください。',
    en: 'This is an Excel owner file (~$…), created while someone has the workbook open; it holds no data. Give the workbook without the ~$ prefix.',
  }),
  truncated: () => ({ ja: 'ファイルが途中で切れています(コピーやダウンロードが途中で終わった可能性があります)。元のブックをもう一度コピーしてから指定してください。', en: 'The file is cut short (an unfinished copy or download?). Copy the original workbook again and give that file.' }),
  'corrupt-zip': (d) => ({ ja: `ブックのファイルが壊れています${d ? `(${d})` : ''}。Excel で開いて修復・保存し直したファイルを指定してください。`, en: `The workbook file is damaged${d ? ` (${d})` : ''}. Open it in Excel, let it repair the file, save, and give that file.` }),
  'zip-encrypted': () => ({ ja: 'ブックの中身が暗号化された ZIP になっています。暗号化せずに保存し直したファイルを指定してください。', en: 'The workbook is packed as an encrypted ZIP. Save it again without encryption and give that file.' }),
  'zip-method': () => ({ ja: `ブックの圧縮方式が Excel の形式と異なるため読めません。${SAVE_AS.ja}`, en: `The workbook uses a compression method Excel does not write. ${SAVE_AS.en}` }),
  'not-workbook': (d) => ({ ja: `Excel のブックではありません${d ? `(${d} のファイルです)` : ''}。.xlsx のブックを指定してください。`, en: `This is not an Excel workbook${d ? ` (it is a ${d} file)` : ''}. Give an .xlsx workbook.` }),
  'no-workbook-part': () => ({ ja: `ZIP ファイルですが Excel のブックの中身がありません。${SAVE_AS.ja}`, en: `The ZIP file holds no Excel workbook. ${SAVE_AS.en}` }),
  'bad-xml': (d) => ({ ja: `ブックの中身(${d ?? 'XML'})が壊れています。Excel で開いて修復・保存し直したファイルを指定してください。`, en: `Part of the workbook (${d ?? 'XML'}) is damaged. Open it in Excel, let it repair the file, save, and give that file.` }),
  dtd: (d) => ({ ja: `ブックの中身(${d ?? 'XML'})に Excel が書かない宣言(DTD)があり、安全のため読みません。Excel で保存し直したファイルを指定してください。`, en: `Part of the workbook (${d ?? 'XML'}) declares a DTD, which Excel never writes; it is not read, for safety. Save it again in Excel and give that file.` }),
  'too-large': (d) => ({ ja: `ブックの中身が大きすぎます(展開後 ${d} を超えます)。不要なシートや書式を削除して保存し直すか、進捗シートだけを別のブックにして指定してください。`, en: `The workbook is too large once unpacked (over ${d}). Remove unneeded sheets or formatting, or copy the progress sheet into a workbook of its own.` }),
  'too-many-cells': (d) => ({ ja: `セルが多すぎます(${d} セルを超えます)。不要なシートを削除するか、進捗シートだけを別のブックにして指定してください。`, en: `The workbook has too many cells (over ${d}). Remove unneeded sheets, or copy the progress sheet into a workbook of its own.` }),
  'not-found': () => ({ ja: 'ファイルが見つかりません。パスを確かめてください。', en: 'File not found. Check the path.' }),
  'is-directory': () => ({ ja: 'フォルダが指定されています。ブックのファイルを指定してください。', en: 'This is a folder. Give a workbook file.' }),
  'no-permission': () => ({ ja: 'ファイルを読む権限がありません。ファイルの権限を確かめてください。', en: 'No permission to read the file. Check its permissions.' }),
  io: (d) => ({ ja: `ファイルを読めませんでした${d ? `(${d})` : ''}。もう一度試してください。`, en: `The file could not be read${d ? ` (${d})` : ''}. Try again.` }),
};

/** A workbook that cannot be read, and why; `reason` is what the CLI and the pane show. */
export class FileReadError extends Error {
  readonly reason: Bilingual;
  constructor(
    readonly file: string,
    readonly kind: ReadFailure,
    detail?: string,
  ) {
    const reason = READ_MESSAGES[kind](detail);
    super(`${file}: ${reason.en}`);
    this.reason = reason;
  }
}

/** Raised inside the package layer, before the file name is known; callers rethrow it as FileReadError. */
export class PackageError extends Error {
  constructor(
    readonly kind: ReadFailure,
    /** Shown in the line: a part or sheet name, a number; never a library's English. */
    readonly detail?: string,
    /** For developers only (the error's message), e.g. what exactly was wrong in the XML. */
    readonly debug?: string,
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}${debug ? ` (${debug})` : ''}`);
  }
}

export function asReadError(file: string, e: unknown): FileReadError {
  if (e instanceof FileReadError) return e;
  if (e instanceof PackageError) return new FileReadError(file, e.kind, e.detail);
  throw e;
}

/**
 * Files that are not .xlsx workbooks at all, by what the reader recognised from their bytes, with a
 * short name for lists: a folder of department files holds CSV exports, old .xls books, PDFs and web
 * pages beside the workbooks. (An encrypted or damaged workbook is a workbook that cannot be read:
 * its full reason says what to do.)
 */
const NOT_A_WORKBOOK: Partial<Record<ReadFailure, Bilingual>> = {
  empty: { ja: '空のファイル', en: 'an empty file' },
  xls: { ja: '古い形式の .xls ブック', en: 'an old-format .xls workbook' },
  'cfb-other': { ja: '古い形式の Office 文書', en: 'an old-format Office document' },
  xlsb: { ja: '.xlsb 形式のブック', en: 'an .xlsb binary workbook' },
  ods: { ja: 'OpenDocument 形式の表', en: 'an OpenDocument spreadsheet' },
  csv: { ja: 'CSV・テキストファイル', en: 'a CSV or text file' },
  'spreadsheet-2003': { ja: 'Excel 2003 XML 形式', en: 'an Excel 2003 XML spreadsheet' },
  html: { ja: 'Web ページ', en: 'a web page' },
  'not-workbook': { ja: 'ブックではないファイル', en: 'not a workbook' },
  'no-workbook-part': { ja: 'ブックの中身がない ZIP', en: 'a ZIP without a workbook' },
};

/** How consolidation lists a file the reader refused: Excel's owner file, not a workbook, or unreadable with the reader's reason. */
export function skipReasonOf(kind: string | undefined, reason: Bilingual): SkipReason {
  if (kind === 'owner-file') return { kind: 'owner' };
  const format = kind ? NOT_A_WORKBOOK[kind as ReadFailure] : undefined;
  return format ? { kind: 'not-workbook', format } : { kind: 'unreadable', reason };
}
