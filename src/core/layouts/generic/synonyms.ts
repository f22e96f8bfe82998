import type { DataField } from '../../model/fields';

/**
 * Header texts that name each field, as seen in the five seed cities and common in other cities'
 * progress sheets. Data, not logic: `header-match.ts` compares them with `headerKey()` after the
 * fiscal year and unit annotations are taken out of the header (`令和6年度実績` → 実績, fy 2024).
 *
 * Order inside a list does not matter; an exact match beats a partial one and, among partial
 * matches, the longest synonym wins (so 実績効果額 is an effect, not an actual).
 */
export const SYNONYMS: Readonly<Partial<Record<DataField, string[]>>> = {
  policy: [
    '基本方針', '重点項目', '視点', '基本姿勢', '施策の柱', '改革の柱', '基本目標', '基本施策', '大項目', '区分',
    'Policy', 'Basic policy', 'Pillar',
  ],
  group: [
    '推進項目', '改革の推進項目', 'テーマプログラム', '改革項目', '取組区分', '推進方策', '取組方針', '中項目', '施策',
    'Program', 'Theme',
  ],
  id: ['取組番号', 'No.', 'No', 'NO.', '番号', '項目番号', '整理番号', '通し番号', '通番', '連番', '№', '#', 'ID', '管理番号'],
  name: [
    '実施項目', '取組項目', '取組事項', '具体的取組', '具体的な取組', '取組名', '取組の名称', '実施項目名', '事業名',
    '項目名', '主な取組', '改革取組', '行動計画項目', '改革項目名', '取組項目名', '実行プログラム', '推進項目名', '個別取組',
    'Item', 'Item name', 'Action',
  ],
  department: [
    '所管課', '担当課', '実施担当', '部局・所属名', '担当部署', '所管部署', '担当部局', '担当課名', '主管課', '取組主管',
    '所管', '部局', '所属名', '所属', '課名', '担当', '所管部局', 'Department', 'Dept',
  ],
  indicator: [
    '指標', 'KPI', '成果指標', '指標名', '指標の内容', '活動指標', '目標指標', '評価指標', '数値目標', '指標(行動/成果)',
    '成果指標名', 'Indicator',
  ],
  unit: ['単位', 'Unit'],
  baseline: ['現状値', '基準値', '現状', '策定時', '計画策定時', '指標の現状値', '当初値', '基準年度値', '現状値(基準値)', 'Baseline'],
  target: ['目標値', '目標', '計画値', '年度目標', '目標(値)', '目標数値', 'Target'],
  finalTarget: ['計画最終年度の目標値', '最終目標値', '最終目標', '目標値(最終年度)', 'Final target'],
  actual: ['実績値', '実績', '実績(値)', '達成値', '結果', '実績数値', 'Actual', 'Result'],
  rating: [
    '評価', '達成状況', '進捗状況(評価)', '自己評価', '進捗評価', '達成度', '評価結果', '総合評価', '評価区分', '進捗度',
    '進捗評価結果', '所管課評価', '評定', '判定', '評価判定', '進捗判定', '達成判定', '自己判定', 'Rating', 'Evaluation',
  ],
  effectPlanned: [
    '効果見込額', '効果額(見込)', '見込額', '財政効果見込額', '効果額見込', '見込効果額', '計画効果額', '目標効果額',
    '削減見込額', '効果額(計画)', '財政効果(見込)', '財政効果見込', '財政効果額(見込)', '財政効果(計画)', '財政効果額(計画)',
    '効果額(見込み)', '削減効果(見込)', '削減効果額(見込)', '削減効果見込額', '効果額(予定)', 'Planned effect',
  ],
  effectActual: [
    '実績効果額', '効果額(実績)', '実績額', '財政効果額(実績)', '効果実績額', '効果額実績', '削減実績額', '財政効果(実績)',
    '財政効果実績', '財政効果実績額', '削減効果(実績)', '削減効果額(実績)', '削減効果実績額', 'Actual effect',
  ],
  status: [
    '取組状況', '実施状況', '取組実績', '進捗内容', '取組結果', '進捗状況', '取組の状況',
    '実施結果', '取組実績・特記', '取組実績特記', 'Status', 'Progress',
  ],
  content: ['推進内容', '取組概要', '事業概要', '取組の概要', '実施内容', '取組内容', '実施内容(計画)', 'Description'],
  schedule: ['実施時期', 'スケジュール', '年次計画', '展開スケジュール', '実施年度', '目標年度', '完了年度', '実施予定年度', '工程', '実施工程', '行動計画', 'Schedule'],
  note: [
    '備考', '今後の課題・方向性', '今後の課題', '今後の方向性', '課題', '今後の取組', '特記事項', '意見', '課題・方向性',
    'Note', 'Notes', 'Remarks',
  ],
};
