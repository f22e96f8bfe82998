import type { Item } from '../../model/plan';
import { defineLayout, type HookContext } from '../kit/define';
import type { ItemRow } from '../kit/rows';
import type { LayoutSpecInput } from '../kit/spec';
import { classify } from './classify';
import { MEANS, STANCES } from './grid';
import { findGridSheet, readGridSheet } from './grid-sheet';

/**
 * つくばみらい市 アクションプラン (第4次行財政改革実施計画) progress sheet. The 大綱 (seed 003) fixes only
 * the grid; the sheet is one row per 取組項目 classified by 推進手段 (the top level) and 基本姿勢 /
 * 個別項目, with the yearly plan 2019–2023 (targets where the row has an indicator, plan words where
 * not) and progress columns for the report year. Placing an item in the 7×3 grid is the hook
 * (classify.ts); a copy of the 整理表 kept in the workbook is checked against the 大綱 (grid-sheet.ts).
 * docs/layouts/tsukubamirai.md.
 */

export const TSUKUBAMIRAI_SPEC = {
  id: 'tsukubamirai',
  label: { ja: 'つくばみらい市 行政改革', en: 'Tsukubamirai reform plan' },
  policyLabel: '推進手段',
  policies: MEANS.map((m) => ({ key: m.key, name: m.name, order: m.no })),
  scale: 'A-D',
  sample: 'tsukubamirai.xlsx',
  tables: [
    {
      header: { maxRows: 2, minLabels: 3 },
      fields: {
        id: ['No.', 'No', '№', '番号', '項目番号', '通し番号'],
        policy: ['*推進手段*'],
        group: ['*個別項目*', '分類*', '体系*'],
        name: ['*取組項目*', '*具体的施策*', '*取組名*', '*実施項目*', '*改革項目*', '*施策名*', '取組'],
        content: ['*取組内容*', '内容*', '*概要*'],
        department: ['担当課*', '所管課*', '担当', '担当部署*', '所管*'],
        indicator: ['指標*', '成果指標*'],
        unit: ['単位'],
        baseline: ['基準値*', '現状*'],
        finalTarget: ['目標*'],
        actual: ['実績', '実績値'],
        rating: ['評価', '達成状況', '達成度', '判定'],
        status: ['取組状況', '進捗状況', '実施状況', '推進状況', '取組実績'],
        note: ['課題*', '今後*', '改善*', '備考', '方向性'],
      },
      classes: { 基本姿勢: ['*基本姿勢*'] },
      spanning: ['年度別計画', '年度計画', '計画'],
      required: ['name'],
      // The 個別項目 code `(3)-②` names the 推進手段 too: either column places an item.
      oneOf: [['policy', 'group']],
      expected: ['department', 'indicator', 'baseline', 'finalTarget'],
      carryDown: ['policy'],
      continuation: 'none',
      yearColumns: 'target',
      wrap: 'join',
    },
  ],
} satisfies LayoutSpecInput;

/** The item's place in the 7×3 grid, from whichever of 推進手段, 基本姿勢 and 個別項目 the sheet gives. */
function placeInGrid(item: Item, ir: ItemRow, ctx: HookContext): void {
  const { row } = ir;
  const meansCol = row.col('policy');
  const stanceCol = row.classCol('基本姿勢');
  const cellCol = row.col('group');
  const cl = classify(
    {
      ...(meansCol ? { means: { text: row.text('policy') || ir.carried.policy || '', cell: row.ref(meansCol) } } : {}),
      ...(stanceCol ? { stance: { text: row.classText('基本姿勢'), cell: row.ref(stanceCol) } } : {}),
      ...(cellCol ? { item: { text: row.text('group'), cell: row.ref(cellCol) } } : {}),
    },
    item.id,
  );
  ctx.findings.push(...cl.findings);
  const means = cl.means !== undefined ? MEANS[cl.means - 1] : undefined;
  const stance = cl.stance !== undefined ? STANCES[cl.stance - 1] : undefined;
  item.policyKey = means?.key ?? '?';
  item.policyName = means?.name ?? '(未分類)';
  if (cl.cell) {
    item.groupKey = cl.cell.id;
    item.groupName = cl.cell.name;
  } else {
    delete item.groupKey;
    delete item.groupName;
  }
  item.classes = { ...(means ? { 推進手段: means.key } : {}), ...(stance ? { 基本姿勢: stance.key } : {}) };
  if (meansCol) item.cells['class:推進手段'] = row.ref(meansCol);
  if (cellCol) item.cells['class:個別項目'] = row.ref(cellCol);
}

export const tsukubamiraiLayout = defineLayout(TSUKUBAMIRAI_SPEC, {
  item: placeInGrid,
  after: (read) => {
    read.classNames = {
      推進手段: Object.fromEntries(MEANS.map((m) => [m.key, m.name])),
      基本姿勢: Object.fromEntries(STANCES.map((s) => [s.key, s.name])),
    };
  },
  sheets: {
    detect: (view) =>
      findGridSheet(view) ? { sheet: view.name, score: 0.7, reason: { ja: '推進手段×基本姿勢の整理表のシートです', en: 'the 推進手段 × 基本姿勢 grid (整理表)' } } : undefined,
    read: (view, ctx) => {
      ctx.findings.push(...readGridSheet(view).findings);
    },
  },
});
