import * as path from 'node:path';
import { mergePlans } from '../../core/engine/merge-plans';
import { planFill } from '../../core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../../core/plan/summary-sheet';
import { planOwnedSheet } from '../../core/settings/ownership';
import { crossTab } from '../../core/summary/crosstab';
import { summarise } from '../../core/summary/summarise';
import type { Plan } from '../../core/model/plan';
import type { Summary } from '../../core/summary/types';
import { UsageError, type Args } from '../args';
import type { Io } from '../io';
import { summaryJson } from '../json';
import { loadAndAnalyse, type Loaded } from '../load';
import { num, table } from '../text';
import { one } from './read-commands';

export async function fillCommand(args: Args, io: Io): Promise<number> {
  const file = one(args);
  if (!args.out) throw new UsageError('fill: give the output file with -o OUT.xlsx');
  const loaded = await loadAndAnalyse(file, args);
  const { plan, preview } = planFill(loaded.grid, loaded.analysis);
  const result = await loaded.host.apply(plan);
  await loaded.host.save(args.out);
  const ja = args.lang === 'ja';
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          file,
          out: args.out,
          ratings: preview.ratings,
          ratios: preview.ratios,
          subtotals: preview.subtotals,
          written: result.written,
          conflicts: result.conflicts,
          disagreements: preview.disagreements.map((d) => ({ itemId: d.itemId, entered: d.entered, suggested: d.suggested, reason: d.reason[args.lang] })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(
    ja
      ? `評価の候補 ${preview.ratings} 件、達成率 ${preview.ratios} 件、小計 ${preview.subtotals} 件を書き込みました（計 ${result.written} セル）。入力済みのセルは変更していません。`
      : `Wrote ${preview.ratings} suggested ratings, ${preview.ratios} achievement ratios and ${preview.subtotals} subtotals (${result.written} cells). No cell typed by staff was changed.`,
  );
  if (result.conflicts.length) {
    io.out(ja ? `書き込みを見送ったセル ${result.conflicts.length} 件（読み込み後に内容が変わっていました）` : `${result.conflicts.length} cells skipped: they changed after reading`);
  }
  if (preview.disagreements.length) {
    io.out(ja ? `入力された評価と計算上の候補が異なる取組 ${preview.disagreements.length} 件:` : `${preview.disagreements.length} items where the entered rating differs from the suggestion:`);
    for (const d of preview.disagreements) io.out(`  ${d.itemId}: ${d.entered} → ${d.suggested}  ${d.reason[args.lang]}`);
  }
  io.out((ja ? '出力: ' : 'output: ') + args.out);
  return 0;
}

export async function summaryCommand(args: Args, io: Io): Promise<number> {
  if (args.files.length === 0) throw new UsageError('summary: give one or more workbooks');
  const loaded: Loaded[] = [];
  for (const f of args.files) loaded.push(await loadAndAnalyse(f, args));
  const plan = mergePlans(loaded.map((l) => ({ source: path.basename(l.file), plan: l.analysis.plan })));
  const evaluations = loaded.flatMap((l) => l.analysis.evaluations);
  const files = loaded.map((l) => l.file);
  if (args.by?.length === 2) return crossTabCommand(plan, args, io);
  const summary = summarise(plan, { evaluations, includeSuggested: args.includeSuggested, ...(args.by ? { axis: args.by[0] } : {}) });
  if (args.out) {
    const first = loaded[0];
    const target = planOwnedSheet(first.grid, first.analysis.store, 'summary', args.sheetName ?? DEFAULT_SUMMARY_SHEET);
    const sheetPlan = planSummarySheet(summary, {
      lang: args.lang,
      sources: files.map((f) => path.basename(f)),
      target,
      createdAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    });
    const r = await first.host.apply(sheetPlan);
    await first.host.save(args.out);
    if (!args.json) {
      const ja = args.lang === 'ja';
      if (r.sheetsLeftAlone.length) {
        io.out(
          ja
            ? `同じ名前のシート「${r.sheetsLeftAlone.join('」「')}」はこのアドインが作ったものではないため残し、「${r.sheetsCreated.join('」「')}」に出力しました。`
            : `Left the existing sheet(s) ${r.sheetsLeftAlone.join(', ')} alone (not made by this add-in); wrote ${r.sheetsCreated.join(', ')}.`,
        );
      }
      io.out((ja ? '集計シートを出力: ' : 'summary sheet written: ') + `${args.out} [${r.sheetsCreated.join(', ')}]`);
    }
  }
  if (args.json) {
    io.out(JSON.stringify(summaryJson(summary, files, plan.layouts), null, 2));
  } else {
    io.out(summaryText(summary, args.lang));
  }
  return 0;
}

function crossTabCommand(plan: Plan, args: Args, io: Io): number {
  const [a, b] = args.by!;
  const t = crossTab(plan, a, b);
  if (args.json) {
    io.out(JSON.stringify(t, null, 2));
    return 0;
  }
  const ja = args.lang === 'ja';
  const total = ja ? '合計' : 'Total';
  const rows = t.rows.map((r, i) => [r.name === r.key ? r.key : `${r.key} ${r.name}`, ...t.counts[i].map(String), String(t.rowTotals[i])]);
  rows.push([total, ...t.colTotals.map(String), String(t.total)]);
  io.out(table([`${a} \\ ${b}`, ...t.cols.map((c) => c.key), total], rows, [false, ...t.cols.map(() => true), true]));
  return 0;
}

export function summaryText(s: Summary, lang: 'ja' | 'en'): string {
  const ja = lang === 'ja';
  const rows = [...s.groups, { ...s.total, key: '', name: ja ? '合計' : 'Total' }].map((g) => [
    g.key && !g.name.startsWith(g.key) ? `${g.key} ${g.name}` : g.name,
    String(g.counts.A),
    String(g.counts.B),
    String(g.counts.C),
    String(g.counts.D),
    String(g.counts.unrated),
    String(g.total),
    num(g.effectPlanned),
    num(g.effectActual),
    g.effectRatio === null ? '-' : `${g.effectRatio.toFixed(1)}%`,
  ]);
  const header = [
    s.groupLabel,
    'A',
    'B',
    'C',
    'D',
    ja ? '未評価' : 'unrated',
    ja ? '合計' : 'total',
    ja ? '効果見込額(千円)' : 'planned (k JPY)',
    ja ? '実績効果額(千円)' : 'actual (k JPY)',
    ja ? '達成割合' : 'achieved',
  ];
  return table(header, rows, [false, true, true, true, true, true, true, true, true, true]);
}
