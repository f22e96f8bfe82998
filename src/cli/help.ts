import { say, type Lang, type MessageKey } from './messages';
import { COMMANDS, LAYOUT_IDS, OPTIONS, commandSpec, type CommandName, type CommandSpec, type OptionKey, type OptionSpec } from './spec';
import { displayWidth, pad, wrap } from './text';

const WIDTH = 80;

const DESCRIPTION: Record<CommandName, MessageKey> = {
  inspect: 'cmdInspect',
  validate: 'cmdValidate',
  fill: 'cmdFill',
  summary: 'cmdSummary',
  columns: 'cmdColumns',
  mapping: 'cmdMapping',
  demo: 'cmdDemo',
};

const OPTION_HELP: Record<OptionKey, MessageKey> = {
  out: 'optOut',
  fy: 'optFy',
  by: 'optBy',
  layout: 'optLayout',
  mapping: 'optMapping',
  json: 'optJson',
  wide: 'optWide',
  force: 'optForce',
  includeSuggested: 'optIncludeSuggested',
  sheetName: 'optSheetName',
  lang: 'optLang',
  csv: 'optCsv',
  master: 'optMaster',
  compare: 'optCompare',
  prefer: 'optPrefer',
  writeReport: 'optWriteReport',
};

/** The line a person would type, with the options a command requires. */
function usage(c: CommandSpec, lang: Lang): string {
  const files = say(lang, c.files === 'one' ? 'helpArgsOne' : c.files === 'many' ? 'helpArgsMany' : 'helpArgsOptional');
  const required = c.required.map((k) => {
    const o = OPTIONS.find((x) => x.key === k)!;
    return `${o.names[0]} ${o.value![lang]}`;
  });
  return [c.name, files, ...required].join(' ');
}

function optionLabel(o: OptionSpec, lang: Lang): string {
  return `${o.names.join(', ')}${o.value ? ` ${o.value[lang]}` : ''}`;
}

/** `label  description`, the description wrapped and aligned; on its own line when the label is long. */
function entry(label: string, text: string, col: number): string[] {
  const head = `  ${label}`;
  const body = wrap(text, WIDTH - col);
  if (displayWidth(head) + 2 > col) return [head, ...body.map((l) => ' '.repeat(col) + l)];
  return [pad(head, col) + body[0], ...body.slice(1).map((l) => ' '.repeat(col) + l)];
}

function optionLines(keys: OptionKey[], lang: Lang): string[] {
  const lines: string[] = [];
  for (const o of OPTIONS.filter((x) => keys.includes(x.key))) {
    lines.push(...entry(optionLabel(o, lang), say(lang, OPTION_HELP[o.key], { ids: LAYOUT_IDS.join(', ') }), 28));
  }
  lines.push(...entry('-h, --help', say(lang, 'optHelp'), 28), ...entry('-v, --version', say(lang, 'optVersion'), 28));
  return lines;
}

export function helpText(lang: Lang, command?: CommandName): string {
  if (command) return commandHelp(lang, commandSpec(command));
  const lines = [say(lang, 'helpUsage'), '', say(lang, 'helpCommands')];
  for (const c of COMMANDS) {
    lines.push(`  ${usage(c, lang)}`);
    lines.push(...wrap(say(lang, DESCRIPTION[c.name]), WIDTH - 6).map((l) => `      ${l}`));
  }
  lines.push('', say(lang, 'helpOptions'), ...optionLines([...new Set(COMMANDS.flatMap((c) => c.options))], lang));
  lines.push('', ...wrap(say(lang, 'helpExit'), WIDTH, '  '), say(lang, 'helpMore'));
  return lines.join('\n');
}

function commandHelp(lang: Lang, c: CommandSpec): string {
  const lines = [say(lang, 'helpCommandUsage', { usage: usage(c, lang) }), '', ...wrap(say(lang, DESCRIPTION[c.name]), WIDTH)];
  lines.push('', say(lang, 'helpOptions'), ...optionLines(c.options, lang));
  return lines.join('\n');
}
