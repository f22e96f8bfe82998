import * as fs from 'node:fs';
import * as path from 'node:path';
import { planFill } from '../../core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../../core/plan/summary-sheet';
import { planOwnedSheet } from '../../core/settings/ownership';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import type { Args } from '../args';
import type { Io } from '../io';
import { countFindings, layoutName } from '../json';
import { InputError, loadAndAnalyse } from '../load';
import { summaryText } from './write-commands';

export const SAMPLE_DIR = path.resolve(__dirname, '..', '..', '..', 'assets', 'samples');
export const DEMO_SAMPLE = 'isehara-list.xlsx';

/**
 * The whole job on the bundled sample, no Excel needed: read and detect, validate, fill, build the
 * summary sheet; outputs go to ./out/demo (or -o DIR) and the input sample is never changed.
 */
export async function demoCommand(args: Args, io: Io): Promise<number> {
  const ja = args.lang === 'ja';
  const sample = args.files[0] ?? path.join(SAMPLE_DIR, DEMO_SAMPLE);
  if (!fs.existsSync(sample)) {
    throw new InputError(sample, {
      ja: '同梱サンプルが見つかりません。`npm run fixtures` で作り直せます。',
      en: 'bundled sample not found; `npm run fixtures` regenerates it.',
    });
  }
  const outDir = path.resolve(args.out ?? path.join('out', 'demo'));
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.basename(sample, '.xlsx');

  const step = (n: number, ja_: string, en: string) => io.out(`\n[${n}/4] ${ja ? ja_ : en}`);
  step(1, '読み込みとレイアウト判定', 'read and detect the layout');
  const loaded = await loadAndAnalyse(sample, args);
  const a = loaded.analysis;
  const fy = a.plan.reportFy;
  io.out(
    ja
      ? `${path.basename(sample)}: レイアウト ${layoutName(a)}、取組 ${a.plan.items.length} 件、報告年度 ${fy ? fiscalYearLabel(fy) : '不明'}`
      : `${path.basename(sample)}: layout ${layoutName(a)}, ${a.plan.items.length} items, report year ${fy ? fiscalYearLabel(fy, 'en') : 'unknown'}`,
  );

  step(2, '提出前チェック', 'pre-submission checks');
  const c = countFindings(a);
  io.out(ja ? `エラー ${c.error} / 警告 ${c.warning} / 情報 ${c.info}` : `${c.error} errors / ${c.warning} warnings / ${c.info} info`);
  for (const f of a.findings.slice(0, 5)) io.out(`  ${f.code} ${f.sheet}!${f.cell} ${f.message[args.lang]}`);
  if (a.findings.length > 5) io.out(ja ? `  …ほか ${a.findings.length - 5} 件 (shinchoku validate で全件)` : `  … ${a.findings.length - 5} more (shinchoku validate lists all)`);

  step(3, '達成率と評価候補の書き込み', 'fill ratios and suggested ratings');
  const filledPath = path.join(outDir, `${base}.filled.xlsx`);
  const { plan: fillPlan, preview } = planFill(loaded.grid, a);
  const fr = await loaded.host.apply(fillPlan);
  await loaded.host.save(filledPath);
  io.out(
    ja
      ? `評価候補 ${preview.ratings} 件、達成率 ${preview.ratios} 件を書き込み（計 ${fr.written} セル）。入力と候補が異なる取組 ${preview.disagreements.length} 件。`
      : `${preview.ratings} suggested ratings and ${preview.ratios} ratios written (${fr.written} cells); ${preview.disagreements.length} entered ratings differ from the suggestion.`,
  );
  io.out((ja ? '  → ' : '  → ') + filledPath);

  step(4, '基本方針別の集計シート', 'summary sheet by basic policy');
  const summaryPath = path.join(outDir, `${base}.summary.xlsx`);
  const fresh = await loadAndAnalyse(sample, args);
  const sr = await fresh.host.apply(
    planSummarySheet(a.summary, {
      lang: args.lang,
      sources: [path.basename(sample)],
      target: planOwnedSheet(fresh.grid, fresh.analysis.store, 'summary', DEFAULT_SUMMARY_SHEET),
      createdAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    }),
  );
  await fresh.host.save(summaryPath);
  io.out(summaryText(a.summary, args.lang));
  io.out(`  → ${summaryPath} [${sr.sheetsCreated.join(', ')}]`);
  io.out(ja ? `\n出力先: ${outDir}` : `\noutputs in: ${outDir}`);
  return 0;
}
