import { layoutById } from '../../core/layouts/registry';
import { printJson } from '../json-out';
import { verdictOf, type Verdict } from '../../core/validation/verdict';
import { currentFiscalYear } from '../../core/values/fiscal-year';
import type { Args } from '../args';
import type { Io } from '../io';
import { countFindings, validateJson } from '../json';
import { checkOutputPath, loadAndAnalyse } from '../load';
import { say, sheetList, type Lang, type Localized } from '../messages';
import { prose } from '../render';
import { EXIT } from '../spec';
import { writeFindingsReport } from './report';

const SEVERITY = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

/**
 * Exit 0 when the workbook can be submitted, 1 when something must be done first (see the verdict).
 * With --write-report -o OUT, a copy of the workbook carries the findings in a 検証結果 sheet.
 */
export async function validateCommand(args: Args, io: Io): Promise<number> {
  const file = args.files[0];
  const out = args.writeReport ? args.out : undefined;
  if (out) checkOutputPath(out, args);
  const loaded = await loadAndAnalyse(file, args);
  const a = loaded.analysis;
  const verdict = verdictOf(a.plan, a.findings);
  const { lang } = args;
  const report: Localized | undefined = out ? await writeFindingsReport(loaded, { ...args, out }) : undefined;
  if (args.json) {
    printJson(io, validateJson(a, file, lang, verdictLines(verdict, file, lang), out ?? null));
    return verdict.ready ? EXIT.ok : EXIT.notReady;
  }
  const layouts = a.detection.chosen.map((c) => layoutById(c.layout)?.label[lang] ?? c.layout).join('、') || say(lang, 'layoutNone');
  io.out(say(lang, 'validateHead', { file, layout: layouts }));
  for (const f of a.findings) {
    const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
    io.out(`[${say(lang, SEVERITY[f.severity])}] ${f.code} ${where}${f.itemId ? ` (${f.itemId})` : ''}: ${f.message[lang]}`);
  }
  io.out('');
  io.out(say(lang, 'validateCounts', countFindings(a)));
  for (const line of verdictLines(verdict, file, lang)) io.out(prose(line, args.wide));
  if (report) {
    for (const n of loaded.host.notes) io.out(prose(n[lang], args.wide));
    io.out(report[lang]);
  }
  return verdict.ready ? EXIT.ok : EXIT.notReady;
}

/** The verdict as sentences: what blocks submission and what to do about it. */
export function verdictLines(v: Verdict, file: string, lang: Lang): string[] {
  if (v.items === 0) return [say(lang, 'verdictEmpty')];
  const lines: string[] = [];
  if (v.errors > 0) lines.push(say(lang, 'verdictErrors', { n: v.errors }));
  if (v.planItems > 0) {
    lines.push(say(lang, 'verdictPlan', { sheets: sheetList(v.planSheets), items: v.planItems }));
    lines.push(say(lang, 'verdictPlanHowTo', { file, fy: fyOption(v) }));
  }
  if (lines.length === 0) lines.push(say(lang, v.warnings > 0 ? 'verdictReadyWithWarnings' : 'verdictReady'));
  return lines;
}

/** The --fy to suggest for a plan's progress columns: the year the workbook reports, else this fiscal year (R8). */
export function fyOption(v: Pick<Verdict, 'reportFy'>): string {
  return `R${(v.reportFy ?? currentFiscalYear()) - 2018}`;
}
