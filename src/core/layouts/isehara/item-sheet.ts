import { finding } from '../../validation/finding';
import { normalizeWidth, parseCircled, readDepartments } from '../../values';
import { defineLayout } from '../kit/define';
import type { LayoutSpecInput } from '../kit/spec';
import { formatIseharaCode, iseharaGroup, iseharaPolicy, ISEHARA_POLICIES, ISEHARA_POLICY_LABEL, parseGroupCell, parsePolicyCell, splitItemName } from './common';

/**
 * Isehara 実施項目・進捗管理シート (seed 004, 参考②): one form per item, a form spec on the kit. Every
 * part is found by its label (基本方針, 実施項目, 指標(行動/成果), 評価, 〔小計〕 …), so copies with title
 * rows, an empty column in front, retyped labels or sheets in another order read the same. The one
 * hook is the city's own item code 1(2)④, built from the 基本方針, 推進項目 and item numbers.
 */

export const ISEHARA_SHEET_LAYOUT = 'isehara-sheet';
const SHEET_LABEL = { ja: '実施項目・進捗管理シート', en: 'an Isehara item sheet' };

/** ①, ⑪, 11, (11), or a circled number followed by the name in one cell. */
const NUMBER_LIKE = '^(?:[\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf]|\\(?\\d{1,2}\\)?(?:$|\\s))';

export const ISEHARA_SHEET_SPEC = {
  id: ISEHARA_SHEET_LAYOUT,
  label: { ja: '伊勢原市 実施項目・進捗管理シート', en: 'Isehara item sheets' },
  policyLabel: ISEHARA_POLICY_LABEL,
  policies: [...ISEHARA_POLICIES],
  period: { from: 2023, to: 2027 },
  scale: 'A-D',
  rulePack: 'isehara',
  sample: 'isehara-full.xlsx',
  form: {
    fields: {
      基本方針: { labels: ['基本方針'], values: ['policy', 'policyName'] },
      改革の推進項目: { labels: ['改革の推進項目'], values: ['group'] },
      実施項目: { labels: ['実施項目'], values: [{ key: 'id', match: NUMBER_LIKE, optional: true }, 'name', { key: 'department', match: '^[【[〔［(（]', seek: true }] },
      '指標(行動/成果)': { labels: ['指標', '指標(行動/成果)', '成果指標', '指標(行動/成果)本年計画'], values: ['indicator'] },
      単位: { labels: ['単位'], values: ['unit'], row: '指標(行動/成果)' },
      指標の現状値: { labels: ['指標の現状値'], values: ['baseline'], row: '指標(行動/成果)' },
      計画最終年度の目標値: { labels: ['計画最終年度の目標*'], values: ['finalTarget'], row: '指標(行動/成果)', fused: '^計画最終年度の目標値?' },
      年次計画: { labels: ['年次計画*'] },
      取組実績: { labels: ['取組実績*'] },
      '〔小計〕効果見込額': { labels: ['*小計*効果見込額*'], values: ['effectPlannedSubtotal'] },
      '〔小計〕実績効果額': { labels: ['*小計*実績効果額*'], values: ['effectActualSubtotal'] },
    },
    required: ['実施項目'],
    years: {
      after: ['年次計画*'],
      anchor: ['評価', '全期間総合評価'],
      // 令和5年度 | 年次計画 | 目標値 | 評価 | 評価記号 | 実績値; below: 効果見込額 | 取組実績 | 実績効果額.
      cells: { target: -1, rating: 1, actual: 2 },
      lower: { effectPlanned: -1, status: 0, effectActual: 2 },
      skip: 1,
    },
    // The sheets were drawn up in 令和4年度 (legend ケ): a 現状値 without a year is of 2022.
    baselineFy: 2022,
  },
  detect: { base: 0.5, max: 1 },
} satisfies LayoutSpecInput;

export const iseharaSheetLayout = defineLayout(ISEHARA_SHEET_SPEC, {
  form: {
    item(item, form, v, ctx) {
      const label = form.labels.実施項目!;
      const at = (p: { row: number; col: number } | undefined) => (p ? v.ref(p.row, p.col) : { sheet: v.name, address: 'A1' });
      const unreadable = (p: { row: number; col: number } | undefined, ja: string, en: string): false => {
        ctx.findings.push(finding('LAY003', at(p), { sheet: v.name, layout: SHEET_LABEL, reason: { ja, en } }));
        return false;
      };
      const noAt = form.cells.id;
      if (!noAt) return unreadable(label, '「実施項目」の番号が見つかりません。', 'no 実施項目 number found.');
      const policyKey = policyOf(v.value(form.cells.policy?.row ?? -1, form.cells.policy?.col ?? -1), [form.cells.policy, form.cells.policyName].filter((p) => !!p).map((p) => v.text(p!.row, p!.col)).join(' '));
      if (!policyKey) return unreadable(form.labels.基本方針, '「基本方針」の番号が読めません。', 'the 基本方針 number is unreadable.');
      const groupNo = form.cells.group ? parseGroupCell(v.text(form.cells.group.row, form.cells.group.col)) : undefined;
      const group = groupNo !== undefined ? iseharaGroup(groupNo) : undefined;
      if (!group) return unreadable(form.labels.改革の推進項目, '「改革の推進項目」の番号が読めません。', 'the 改革の推進項目 number is unreadable.');
      if (group.policyKey !== policyKey) {
        ctx.findings.push(
          finding('LAY012', at(form.cells.group), { what: { ja: '基本方針', en: 'policy' }, first: `基本方針 ${policyKey}`, second: `改革の推進項目 ${group.key} → ${group.policyKey}`, used: `基本方針 ${policyKey}` }),
        );
      }
      const noText = v.text(noAt.row, noAt.col);
      const split = splitItemName(noText);
      const itemNo = split.itemNo ?? parseCircled(noText) ?? (/^\d{1,2}$/.test(normalizeWidth(noText)) ? Number(normalizeWidth(noText)) : undefined);
      if (itemNo === undefined) return unreadable(noAt, `実施項目の番号「${noText}」が読めません。`, `item number "${noText}" is unreadable.`);
      if (form.years.length === 0) return unreadable(form.labels.年次計画 ?? label, '年度ごとの欄(令和5年度…・評価)が見つかりません。', 'no year blocks (令和5年度 … 評価) found.');
      const policy = iseharaPolicy(policyKey)!;
      item.id = formatIseharaCode({ policyKey, groupNo: group.no, itemNo });
      if (split.itemNo !== undefined && split.name) item.name = split.name.replace(/\s+/g, ' ');
      item.policyKey = policyKey;
      item.policyName = policy.name;
      item.groupKey = group.key;
      item.groupName = group.name;
      item.source.row = label.row;
      item.effects ??= { unit: '千円', byYear: [] };
    },
    // The sheets alone cover only the items that have one; reconciling with 取組項目一覧 finds the rest.
    after(read) {
      const items = read.items;
      if (items.length) read.findings.push(finding('ISS008', { sheet: items[0].source.sheet, address: 'A1' }, { n: items.length, ids: items.map((i) => i.id) }));
    },
  },
});

function policyOf(no: unknown, text: string): string | undefined {
  if (typeof no === 'number' && iseharaPolicy(String(no))) return String(no);
  return parsePolicyCell(text);
}

/** 【総務部 職員課、企画部 経営企画課】 〔関連所属；…〕 → lead departments and the related text (the value module's reader). */
export const parseDepartments = readDepartments;

/** Exposed for the combiner and tests: the sheet's id key for matching by name. */
export { nameKey } from '../list-sheets';
