import list from '../../../test/fixtures/seed-data/seed-004-isehara-list.json';
import { buildPlan, type ItemSpec } from '../../../test/helpers/plan-builder';
import { DEFAULT_RULES } from './config';
import { evaluatePlan } from './evaluate';

/**
 * How far direction-vs-baseline explains Isehara's published R5 ratings (DOMAIN §5). Items come from
 * the 71-row list (code, unit, R5 target/actual, rating); baselines and final targets come from the
 * item sheets (seed 004, the 指標の現状値 line of each sheet, line numbers below), since the list
 * has neither. Directions are not given: the inference has to find them from names and caps.
 */
const SHEET_BASELINE_FINAL: Record<string, [string, string]> = {
  '1(1)①': ["-", "8"], // line 266
  '1(1)②': ["", ""], // line 284
  '1(1)③': ["4", "7"], // line 306
  '1(1)④': ["未導入", "導入方針の決定"], // line 324
  '1(2)①': ["40", "60"], // line 346
  '1(2)②': ["未整備", "運用中"], // line 368
  '1(2)③': ["▲19.6%", "未定"], // line 390
  '1(2)④': ["22,931", "21,254"], // line 407
  '1(2)⑤': ["5", "10"], // line 429
  '1(2)⑥': ["未導入", "導入準備完了"], // line 451
  '1(2)⑦': ["整備中", "運用中"], // line 468
  '1(3)①': ["667", "672"], // line 490
  '1(3)②': ["-", "実施"], // line 512
  '1(3)③': ["未実施", "実施"], // line 529
  '1(3)④': ["13.9", "11.4"], // line 547
  '1(3)⑤': ["一部実施", "拡充"], // line 569
  '1(3)⑥': ["未実施", "実施"], // line 587
  '2(4)③': ["4", "5"], // line 609
  '2(4)④': ["未定", "決定"], // line 626
  '2(4)⑦': ["未策定", "策定"], // line 649
  '2(4)⑧': ["-", "3"], // line 667
  '2(4)⑨': ["4", "5"], // line 689
  '2(4)⑪': ["6", "10"], // line 707
  '2(4)⑫': ["1", "2"], // line 729
  '2(4)⑬': ["3", "(未定)"], // line 747
  '2(4)⑭': ["未導入", "導入"], // line 765
  '2(4)⑮': ["-", "15"], // line 783
  '2(5)①': ["55", "60"], // line 805
  '2(5)②': ["13", "20"], // line 822
  '2(5)③': ["222", "240"], // line 844
  '2(5)④': ["82", "107"], // line 861
  '2(5)⑤': ["1(76)", "2(86)"], // line 883
  '2(5)⑥': ["0", "150"], // line 905
  '2(5)⑦': ["0", "40"], // line 923
  '3(6)①': ["1,268", "2,500"], // line 945
  '3(6)②': ["検討", "移行完了"], // line 965
  '3(6)③': ["検討", "導入・運用"], // line 987
  '3(6)④': ["17,178", "22,000"], // line 1009
  '3(6)⑤': ["検討", "運用"], // line 1029
  '3(6)⑥': ["16,064", "24,000"], // line 1051
  '3(6)⑦': ["調査・研究", "実証実験"], // line 1071
  '3(6)⑧': ["検討", "運用"], // line 1093
  '4(7)①': ["検討", "試行結果の検証"], // line 1115
  '4(7)②': ["-", "見直しの検討結果に基づく運用"], // line 1133
  '4(7)③': ["-", "<small>基本的な考え方の整理に基づく対応</small>"], // line 1151
  '4(7)④': ["検討", "あり方の方針の決定"], // line 1169
  '4(7)⑤': ["検討", "方針決定"], // line 1191
  '4(7)⑥': ["検討", "実施準備"], // line 1213
  '4(7)⑦': ["3", "3"], // line 1235
  '5(8)①': ["98.2", "99.0"], // line 1257
  '5(8)②': ["41,096千円(令和3年度)", "120,000千円"], // line 1275
  '5(8)③': ["10,800", "30,800"], // line 1297
  '5(8)④': ["検討中", "検討結果のとりまとめ"], // line 1316
  '5(8)⑤': ["-", "17"], // line 1335
  '5(8)⑥': ["32.7", "45.6"], // line 1353
  '5(8)⑦': ["2", "3"], // line 1375
  '5(8)⑧': ["33", "38"], // line 1397
  '5(8)⑨': ["1,706", "2,450"], // line 1415
  '5(8)⑩': ["4", "6"], // line 1437
  '5(8)⑪': ["16", "16"], // line 1459
  '5(8)⑫': ["16,262", "16,000"], // line 1477
  '5(9)②': ["-", ""], // line 1499
  '5(9)④': ["93.64", "95.21"], // line 1522
  '5(10)①': ["16.1億円(令和4年度当初予算)", "30億円以内"], // line 1540
  '5(10)②': ["特定目的基金の見直し", "計画的な積立・活用"], // line 1562
  '5(10)③': ["17.3億円(令和3年度末)", "20億円"], // line 1584
  '5(10)④': ["91.3% (令和3年度)", "90%未満"], // line 1606
};

