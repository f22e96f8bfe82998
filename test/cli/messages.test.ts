import { fyOption, verdictLines } from '../../src/cli/commands/validate';
import { currentFiscalYear } from '../../src/core/values/fiscal-year';
import { en, ja } from '../../src/cli/messages';
import { LAYOUT_IDS } from '../../src/cli/spec';
import { LAYOUTS } from '../../src/core/layouts/registry';
import { lintMessages } from '../helpers/message-lint';

/** Words that stay Latin in Japanese text: the command, its options and file types. */
export const CLI_LATIN = [
  /shinchoku( (inspect|validate|fill|summary|columns|mapping|demo|<コマンド>))?/,
  /--[a-z-]+/,
  /-o\b/,
  /\bR\d+\b/,
  /\.(xlsx|json)\b/,
  /\bJSON\b/,
  /\bCSV\b/,
  /\bUTF-8\b/,
  /\bExcel\b/,
  /\bID\b/,
  /SHINCHOKU_LANG=en/,
  /\bnpm run fixtures\b/,
  /\b(EACCES|EPERM|ENOENT|ENOTDIR|EISDIR|ENOSPC|EROFS|EBUSY)\b/,
  /\b(ja|en)\b/,
  /\b[A-Z]{3}\d{3}\b/, // a finding code, as the findings list shows it
  /\b(inspect|validate|fill|summary|columns|mapping|demo)\b/,
];

test('CLI messages: Japanese has no English words, no brackets in brackets, English plurals agree', () => {
  expect(lintMessages(ja, en, { allowInJapanese: CLI_LATIN })).toEqual([]);
});

test('the lint catches what it is for', () => {
  const problems = lintMessages(
    { a: '{n} 件の error があります', b: '(方向: 推定(higher))', c: '{n} 件', d: '{n} 件' },
    { a: '{n} errors', b: '(direction (higher))', c: '{n|# item|# items}', d: '{m} items' },
    { allowInJapanese: CLI_LATIN },
  );
  expect(problems).toEqual([
    'a: English in Japanese text: error',
    'a: "1 errors" in: 1 errors',
    'b: English in Japanese text: higher',
    'b (ja): brackets inside brackets: (方向: 推定(higher))',
    'b (en): brackets inside brackets: (direction (higher))',
    'd: placeholders differ (n / m)',
    'd: "1 items" in: 1 items',
  ]);
});

test('the layout ids in the help are the registry’s', () => {
  expect([...LAYOUT_IDS].sort()).toEqual(LAYOUTS.map((l) => l.id).sort());
});

describe('the year a plan is told to add progress columns for', () => {
  const plan = { ready: false, items: 3, errors: 0, warnings: 0, planSheets: ['計画'], planItems: 3 };
  test('the year the workbook reports (R6), not a year written into the message', () => {
    expect(verdictLines({ ...plan, reportFy: 2024 }, 'a.xlsx', 'ja').join('')).toContain('shinchoku columns a.xlsx --fy R6 -o');
    expect(fyOption({ reportFy: 2026 })).toBe('R8');
  });
  test('with no year stated, this fiscal year', () => {
    expect(fyOption({})).toBe(`R${currentFiscalYear() - 2018}`);
  });
});
