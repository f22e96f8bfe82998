import type { HearingList } from '../consolidate/hearing';
import type { OwnedSheetTarget } from '../settings/ownership';
import type { CellLink } from './breakdown-sheet';
import { fiscalYearLabel } from '../values/fiscal-year';
import { ownedSheetPlan, putRow, putTitle, sheetCells } from './owned-sheet';
import type { WritePlan } from './write-plan';

/**
 * The ヒアリング候補 sheet: the items to ask departments about, one row per item with every reason
 * on it (and the reason codes, for filtering), and where the item is.
 */
export const HEARING_ROLE = 'hearing';
export const HEARING_SHEET = 'ヒアリング候補';

export interface HearingSheetOptions {
  lang: 'ja' | 'en';
  target: OwnedSheetTarget;
  groupLabel: string;
  linkTo?: CellLink;
  createdAt?: string;
}

export function planHearingSheet(list: HearingList, opts: HearingSheetOptions): WritePlan {
  const { lang, target } = opts;
  const ja = lang === 'ja';
  const s = sheetCells(target.name);
  const year = list.reportFy !== null ? fiscalYearLabel(list.reportFy, lang) : '';
  const title = ja ? `${year ? `${year} ` : ''}ヒアリング候補（${list.entries.length} 件）` : `Items to ask about${year ? `, ${year}` : ''} (${list.entries.length})`;
  const sub = ja
    ? `評価が基準と異なる、前年度より下がった、現状値より悪化しているのに A・B、実績が未入力、所管課の評価がすべて最上位、のいずれかに当たる取組です。${opts.createdAt ? ` 作成日時 ${opts.createdAt}` : ''}`
    : `Items whose rating differs from the rule, fell since last year, is good on an actual worse than the baseline, has no actual, or whose department rated everything at the top.${opts.createdAt ? ` Made ${opts.createdAt}.` : ''}`;
  let r = putTitle(s, title, target, lang, sub);
  const header = ja
    ? ['No.', opts.groupLabel, '取組番号', '取組名', '所管課', '評価', '確認すること', 'コード', 'ファイル', 'シート', 'セル']
    : ['No.', opts.groupLabel, 'Item no.', 'Item', 'Department', 'Rating', 'What to ask', 'Codes', 'File', 'Sheet', 'Cell'];
  putRow(s, r, header, { head: true });
  list.entries.forEach((e, i) => {
    r++;
    putRow(s, r, [i + 1, e.group, e.itemId, e.name, e.department, e.rating, null, e.reasons.map((x) => x.code).join(ja ? '、' : ', '), e.file, e.sheet, e.cell]);
    s.put(r, 6, e.reasons.map((x) => x.message[lang]).join('\n'), { style: { border: true, wrap: true } });
    const link = opts.linkTo?.(e.file, e.sheet, e.cell);
    if (link) s.put(r, 10, e.cell, { style: { border: true }, link });
  });
  if (list.entries.length === 0) {
    r++;
    s.put(r, 0, ja ? '確認が必要な取組はありません。' : 'Nothing to ask about.');
  }
  return ownedSheetPlan('hearing', target, s, {
    columnWidths: { A: 6, B: 8, C: 10, D: 34, E: 20, F: 6, G: 60, H: 14, I: 24, J: 14, K: 8 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
  });
}
