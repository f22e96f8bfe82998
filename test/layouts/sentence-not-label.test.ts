import { analyse } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';

/**
 * A table whose free-text cells happen to hold a label word (「…部局再編案を作成した。」 holds 部局, a
 * 所管課 label on forms) is still a table: a sentence is what someone wrote, never a form's label.
 * Before, this sheet was read as one form whose 所管課 was 「議会への説明。」.
 */
const book: WorkbookGrid = {
  name: 'c08.xlsx',
  sheets: [
    {
      name: '取組状況',
      values: [
        ['第2次行財政改革大綱推進計画\u3000令和6年度取組状況報告', null, null, null, null, null, null, null],
        ['重点項目', '取組番号', '取組事項', '取組状況（令和6年度の取組内容・成果）', '評価', '課題・今後の方向性', '財政効果額（千円）', null],
        [null, null, null, null, null, null, '見込', '実績'],
        ['公共施設の最適化', '1-1', '公共施設マネジメントの推進', '・個別施設計画を改訂した。\n・集会所を統合し、2施設を廃止した。', 'B', '跡地活用の方針決定が課題。', 15000, 12000],
        [null, '1-2', '指定管理者制度の見直し', '・モニタリング評価を全施設で実施（評価A：5施設、B：3施設）。', 'A', '引き続き実施。', 3000, 3200],
        [null, '1-3', '受益者負担の適正化', '使用料の見直し方針を策定したが、改定は次年度以降に延期した。', null, '改定時期の再検討。', '－', '－'],
        ['デジタル化の推進', '2-1', '行政手続のオンライン化', '・電子申請可能な手続を185件に拡大した。', 'A', null, 2000, 2600],
        [null, '2-2', '窓口業務の改善', '書かない窓口を本庁舎で試行導入した。', 'B', '支所展開。', 0, 0],
        [null, '2-3', 'AI・RPAの活用', 'RPAの対象業務を5業務追加した。', '－', '効果測定の方法を検討。', 1500, 1800],
        ['人材と組織', '3-1', '職員の人材育成', '階層別研修を実施した。', '対象外', null, 0, 0],
        [null, '3-2', '組織機構の見直し', '令和7年4月の組織改正に向け、部局再編案を作成した。', null, '議会への説明。', 5000, '－'],
        [null, '3-3', '定員管理の適正化', '定員適正化計画に基づき職員数を管理した。', 'A', null, 40000, 45000],
      ],
      merges: [
        ...[0, 1, 2, 3, 4, 5].map((c) => ({ top: 1, left: c, bottom: 2, right: c })),
        { top: 1, left: 6, bottom: 1, right: 7 },
        { top: 3, left: 0, bottom: 5, right: 0 },
        { top: 6, left: 0, bottom: 8, right: 0 },
        { top: 9, left: 0, bottom: 11, right: 0 },
      ],
    },
  ],
};

test('a status sentence holding 部局 leaves the sheet a table of its nine items', () => {
  const a = analyse(book);
  expect(a.detection.chosen.map((c) => c.layout)).toEqual(['generic']);
  expect(a.plan.items).toHaveLength(9);
  expect([a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([66500, 64600]);
});
