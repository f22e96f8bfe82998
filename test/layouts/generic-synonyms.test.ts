import { isYearOnly, labelConflicts, PARTIAL_STRENGTH, strippedKey } from '../../src/core/layouts/kit/labels';
import { GENERIC_TABLE, matchHeader } from '../../src/core/layouts/generic/spec';
import { SYNONYMS } from '../../src/core/layouts/generic/synonyms';
import { analyse } from '../../src/core/engine/analyse';

describe('generic synonyms', () => {
  it('no header text is claimed by two fields', () => {
    expect(labelConflicts(GENERIC_TABLE)).toEqual([]);
  });

  it.each(Object.entries(SYNONYMS).flatMap(([field, list]) => list.map((s) => [s, field])))(
    'synonym %s names %s exactly',
    (synonym, field) => {
      expect(matchHeader(synonym)).toMatchObject({ field, strength: 1 });
    },
  );

  it.each([
    // header as typed, field, fiscal year
    ['令和6年度実績', 'actual', 2024],
    ['R6目標', 'target', 2024],
    ['Ｒ６目標', 'target', 2024],
    ['2024年度 目標値', 'target', 2024],
    ['現状 (令和 2 年)', 'baseline', 2020],
    ['現状（令和1年）', 'baseline', 2019],
    ['目標値（令和８年）', 'target', 2026],
    ['R 5 取組状況', 'status', 2023],
    ['R5取組状況', 'status', 2023],
    ['令和元年度 評価', 'rating', 2019],
    ['効果額(見込)', 'effectPlanned', undefined],
    ['効果額（見込）', 'effectPlanned', undefined],
    ['効果額（予定）', 'effectPlanned', undefined],
    ['実績効果額（千円）', 'effectActual', undefined],
    ['効果見込額(千円)', 'effectPlanned', undefined],
    ['進捗状況（評価）', 'rating', undefined],
    ['【取組番号】', 'id', undefined],
    ['部局・所属名', 'department', undefined],
    ['今後の課題・方向性', 'note', undefined],
    ['目標(値)', 'target', undefined],
    ['実績（値）', 'actual', undefined],
    ['No.', 'id', undefined],
    ['ＮＯ．', 'id', undefined],
    ['指 標', 'indicator', undefined],
    ['テーマ\nプログラム', 'group', undefined],
  ])('%s → %s (fy %s)', (text, field, fy) => {
    const m = matchHeader(text);
    expect(m?.field).toBe(field);
    expect(m?.fy).toBe(fy);
  });

  it.each([
    ['計画最終年度の目標値(令和9年度)', 'finalTarget'],
    ['指標の現状値（令和4年度）', 'baseline'],
    ['担当課・係', 'department'],
    ['全期間総合評価', 'rating'],
  ])('partial match %s → %s, less sure than an exact one', (text, field) => {
    const m = matchHeader(text);
    expect(m?.field).toBe(field);
    expect(m!.strength).toBeLessThanOrEqual(1);
  });

  it('a partial match is weaker than an exact one', () => {
    expect(matchHeader('主な担当課の名前')).toMatchObject({ field: 'department', strength: PARTIAL_STRENGTH });
  });

  it.each(['', '   ', '改善メニュー', 'ねらい値', '〇〇市行政改革実施計画 進捗管理表の記入にあたっての注意事項と記入例', 'Notebook', '現状と課題'])(
    '%s names no field',
    (text) => {
      expect(matchHeader(text)).toBeUndefined();
    },
  );

  it('year-only headers are schedule columns, not fields', () => {
    expect(isYearOnly('2021年度 (R3)')).toBe(true);
    expect(isYearOnly('R5年度')).toBe(true);
    expect(isYearOnly('令和6年度実績')).toBe(false);
    expect(strippedKey('2021年度 (R3)')).toBe('');
  });

  it.each([['財政効果額（千円）令和5年度', '計画'], ['財政効果額（千円）令和5年度', '予定額'], ['効果額 令和5年度', '計画']])('%s over %s | 実績 reads both amounts', (over, leaf) => {
    const values = [
      ['令和6年度 行政改革 進捗管理表'],
      ['基本方針', '取組名', '評価', over, null, over.replace('5年度', '6年度'), null],
      [null, null, null, leaf, '実績', leaf, '実績'],
      ['1 財政', '補助金の見直し', 'A', 1000, 900, 2000, 2500],
      ['1 財政', '施設の統廃合', 'B', 500, 400, 700, 650],
    ];
    const merges = [0, 1, 2].map((c) => ({ top: 1, left: c, bottom: 2, right: c })).concat([{ top: 1, left: 3, bottom: 1, right: 4 }, { top: 1, left: 5, bottom: 1, right: 6 }]);
    const a = analyse({ name: 'c.xlsx', sheets: [{ name: '進捗', values, merges }] });
    expect(a.plan.reportFy).toBe(2024);
    expect([a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([2700, 3150]);
  });

  it('計画 names no field outside an effect header', () => {
    expect(matchHeader('計画')).toBeUndefined();
  });

  it('a level column headed in two languages (基本方針 Policy) heads the summary in Japanese', () => {
    const values = [
      ['令和6年度 行財政改革 進捗状況 / FY2024 Reform Progress'],
      ['No.', '取組名 / Item', '担当課', '評価', '効果見込額 Planned (千円)', '実績効果額 Actual (千円)', '基本方針 Policy'],
      [1, '窓口手続のオンライン化', '市民課', 'B', 500, 450, 'スマート自治体'],
      [2, '施設の統廃合', '管財課', 'A', 300, 300, '財政基盤'],
    ];
    const a = analyse({ name: 'd11.xlsx', sheets: [{ name: '進捗', values, merges: [] }] });
    expect(a.plan.policyLabel).toBe('基本方針');
  });
});
