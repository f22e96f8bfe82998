import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { fixturePath } from '../fixtures/paths';
import { book, cfbOf, zipOf } from './file-helpers';

const run = runCli;

const ALLOWED_WORDS = new Set(['shinchoku', 'Excel', 'xlsx', 'xls', 'xlsb', 'ods', 'CSV', 'HTML', 'DTD', 'XML', 'OpenDocument', 'Office', 'Word', 'ZIP', 'Web']);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-formats-'));

function ownerFile(): Uint8Array {
  const b = new Uint8Array(165).fill(0x20);
  const user = 'yamada';
  b[0] = user.length;
  for (let i = 0; i < user.length; i++) b[1 + i] = user.charCodeAt(i);
  for (let i = 54; i < 165; i++) b[i] = 0;
  return b;
}

const realXlsx = () => new Uint8Array(fs.readFileSync(fixturePath('isehara-list.xlsx')));

/** Every input that is not a readable workbook: what it is, its bytes, and words its message must have. */
const CASES: { what: string; file: string; bytes: () => Uint8Array; ja: RegExp; en: RegExp }[] = [
  { what: 'an old .xls (OLE compound file with a Workbook stream)', file: 'old.xls', bytes: () => cfbOf(['Workbook']), ja: /\.xls.*名前を付けて保存/, en: /old-format.*save it as/i },
  { what: 'a password-encrypted workbook (EncryptionInfo + EncryptedPackage)', file: 'secret.xlsx', bytes: () => cfbOf(['EncryptionInfo', 'EncryptedPackage']), ja: /パスワード.*消して保存/, en: /encrypted.*remove the password/i },
  { what: 'another OLE document (.doc)', file: 'memo.doc', bytes: () => cfbOf(['WordDocument']), ja: /Office 文書/, en: /not a workbook/i },
  { what: 'an .xlsb', file: 'book.xlsb', bytes: () => zipOf({ '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'xl/workbook.bin': new Uint8Array([1, 2]) }), ja: /\.xlsb/, en: /binary workbooks/i },
  { what: 'an .ods', file: 'book.ods', bytes: () => zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }, { stored: true }), ja: /\.ods/, en: /OpenDocument/ },
  { what: 'a CSV file', file: 'list.csv', bytes: () => new TextEncoder().encode('取組番号,取組名,評価\n1(1)①,業務改善,A\n'), ja: /CSV/, en: /CSV/ },
  { what: 'a CSV file named .xlsx', file: 'list.xlsx', bytes: () => new TextEncoder().encode('a,b,c\n1,2,3\n'), ja: /CSV/, en: /CSV/ },
  { what: "Excel's owner file (~$)", file: '~$list.xlsx', bytes: ownerFile, ja: /~\$.*元のブック/, en: /owner file/ },
  { what: 'an owner file recognised by its bytes alone', file: 'copy.xlsx', bytes: ownerFile, ja: /所有者ファイル/, en: /owner file/ },
  { what: 'a truncated workbook', file: 'cut.xlsx', bytes: () => realXlsx().subarray(0, 3000), ja: /途中で切れて/, en: /cut short/ },
  {
    what: 'a workbook with a damaged part',
    file: 'damaged.xlsx',
    bytes: () => {
      const b = realXlsx().slice();
      // Scramble the compressed bytes of the largest entry (the sheet) after its first few bytes.
      for (let i = Math.floor(b.length / 3); i < Math.floor(b.length / 3) + 400; i++) b[i] ^= 0x5a;
      return b;
    },
    ja: /壊れて/,
    en: /damaged/,
  },
  { what: 'an empty file', file: 'empty.xlsx', bytes: () => new Uint8Array(0), ja: /空のファイル/, en: /empty/ },
  { what: 'a Word document (.docx)', file: 'memo.docx', bytes: () => zipOf({ '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', 'word/document.xml': '<w/>' }), ja: /ブックではありません/, en: /not an Excel workbook/ },
  { what: 'a web page saved as .xls', file: 'page.xls', bytes: () => new TextEncoder().encode('<html><body><table><tr><td>1</td></tr></table></body></html>'), ja: /HTML/, en: /web page/ },
  { what: 'an Excel 2003 XML spreadsheet', file: 'old.xml', bytes: () => new TextEncoder().encode('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), ja: /2003/, en: /2003/ },
  { what: 'a part with a DTD', file: 'dtd.xlsx', bytes: () => book({ sheets: [{ name: 'S', xml: '<!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' }] }), ja: /DTD/, en: /DTD/ },
];

describe('every unreadable input gets its own line, and nothing is written', () => {
  it.each(CASES)('$what', async ({ file, bytes, ja, en }) => {
    const input = path.join(tmp, file);
    fs.writeFileSync(input, bytes());
    const r = await run('validate', input);
    expect(r.code).toBe(2);
    const line = r.err.split('\n').filter(Boolean);
    expect(line).toHaveLength(1);
    expect(r.err).toMatch(ja);
    // The Japanese line carries no library English and no URL: the only Latin words are names of formats.
    const latin = r.err.replace(input, '').replace(/[\w/.[\]]+\.(xml|rels)/g, '').match(/[A-Za-z]{3,}/g) ?? [];
    expect(latin.filter((w) => !ALLOWED_WORDS.has(w))).toEqual([]);
    expect(r.err).not.toMatch(/https?:/);
    const e = await run('validate', input, '--lang', 'en');
    expect(e.err).toMatch(en);
    const out = path.join(tmp, `${file}.out.xlsx`);
    const f = await run('fill', input, '-o', out);
    expect(f.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(tmp).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('a missing file and a folder are named as such', async () => {
    expect((await run('validate', path.join(tmp, 'nope.xlsx'))).err).toContain('見つかりません');
    expect((await run('validate', tmp)).err).toContain('フォルダ');
  });

  it('in a summary of several files an owner file is skipped and listed; alone it is refused', async () => {
    const owner = path.join(tmp, '~$isehara-list.xlsx');
    fs.writeFileSync(owner, ownerFile());
    const r = await run('summary', fixturePath('isehara-list.xlsx'), owner, '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const j = JSON.parse(r.out);
    expect(j.total.total).toBe(71);
    // Listed by consolidation, as the reader recognised it (CON009).
    expect(j.consolidation.files.find((f: { file: string }) => f.file === owner)).toMatchObject({ status: 'owner' });
    expect(j.consolidation.findings.map((f: { code: string }) => f.code)).toContain('CON009');
    const text = await run('summary', fixturePath('isehara-list.xlsx'), owner);
    expect(text.out.replace(/\n\s*/g, '')).toContain(`CON009 「${owner}」は、だれかがブックを開いている間`);
    const alone = await run('summary', owner);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('所有者ファイル');
  });
});
