/**
 * What the command line accepts, as data: the help text, the argument parser and "did you mean"
 * all read these tables. Nothing here may import zod, ExcelJS or the core: `--help` and
 * `--version` load only this module, the messages and the parser.
 */

export const COMMAND_NAMES = ['inspect', 'validate', 'fill', 'summary', 'columns', 'mapping', 'demo'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Layout ids for `--layout`; a unit test keeps this equal to the registry's list. */
export const LAYOUT_IDS = ['isehara-list', 'isehara-sheet', 'nihonmatsu', 'yuzawa', 'aizuwakamatsu', 'tsukubamirai', 'generic-form', 'generic'] as const;

export type OptionKey =
  | 'json'
  | 'lang'
  | 'layout'
  | 'mapping'
  | 'fy'
  | 'out'
  | 'force'
  | 'by'
  | 'includeSuggested'
  | 'sheetName'
  | 'wide'
  | 'csv'
  | 'master'
  | 'compare'
  | 'prefer'
  | 'writeReport';

export interface OptionSpec {
  key: OptionKey;
  names: string[];
  /** The value's placeholder in the help; absent for flags. */
  value?: { ja: string; en: string };
  /** May be given more than once (every value is kept). */
  repeat?: boolean;
}

export const OPTIONS: readonly OptionSpec[] = [
  { key: 'out', names: ['-o', '--out'], value: { ja: '出力.xlsx', en: 'OUT.xlsx' } },
  { key: 'force', names: ['--force'] },
  { key: 'fy', names: ['--fy'], value: { ja: '年度', en: 'YEAR' } },
  { key: 'by', names: ['--by'], value: { ja: '分類[,分類]', en: 'AXIS[,AXIS]' } },
  { key: 'csv', names: ['--csv'], value: { ja: '出力.csv', en: 'OUT.csv' } },
  { key: 'master', names: ['--master'], value: { ja: '計画一覧', en: 'PLAN' } },
  { key: 'compare', names: ['--compare'], value: { ja: '前年度', en: 'LAST' } },
  { key: 'prefer', names: ['--prefer'], value: { ja: 'ファイル', en: 'FILE' }, repeat: true },
  { key: 'writeReport', names: ['--write-report'] },
  { key: 'layout', names: ['--layout'], value: { ja: 'ID', en: 'ID' } },
  { key: 'mapping', names: ['--mapping'], value: { ja: '対応表.json', en: 'MAPPING.json' } },
  { key: 'json', names: ['--json'] },
  { key: 'wide', names: ['--wide'] },
  { key: 'includeSuggested', names: ['--include-suggested'] },
  { key: 'sheetName', names: ['--sheet-name'], value: { ja: 'シート名', en: 'NAME' } },
  { key: 'lang', names: ['--lang'], value: { ja: 'ja|en', en: 'ja|en' } },
];

/** Options every command takes, besides its own. */
const COMMON: OptionKey[] = ['lang', 'json', 'layout', 'mapping', 'fy', 'wide'];

export interface CommandSpec {
  name: CommandName;
  /**
   * How many workbooks: exactly one, one or more (workbooks or folders of them), or at most one
   * (demo: the bundled sample by default).
   */
  files: 'one' | 'many' | 'optional';
  /** Options that must be given. */
  required: OptionKey[];
  options: OptionKey[];
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'inspect', files: 'one', required: [], options: COMMON },
  { name: 'validate', files: 'one', required: [], options: [...COMMON, 'writeReport', 'out', 'force'] },
  { name: 'fill', files: 'one', required: ['out'], options: [...COMMON, 'out', 'force'] },
  {
    name: 'summary',
    files: 'many',
    required: [],
    options: [...COMMON, 'out', 'force', 'csv', 'by', 'master', 'compare', 'prefer', 'includeSuggested', 'sheetName'],
  },
  { name: 'columns', files: 'one', required: ['fy', 'out'], options: [...COMMON, 'out', 'force'] },
  { name: 'mapping', files: 'one', required: [], options: ['lang', 'json'] },
  { name: 'demo', files: 'optional', required: [], options: ['lang', 'json', 'out', 'wide'] },
];

export function commandSpec(name: CommandName): CommandSpec {
  return COMMANDS.find((c) => c.name === name)!;
}

export function optionByName(name: string): OptionSpec | undefined {
  return OPTIONS.find((o) => o.names.includes(name));
}

export function optionByKey(key: OptionKey): OptionSpec {
  return OPTIONS.find((o) => o.key === key)!;
}

/** 0 done (or ready to submit), 1 not ready to submit, 2 bad usage or a file that cannot be read or written, 3 a bug. */
export const EXIT = { ok: 0, notReady: 1, usage: 2, internal: 3 } as const;
