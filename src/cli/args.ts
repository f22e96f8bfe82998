import { parseFiscalYear } from '../core/values/fiscal-year';
import { msg, type Lang, type Localized } from './messages';
import { COMMAND_NAMES, commandSpec, LAYOUT_IDS, OPTIONS, optionByKey, optionByName, type CommandName, type OptionKey } from './spec';
import { closest } from './suggest';

export interface Args {
  command: CommandName;
  files: string[];
  json: boolean;
  lang: Lang;
  layout?: string;
  mapping?: string;
  /** Western start year (令和8年度 → 2026). */
  fy?: number;
  out?: string;
  /** Replace an existing output file (an input is never replaced). */
  force: boolean;
  /** Classification axes for summary (one, or two for a cross-tab). */
  by?: string[];
  includeSuggested: boolean;
  sheetName?: string;
  wide: boolean;
  /** summary: the machine-readable table as UTF-8 CSV. */
  csv?: string;
  /** summary: the plan's list of items to reconcile against (a workbook, a folder, or a consolidated file). */
  master?: string;
  /** summary: last year's workbook(s) or consolidated file, for 前年度 / 増減. */
  compare?: string;
  /** summary: files whose copy counts when copies of an item disagree, most preferred first. */
  prefer?: string[];
  /** validate: write the findings into a 検証結果 sheet of a copy (-o). */
  writeReport: boolean;
}

export type Parsed =
  | { kind: 'help'; lang: Lang; command?: CommandName }
  | { kind: 'version'; lang: Lang }
  | { kind: 'run'; args: Args };

/** Bad usage: exit 2, the message in the user's language, and where to read more. */
export class UsageError extends Error {
  constructor(
    readonly text: Localized,
    readonly command?: CommandName,
  ) {
    super(text.en);
  }
}

