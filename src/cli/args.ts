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
  includeSuggested: z.boolean(),
  sheetName: z.string().optional(),
  /** Group the summary by a classification axis (e.g. 推進手段); two, comma-separated, give a cross-tab. */
  by: z.array(z.string().min(1)).max(2).optional(),
  /** summary: the plan's list of items to reconcile against (a workbook, or a consolidated file). */
  master: z.string().optional(),
  /** summary: last year's workbook(s) or consolidated file, for 前年度 / 増減. */
  compare: z.string().optional(),
  /** summary: files whose copy wins when copies of an item disagree. */
  prefer: z.array(z.string()).optional(),
  /** summary: the machine-readable table as UTF-8 CSV. */
  csv: z.string().optional(),
  /** validate: write the findings into a 検証結果 sheet of a copy (-o). */
  writeReport: z.boolean().optional(),
});
export type Args = z.infer<typeof ArgsSchema>;

export class UsageError extends Error {}

/** Accepts 令和/R/Western forms for --fy, like the sheets themselves. */
export function parseArgs(argv: string[], parseFy: (s: string) => number | undefined): Args {
  const files: string[] = [];
  const raw: Record<string, unknown> = { json: false, lang: defaultLang(), includeSuggested: false };
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
      case '--include-suggested':
        raw.includeSuggested = true;
        break;
      case '--by':
        raw.by = next()
          .split(/[,、]/)
          .map((x) => x.trim())
          .filter(Boolean);
        break;
      case '--master':
        raw.master = next();
        break;
      case '--compare':
        raw.compare = next();
        break;
      case '--prefer':
        raw.prefer = [...((raw.prefer as string[] | undefined) ?? []), next()];
        break;
      case '--csv':
        raw.csv = next();
        break;
      case '--write-report':
        raw.writeReport = true;
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
