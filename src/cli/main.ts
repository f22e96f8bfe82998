import { version } from '../../package.json';
import { langOf, parseArgs, UsageError, type Args } from './args';
import { CliError, reasonOf } from './errors';
import { helpText } from './help';
import { processIo, type Io } from './io';
import { say, type Lang } from './messages';
import { EXIT, type CommandName } from './spec';

type Command = (args: Args, io: Io) => Promise<number>;

/**
 * Each command is loaded only when it runs: `--help` and `--version` never load zod, ExcelJS or the
 * core (the bundle keeps these modules behind lazy initialisers), so they start as fast as node.
 */
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  inspect: async () => (await import('./commands/inspect')).inspectCommand,
  validate: async () => (await import('./commands/validate')).validateCommand,
  fill: async () => (await import('./commands/fill')).fillCommand,
  summary: async () => (await import('./commands/summary')).summaryCommand,
  columns: async () => (await import('./commands/columns')).columnsCommand,
  mapping: async () => (await import('./commands/mapping')).mappingCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
};

/** Exit codes: see EXIT (0 done, 1 not ready to submit, 2 usage/input/output, 3 a bug). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langOf(argv);
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      io.out(helpText(parsed.lang, parsed.command));
      return EXIT.ok;
    }
    if (parsed.kind === 'version') {
      io.out(`shinchoku ${version}`);
      return EXIT.ok;
    }
    const command = await COMMANDS[parsed.args.command]();
    return await command(parsed.args, io);
  } catch (e) {
    return report(e, lang, io);
  }
}

function report(e: unknown, lang: Lang, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`shinchoku: ${e.text[lang]}`);
    io.err(e.command ? say(lang, 'usageSeeHelp', { command: e.command }) : say(lang, 'helpMore'));
    return EXIT.usage;
  }
  if (e instanceof CliError) {
    io.err(`shinchoku: ${e.text[lang]}`);
    return e.exit;
  }
  // Adapters attach a bilingual reason to what a person can fix (a protected sheet, a locked file).
  const reason = reasonOf(e);
  if (reason) {
    io.err(`shinchoku: ${reason[lang]}`);
    return EXIT.usage;
  }
  io.err(`shinchoku: ${say(lang, 'internalError', { detail: e instanceof Error ? e.message : String(e) })}`);
  if (process.env.SHINCHOKU_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
  return EXIT.internal;
}

/** The bin's entry: sets the exit code instead of exiting, so output to a pipe is written whole. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`shinchoku: ${String(e instanceof Error ? e.stack : e)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