export function defaultLang(env: Record<string, string | undefined> = process.env): Lang {
  return (env.SHINCHOKU_LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** The language asked for, found before anything else so even a usage error speaks it. */
export function langOf(argv: string[], fallback: Lang = defaultLang()): Lang {
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    if (v === 'en' || v === 'ja') return v;
  }
  return fallback;
}

const HELP = ['-h', '--help'];
const VERSION = ['-v', '-V', '--version'];
const EXAMPLES: Partial<Record<OptionKey, string | Localized>> = {
  out: { ja: '出力.xlsx', en: 'OUT.xlsx' },
  fy: 'R8',
  by: '所管課',
  layout: 'generic',
  mapping: 'mapping.json',
  lang: 'en',
  sheetName: '行革集計',
  csv: { ja: '出力.csv', en: 'OUT.csv' },
  master: { ja: '計画一覧.xlsx', en: 'PLAN.xlsx' },
  compare: { ja: '前年度.xlsx', en: 'LAST.xlsx' },
  prefer: { ja: 'ファイル.xlsx', en: 'FILE.xlsx' },
};

function example(key: OptionKey, option: string): Localized {
  const e = EXAMPLES[key] ?? '';
  const v = typeof e === 'string' ? { ja: e, en: e } : e;
  return { ja: `${option} ${v.ja}`.trim(), en: `${option} ${v.en}`.trim() };
}

/**
 * Table-driven: every option and command comes from ./spec, so help, parsing and "did you mean"
 * cannot disagree. Accepts `--opt value` and `--opt=value`, options before or after the command.
 */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env): Parsed {
  const lang = langOf(argv, defaultLang(env));
  const given = new Map<OptionKey, { name: string; value: string | true; all: string[] }>();
  const positional: string[] = [];
  let help = false;
  let version = false;

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    if (HELP.includes(token)) {
      help = true;
      continue;
    }
    if (VERSION.includes(token)) {
      version = true;
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    const spec = optionByName(name);
    if (!spec) {
      const all = [...OPTIONS.flatMap((o) => o.names), ...HELP, '--version'];
      throw new UsageError(withSuggestion(msg('usageUnknownOption', { option: name }), closest(name, all)), commandOf(positional));
    }
    if (!spec.value) {
      given.set(spec.key, { name, value: true, all: [] });
      continue;
    }
    const value = eq > 0 ? token.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') {
      throw new UsageError(msg('usageNeedsValue', { option: name, example: example(spec.key, name) }), commandOf(positional));
    }
    given.set(spec.key, { name, value, all: [...(spec.repeat ? (given.get(spec.key)?.all ?? []) : []), value] });
  }

  let [command, ...files] = positional;
  if (command === 'help') {
    help = true;
    command = files[0] ?? '';
    files = [];
  }
  if (version && !help) return { kind: 'version', lang };
  if (command === undefined || command === '') return { kind: 'help', lang };
  if (!(COMMAND_NAMES as readonly string[]).includes(command)) {
    const suggestion = closest(command, COMMAND_NAMES);
    const text = suggestion
      ? withSuggestion(msg('usageUnknownCommand', { command }), `shinchoku ${suggestion}`)
      : joinLines(msg('usageUnknownCommand', { command }), msg('usageCommands', { list: COMMAND_NAMES.join(', ') }));
    throw new UsageError(text);
  }
  const name = command as CommandName;
  if (help) return { kind: 'help', lang, command: name };

  const spec = commandSpec(name);
  for (const [key, { name: option }] of given) {
    if (!spec.options.includes(key)) throw new UsageError(msg('usageOptionNotForCommand', { command: name, option }), name);
  }
  if (spec.files === 'one' && files.length !== 1) throw new UsageError(msg('usageNeedOneFile', { command: name }), name);
  if (spec.files === 'many' && files.length === 0) throw new UsageError(msg('usageNeedFiles', { command: name }), name);
  if (spec.files === 'optional' && files.length > 1) throw new UsageError(msg('usageAtMostOneFile', { command: name }), name);
  const value = (key: OptionKey) => {
    const v = given.get(key)?.value;
    return typeof v === 'string' ? v : undefined;
  };
  const args: Args = {
    command: name,
    files,
    json: given.has('json'),
    lang,
    includeSuggested: given.has('includeSuggested'),
    wide: given.has('wide'),
    force: given.has('force'),
    writeReport: given.has('writeReport'),
  };

  const langValue = value('lang');
  if (langValue !== undefined && langValue !== 'ja' && langValue !== 'en') throw new UsageError(msg('usageBadLang', { value: langValue }), name);
  const fy = value('fy');
  if (fy !== undefined) {
    const year = parseFiscalYear(fy);
    if (year === undefined || year < 1989 || year > 2200) throw new UsageError(msg('usageBadFy', { value: fy }), name);
    args.fy = year;
  }
  const layout = value('layout');
  if (layout !== undefined) {
    if (!(LAYOUT_IDS as readonly string[]).includes(layout)) {
      throw new UsageError(withSuggestion(msg('usageUnknownLayout', { value: layout, list: LAYOUT_IDS.join(', ') }), closest(layout, LAYOUT_IDS)), name);
    }
    args.layout = layout;
  }
  const by = value('by');
  if (by !== undefined) {
    const axes = by
      .split(/[,、，]/)
      .map((x) => x.trim())
      .filter(Boolean);
    if (axes.length === 0 || axes.length > 2) throw new UsageError(msg('usageTooManyAxes', { value: by }), name);
    args.by = axes;
  }
  for (const key of ['mapping', 'out', 'sheetName', 'csv', 'master', 'compare'] as const) {
    const v = value(key);
    if (v !== undefined) args[key] = v;
  }
  const prefer = given.get('prefer')?.all;
  if (prefer?.length) args.prefer = prefer;
  if (name === 'validate' && args.writeReport && !args.out) throw new UsageError(msg('usageReportNeedsOut', { example: EXAMPLES.out! }), name);
  if (name === 'validate' && args.out && !args.writeReport) throw new UsageError(msg('usageOutNeedsReport'), name);
  if (args.by?.length === 2) {
    const extra = (['csv', 'master', 'compare'] as const).find((k) => given.has(k));
    if (extra) throw new UsageError(msg('usageCrossTabOnly', { option: given.get(extra)!.name }), name);
  }
  for (const key of spec.required) {
    if (given.has(key)) continue;
    if (key === 'out') throw new UsageError(msg('usageNeedOut', { command: name, example: EXAMPLES.out! }), name);
    if (key === 'fy') throw new UsageError(msg('usageNeedFy', { command: name }), name);
    const option = optionByKey(key).names[0];
    throw new UsageError(msg('usageNeedsValue', { option, example: example(key, option) }), name);
  }

  return { kind: 'run', args };
}

function commandOf(positional: string[]): CommandName | undefined {
  const c = positional[0];
  return (COMMAND_NAMES as readonly string[]).includes(c) ? (c as CommandName) : undefined;
}

export function withSuggestion(text: Localized, suggestion: string | undefined): Localized {
  return suggestion ? joinLines(text, msg('usageDidYouMean', { suggestion })) : text;
}

function joinLines(a: Localized, b: Localized): Localized {
  return { ja: `${a.ja}\n${b.ja}`, en: `${a.en}\n${b.en}` };
}
