import { z } from 'zod';

/**
 * みらい改革プラン (第4次つくばみらい市行財政改革大綱, 2019–2023), 表「改革のための推進手段（個別項目）整理表」:
 * 7 推進手段 × 3 基本姿勢 = 21 個別項目. The circled number of a 個別項目 is its 基本姿勢 number, which is
 * what lets a sheet be checked. Texts are the table's (the body headings differ in (2)-③ 「，」 and
 * (5)-③ 活かされる), with the PDF's line-wrap spaces removed.
 */

export const MeansSchema = z.object({ no: z.number().int().min(1).max(7), key: z.string(), name: z.string() });
export const StanceSchema = z.object({
  no: z.number().int().min(1).max(3),
  /** The key items carry in classes.基本姿勢: the circled digit, as 個別項目 are numbered. */
  key: z.string(),
  name: z.string(),
  /** Short name for narrow column headers. */
  short: z.string(),
});
export const GridCellSchema = z.object({
  means: z.number().int().min(1).max(7),
  stance: z.number().int().min(1).max(3),
  /** `(3)-②` */
  id: z.string(),
  name: z.string(),
});
export type Means = z.infer<typeof MeansSchema>;
export type Stance = z.infer<typeof StanceSchema>;
export type GridCell = z.infer<typeof GridCellSchema>;

export const MEANS: readonly Means[] = z.array(MeansSchema).parse([
  { no: 1, key: '(1)', name: '市民満足度の向上' },
  { no: 2, key: '(2)', name: '協働・連携' },
  { no: 3, key: '(3)', name: '行政評価・選択と集中' },
  { no: 4, key: '(4)', name: '行政情報提供と魅力発信' },
  { no: 5, key: '(5)', name: 'ICTの積極活用' },
  { no: 6, key: '(6)', name: 'リスク管理と公平・公正な業務' },
  { no: 7, key: '(7)', name: 'コスト意識' },
]);

export const STANCES: readonly Stance[] = z.array(StanceSchema).parse([
  { no: 1, key: '①', name: '時代変化を先取りする“人・組織”の質的改革', short: '“人・組織”' },
  { no: 2, key: '②', name: '好循環の流れを築く財政運営の質的改革', short: '財政運営' },
  { no: 3, key: '③', name: 'しあわせな市民を増やす行政サービスの質的改革', short: '行政サービス' },
]);

const CELL_NAMES: readonly (readonly [string, string, string])[] = [
  ['コミュニケーションのある組織の風土づくり', '未来を展望した施策・事業への積極投資', '地域の特性や強みを生かした施策・事業の展開'],
  ['市民とともに共通の目的に向かう組織を作る', '産学官など多様な主体と、専門性を生かした連携', '市民とともに協働し、支え合い、ともに切り開く'],
  ['視覚化（みえる化）・共有化による効果的な人・組織づくり', '実施計画・予算編成との連携', '効果的な推進手段を選択する仕組みづくり'],
  ['庁内における情報共有', '市外に向けた魅力発信', '「協働のまちづくり」に向けた積極的な情報発信'],
  ['新しい技術の研究と積極的な活用', '業務の効率化と省力化', '市民の声が生かされる仕組みの構築'],
  ['コンプライアンスの徹底による組織運営', 'みらい改革プランの推進による健全な財政運営', '市民の安全・安心の確保と内部規律を保つリスク管理'],
  ['職員及び組織全体におけるコスト意識の醸成', 'コスト比較による外部への業務移管', '市民協働による効率的・効果的な公共サービスの展開'],
];

export function cellId(means: number, stance: number): string {
  return `(${means})-${STANCES[stance - 1]?.key ?? `(${stance})`}`;
}

export const GRID: readonly GridCell[] = z.array(GridCellSchema).parse(
  CELL_NAMES.flatMap((row, i) => row.map((name, j) => ({ means: i + 1, stance: j + 1, id: cellId(i + 1, j + 1), name }))),
);

export function gridCell(means: number, stance: number): GridCell | undefined {
  return GRID.find((c) => c.means === means && c.stance === stance);
}
