import type { Plan } from '../model/plan';
import type { OwnedSheetTarget } from '../settings/ownership';
import type { Finding } from '../validation/finding';
import { verdictOf } from '../validation/verdict';
import { ownedSheetPlan, putRow, putTitle, sheetCells } from './owned-sheet';
import type { WritePlan } from './write-plan';

/**
 * The 検証結果 sheet: the findings of `validate`, written into the workbook itself so they travel
 * with it. A department sends its checked workbook and the planning section sees the same result;
 * validating the file again on receipt gives the same codes, because owned sheets are never read as
 * data. Plain cells only (no macros, no objects): it survives the file cleaning between LGWAN and
 * internet segments. Each cell reference is a link to the cell, and shows its address as text.
 */
export const FINDINGS_ROLE = 'findings';
export const FINDINGS_SHEET = '検証結果';

const SEVERITY = {
  ja: { error: 'エラー', warning: '警告', info: '情報' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
} as const;

export interface FindingsSheetOptions {
  lang: 'ja' | 'en';
  target: OwnedSheetTarget;
  workbook: string;
  /** Sheets of the workbook, so only cells that exist become links. */
  sheets: readonly string[];
  createdAt?: string;
}

/** The verdict as validate gives it (verdict.ts): errors block submission, and so does a plan with no rating column. */
function verdictText(plan: Plan, findings: readonly Finding[], lang: 'ja' | 'en'): string {
  const v = verdictOf(plan, findings);
  const ja = lang === 'ja';
  if (v.items === 0) return ja ? '取組が見つからないため、チェックできません' : 'no items were found, so nothing could be checked';
  if (v.errors > 0) return ja ? 'まだ提出できません。エラーを直してください' : 'not ready to submit: fix the errors first';
  if (v.planItems > 0) return ja ? '進捗報告としてはまだ提出できません。評価を書く欄がありません' : 'not ready as a progress report: there is no rating column yet';
  return ja ? '提出できます' : 'ready to submit';
}

export function planFindingsSheet(plan: Plan, findings: readonly Finding[], opts: FindingsSheetOptions): WritePlan {
  const { lang, target } = opts;
  const ja = lang === 'ja';
  const s = sheetCells(target.name);
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  const title = ja ? `検証結果（${opts.workbook}）` : `Check results (${opts.workbook})`;
  const plural = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  const verdict = ja
    ? `エラー ${n.error} 件 / 警告 ${n.warning} 件 / 情報 ${n.info} 件: ${verdictText(plan, findings, lang)}${opts.createdAt ? `。${opts.createdAt} 作成` : ''}`
    : `${plural(n.error, 'error')} / ${plural(n.warning, 'warning')} / ${plural(n.info, 'note')}: ${verdictText(plan, findings, lang)}${opts.createdAt ? `. Made ${opts.createdAt}` : ''}`;
  let r = putTitle(s, title, target, lang, verdict);
  const header = ja ? ['No.', '重要度', 'コード', 'シート', 'セル', '取組', '内容'] : ['No.', 'Severity', 'Code', 'Sheet', 'Cell', 'Item', 'Message'];
  putRow(s, r, header, { head: true });
  const known = new Set(opts.sheets);
  findings.forEach((f, i) => {
    r++;
    putRow(s, r, [i + 1, SEVERITY[lang][f.severity], f.code, f.sheet, f.cell, f.itemId ?? '', f.message[lang]]);
    if (f.cell && known.has(f.sheet)) s.put(r, 4, f.cell, { style: { border: true }, link: { sheet: f.sheet, address: f.cell } });
    s.put(r, 6, f.message[lang], { style: { border: true, wrap: true } });
  });
  if (findings.length === 0) {
    r++;
    s.put(r, 0, ja ? '指摘はありません。' : 'No findings.');
  }
  return ownedSheetPlan('findings-report', target, s, {
    columnWidths: { A: 6, B: 8, C: 9, D: 18, E: 8, F: 10, G: 80 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
  });
}
