import { UsageError, type Args } from '../args';
import { inspectJson, layoutName, validateJson, countFindings } from '../json';
import { loadAndAnalyse } from '../load';
import { num, table } from '../text';
import type { Io } from '../io';
import { writeFindingsReport } from './report';
import { fiscalYearLabel } from '../../core/values/fiscal-year';

const SEVERITY = {
  ja: { error: 'エラー', warning: '警告', info: '情報' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

export async function inspectCommand(args: Args, io: Io): Promise<number> {
  const file = one(args);
  const { analysis: a } = await loadAndAnalyse(file, args);
  if (args.json) {
    io.out(JSON.stringify(inspectJson(a, args.lang), null, 2));
    return 0;
  }
  const ja = args.lang === 'ja';
  io.out(`${file}`);
  for (const c of a.detection.chosen) {
    io.out(
      ja
        ? `レイアウト: ${c.layout}${c.forced ? '（指定）' : ''}  確からしさ ${c.score.toFixed(2)}  シート ${c.sheets.length} 枚`
        : `layout: ${c.layout}${c.forced ? ' (forced)' : ''}  score ${c.score.toFixed(2)}  ${c.sheets.length} sheet(s)`,
    );
    for (const r of c.reasons.slice(0, 3)) io.out(`  - ${r.sheet}: ${r.reason[args.lang]}`);
    if (c.reasons.length > 3) io.out(ja ? `  - ほか ${c.reasons.length - 3} シート` : `  - and ${c.reasons.length - 3} more sheets`);
  }
  if (a.detection.unclaimed.length) {
    io.out((ja ? '読み込まなかったシート: ' : 'sheets not read: ') + a.detection.unclaimed.join(', '));
  }
  const fy = a.plan.reportFy;
  io.out(
    ja
      ? `報告年度: ${fy ? fiscalYearLabel(fy) : '不明'}  取組: ${a.plan.items.length} 件`
      : `report year: ${fy ? fiscalYearLabel(fy, 'en') : 'unknown'}  items: ${a.plan.items.length}`,
  );
  const rows = a.plan.policies.map((p) => {
    const items = a.plan.items.filter((i) => i.policyKey === p.key);
    const indicators = items.reduce((s, i) => s + i.indicators.length, 0);
    return [`${p.key} ${p.name}`, String(items.length), String(indicators)];
  });
  io.out(table([a.plan.policyLabel, ja ? '取組' : 'items', ja ? '指標' : 'indicators'], rows, [false, true, true]));
  const c = countFindings(a);
  io.out(ja ? `検証: エラー ${c.error} / 警告 ${c.warning} / 情報 ${c.info}` : `checks: ${c.error} errors / ${c.warning} warnings / ${c.info} info`);
  return 0;
}

export async function validateCommand(args: Args, io: Io): Promise<number> {
  const file = one(args);
  const loaded = await loadAndAnalyse(file, args);
  const a = loaded.analysis;
  const report = args.writeReport ? await writeFindingsReport(loaded, args) : undefined;
  const c = countFindings(a);
  if (args.json) {
    io.out(JSON.stringify(validateJson(a, file, args.lang), null, 2));
    if (report) io.err(report[args.lang]);
  } else {
    const ja = args.lang === 'ja';
    io.out(`${file}  (${layoutName(a)})`);
    for (const f of a.findings) {
      const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
      io.out(`[${SEVERITY[args.lang][f.severity]}] ${f.code} ${where}${f.itemId ? ` (${f.itemId})` : ''}: ${f.message[args.lang]}`);
    }
    io.out(
      ja
        ? `\nエラー ${num(c.error)} 件 / 警告 ${num(c.warning)} 件 / 情報 ${num(c.info)} 件 — ${c.error === 0 ? '提出できます' : 'エラーを直してから提出してください'}`
        : `\n${num(c.error)} errors / ${num(c.warning)} warnings / ${num(c.info)} info — ${c.error === 0 ? 'ready to submit' : 'fix the errors before submitting'}`,
    );
    if (report) io.out(report[args.lang]);
  }
  return c.error > 0 ? 1 : 0;
}

export function one(args: Args): string {
  if (args.files.length !== 1) throw new UsageError(`${args.command}: give exactly one workbook`);
  return args.files[0];
}