interface ListRow { code: string; name: string; indicator: string; unit: string; rating: string; target: string; actual: string }

const specs: ItemSpec[] = (list as ListRow[]).map((r) => {
  const [baseline, finalTarget] = SHEET_BASELINE_FINAL[r.code] ?? [undefined, undefined];
  return {
    id: r.code,
    policy: r.code[0],
    name: r.name,
    indicatorName: r.indicator,
    unit: r.unit,
    target: r.target,
    actual: r.actual,
    rating: r.rating,
    ...(baseline !== undefined && baseline !== '' ? { baseline } : {}),
    ...(finalTarget !== undefined && finalTarget !== '' ? { finalTarget } : {}),
  };
});

const plan = buildPlan(specs, { reportFy: 2023 });
const evaluations = evaluatePlan(plan, DEFAULT_RULES);

// The 40 of DOMAIN §5: numeric R5 target and actual, not both zero.
const numeric = evaluations.filter(
  (e) => e.target !== undefined && e.actual !== undefined && !(e.target === 0 && e.actual === 0),
);
const disagree = numeric.filter((e) => e.suggested !== e.entered);

describe('Isehara R5: direction-vs-baseline against published ratings', () => {
  it('reads all 71 items, 40 of them with numeric target and actual', () => {
    expect(plan.items).toHaveLength(71);
    expect(numeric).toHaveLength(40);
  });

  it('agrees on 38 of 40', () => {
    expect(numeric.length - disagree.length).toBe(38);
  });

  it('disagrees only on the two legitimate overrides: 3(6)① AI・RPA and 1(3)① 定員', () => {
    expect(disagree.map((e) => [e.itemId, e.entered, e.suggested, e.direction])).toEqual([
      ['1(3)①', 'B', 'C', 'match'],
      ['3(6)①', 'B', 'A', 'higher'],
    ]);
  });

  it('finds the directions the seed documents for its hard cases', () => {
    const dir = Object.fromEntries(evaluations.map((e) => [e.itemId, e.direction]));
    expect(dir).toMatchObject({
      '1(2)④': 'lower', // 可燃ごみの排出量: R5 target above baseline
      '5(8)⑫': 'higher', // 当期純利益: flat plan below baseline
      '1(3)④': 'lower', // 時間外勤務
      '5(10)①': 'cap-le', // 30億円以内
      '5(10)④': 'cap-lt', // 90%未満
      '1(3)①': 'match', // 定員管理計画上の職員数
    });
  });

  it('makes no suggestion for qualitative items (単位 「-」)', () => {
    const qualitative = plan.items.filter((i) => i.indicators[0]?.qualitative).map((i) => i.id);
    expect(qualitative).toHaveLength(27);
    for (const id of qualitative) expect(evaluations.find((e) => e.itemId === id)?.suggested).toBeUndefined();
  });
});
