import { z } from 'zod';

export const COMMANDS = ['inspect', 'validate', 'fill', 'summary', 'columns', 'mapping', 'demo', 'help'] as const;

export const ArgsSchema = z.object({
  command: z.enum(COMMANDS),
  files: z.array(z.string()),
  json: z.boolean(),
  lang: z.enum(['ja', 'en']),
  layout: z.string().optional(),
  mapping: z.string().optional(),
  fy: z.number().int().min(1989).max(2200).optional(),
  out: z.string().optional(),
  /** Replace an existing output file (an input is never replaced). */
  force: z.boolean(),
  includeSuggested: z.boolean(),
  sheetName: z.string().optional(),
  /** Group the summary by a classification axis (e.g. 推進手段); two, comma-separated, give a cross-tab. */
  by: z.array(z.string().min(1)).max(2).optional(),
});
export type Args = z.infer<typeof ArgsSchema>;

export class UsageError extends Error {}

/** Accepts 令和/R/Western forms for --fy, like the sheets themselves. */
export function parseArgs(argv: string[], parseFy: (s: string) => number | undefined): Args {
  const files: string[] = [];
  const raw: Record<string, unknown> = { json: false, lang: defaultLang(), includeSuggested: false, force: false };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--json':
        raw.json = true;
        break;
      case '--lang':
        raw.lang = next();
        break;
      case '--layout':
        raw.layout = next();
        break;
      case '--mapping':
        raw.mapping = next();
        break;
      case '--fy': {
        const v = next();
        const fy = parseFy(v);
        if (fy === undefined) throw new UsageError(`--fy: not a fiscal year: ${v}`);
        raw.fy = fy;
        break;
      }
      case '-o':
      case '--out':
        raw.out = next();
        break;
      case '--force':
        raw.force = true;
        break;
      case '--include-suggested':
        raw.includeSuggested = true;
        break;
      case '--by':
        raw.by = next()
          .split(/[,、]/)
          .map((x) => x.trim())
          .filter(Boolean);
        break;
      case '--sheet-name':
        raw.sheetName = next();
        break;
      case '-h':
      case '--help':
        command = 'help';
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (command === undefined) command = a;
        else files.push(a);
    }
  }
  const parsed = ArgsSchema.safeParse({ ...raw, command: command ?? 'help', files });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new UsageError(`${i.path.join('.') || 'argument'}: ${i.message}`);
  }
  return parsed.data;
}

function defaultLang(): 'ja' | 'en' {
  const env = process.env.SHINCHOKU_LANG ?? '';
  return env.startsWith('en') ? 'en' : 'ja';
}
