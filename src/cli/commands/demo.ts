import * as fs from 'node:fs';
import * as path from 'node:path';
import { layoutById } from '../../core/layouts/registry';
import { planFill } from '../../core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../../core/plan/summary-sheet';
import { planOwnedSheet } from '../../core/settings/ownership';
import { verdictOf } from '../../core/validation/verdict';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import type { Args } from '../args';
import { InputError } from '../errors';
import type { Io } from '../io';
import { countFindings, rowJson } from '../json';
import { loadAndAnalyse, saveOutput } from '../load';
import { msg, say, type MessageKey } from '../messages';
import { itemCounts, summaryText } from '../render';
import { fillParts, suggestionLines } from './fill';
import { verdictLines } from './validate';

export const DEMO_SAMPLE = 'isehara-list.xlsx';

/**
 * The bundled samples: found from the package root, which is where package.json is, whether this
 * runs from the sources (tests) or from the bundle in build/cli.
 */
export function sampleDir(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'assets', 'samples'))) return path.join(dir, 'assets', 'samples');
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(from, '..', '..', 'assets', 'samples');
    dir = up;
  }
}

/**
 * The whole job on the bundled sample, no Excel needed: read and detect, validate, fill, build the
 * summary sheet; outputs go to ./out/demo (or -o DIR) and the input sample is never changed.
 */
export async function demoCommand(args: Args, io: Io): Promise<number> {
  const { lang } = args;
  const sample = args.files[0] ?? path.join(sampleDir(), DEMO_SAMPLE);
  if (!fs.existsSync(sample)) throw new InputError(sample, msg('inputSampleMissing'));
  const outDir = path.resolve(args.out ?? path.join('out', 'demo'));
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.basename(sample, path.extname(sample));
  const text = (line: string) => !args.json && io.out(line);
  const step = (n: number, key: MessageKey) => text(`\n${say(lang, 'demoStep', { step: n, title: say(lang, key) })}`);

  step(1, 'demoStepRead');
  const loaded = await loadAndAnalyse(sample, args);
  const a = loaded.analysis;
  const fy = a.plan.reportFy;
  const layout = a.detection.chosen.map((c) => layoutById(c.layout)?.label[lang] ?? c.layout).join('、');
  text(say(lang, 'demoRead', { file: path.basename(sample), layout, n: itemCounts(a.plan).counted, fy: fy !== undefined ? fiscalYearLabel(fy, lang) : say(lang, 'inspectYearUnknown') }));

  step(2, 'demoStepValidate');
  text(say(lang, 'validateCounts', countFindings(a)));
  for (const f of a.findings.slice(0, 5)) text(`  ${f.code} ${f.sheet}!${f.cell} ${f.message[lang]}`);
  if (a.findings.length > 5) text(say(lang, 'demoMore', { n: a.findings.length - 5 }));
  const verdict = verdictOf(a.plan, a.findings);
  for (const line of verdictLines(verdict, sample, lang)) text(line);

  step(3, 'demoStepFill');
  const filledPath = path.join(outDir, `${base}.filled.xlsx`);
  const { plan: fillPlan, preview } = planFill(loaded.grid, a, { lang });
  let filled: string | null = null;
  if (fillPlan.writes.length > 0) {
    const fr = await loaded.host.apply(fillPlan);
    // The demo's own output folder: its files are made again on every run.
    await saveOutput(loaded.host, filledPath, { files: [sample], force: true });
    filled = filledPath;
    text(say(lang, 'fillDone', { parts: fillParts(preview), cells: fr.written }));
    for (const line of suggestionLines(preview, lang, fr.cellNotes)) text(line);
    text(say(lang, 'outputWritten', { file: filledPath }));
  } else text(say(lang, 'fillNothing'));

  step(4, 'demoStepSummary');
  const summaryPath = path.join(outDir, `${base}.summary.xlsx`);
  const fresh = await loadAndAnalyse(sample, args);
  const sr = await fresh.host.apply(
    planSummarySheet(a.summary, {
      lang,
      sources: [path.basename(sample)],
      target: planOwnedSheet(fresh.grid, fresh.analysis.store, 'summary', DEFAULT_SUMMARY_SHEET),
      createdAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    }),
  );
  await saveOutput(fresh.host, summaryPath, { files: [sample], force: true });
  const n = itemCounts(a.plan);
  text(summaryText(a.summary, lang, { wide: args.wide, notes: { reposts: { n: n.reposts, rows: n.rows, counted: n.counted } } }));
  text(say(lang, 'summarySheetWritten', { sheet: sr.sheetsCreated.join('、'), file: summaryPath }));
  text(`\n${say(lang, 'demoOutDir', { dir: outDir })}`);
  if (args.json) {
    io.out(
      JSON.stringify(
        { sample, outDir, items: n.counted, findings: countFindings(a), ready: verdict.ready, filled, summary: summaryPath, total: rowJson(a.summary, a.summary.total) },
        null,
        2,
      ),
    );
  }
  return 0;
}
