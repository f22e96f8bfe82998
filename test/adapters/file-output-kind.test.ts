import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileHost } from '../../src/adapters/file/file-host';
import { OutputKindError } from '../../src/adapters/file/write/errors';
import { book } from './file-helpers';

/**
 * Excel opens a file only when its extension matches its package: a macro workbook written as .xlsx
 * cannot be opened (and re-saved as .xlsx it loses its macros), and a plain one written as .xlsm is
 * refused too. The output is refused before anything is written, and the user told which name to give.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-kind-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sheets = [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }];
const input = (name: string, macro: boolean) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, book({ sheets, macro }));
  return file;
};
const saved = async (src: string, out: string) => {
  const host = new FileHost(src);
  await host.read();
  await host.apply({ label: 'test', writes: [{ sheet: 'S', address: 'B1', value: 'A', expect: null, reason: 'rating' }], sheets: [] });
  await host.save(path.join(tmp, out), { force: true });
  return path.join(tmp, out);
};

test.each([
  ['a macro workbook to .xlsx', 'in.xlsm', true, 'out.xlsx', '.xlsm', 'マクロ有効ブック'],
  ['a macro workbook to .XLSX', 'in2.xlsm', true, 'OUT.XLSX', '.xlsm', 'マクロ有効ブック'],
  ['a plain workbook to .xlsm', 'in.xlsx', false, 'out.xlsm', '.xlsx', '拡張子は .xlsx'],
  ['a plain workbook to a name with no extension', 'in3.xlsx', false, 'out', '.xlsx', '拡張子は .xlsx'],
])('%s is refused, nothing written', async (_, name, macro, out, wanted, says) => {
  const err = await saved(input(name, macro), out).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OutputKindError);
  expect((err as OutputKindError).wanted).toBe(wanted);
  expect((err as OutputKindError).reason.ja).toContain(says);
  expect(fs.existsSync(path.join(tmp, out))).toBe(false);
});

test.each([
  ['a macro workbook to .xlsm', 'ok.xlsm', true, 'ok-out.xlsm'],
  ['a plain workbook to .xlsx', 'ok.xlsx', false, 'ok-out.xlsx'],
])('%s is written', async (_, name, macro, out) => {
  expect(fs.existsSync(await saved(input(name, macro), out))).toBe(true);
});
