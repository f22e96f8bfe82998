import type { CellValue, WorkbookGrid } from '../src/core/grid/types';

const POLICIES = ['行政サービスの最適化', '公共私連携・協働', 'スマート市役所への転換', '公共施設の縮充・最適化', '健全な財政運営'];

/**
 * A progress table of `n` items in a layout no city reader claims (so the generic reader does the
 * work), with the value forms staff type: full-width digits, ▲ negatives, blanks and labels.
 */
export function syntheticWorkbook(n: number): WorkbookGrid {
  const header: CellValue[] = ['基本方針', '取組番号', '取組名', '担当課', '指標', '単位', '目標値', '実績値', '評価', '効果見込額', '実績効果額'];
  const values: CellValue[][] = [['〇〇市行政改革実施計画 進捗管理表（令和6年度）'], [], header];
  for (let i = 0; i < n; i++) {
    const p = i % POLICIES.length;
    const target = 10 + (i % 90);
    const actual = i % 7 === 0 ? '－' : i % 5 === 0 ? String(target - 3).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : target + (i % 11) - 5;
    values.push([
      `${p + 1} ${POLICIES[p]}`,
      `No.${i + 1}`,
      `取組${i + 1}`,
      `課${i % 40}`,
      `指標${i + 1}の件数`,
      '件',
      target,
      actual,
      i % 3 === 0 ? '' : ['A', 'B', 'C'][i % 3],
      i % 4 === 0 ? 1000 + i : '-',
      i % 4 === 0 ? (i % 8 === 0 ? `▲${i}` : 900 + i) : '-',
    ]);
  }
  return { name: `synthetic-${n}.xlsx`, sheets: [{ name: '進捗管理表', values, merges: [] }] };
}
