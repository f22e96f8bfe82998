import { parseValue } from '../values';
import { inferDirection, resolveDirection, trendDirection, type DirectionInput } from './direction';
import { DEFAULT_RULES } from './config';
import type { Indicator } from '../model/plan';

const v = (s: string) => parseValue(s);

describe('inferDirection', () => {
  const cases: [string, DirectionInput, string, string][] = [
    ['cap 以内 from the target', { name: '市債発行額', baseline: v('16.1億円'), targets: [v('30億円以内')] }, 'cap-le', 'stated'],
    ['cap 未満 from the target', { name: '経常収支比率', baseline: v('91.3%'), targets: [v('90%未満')] }, 'cap-lt', 'stated'],
    ['cap in the final target only', { name: '発行額', finalTarget: v('30億円以下') }, 'cap-le', 'stated'],
    ['Isehara 1(2)④ 排出量: R5 target above baseline yet lower', { name: '可燃ごみの排出量', baseline: v('22,931'), targets: ['23,583', '22,608', '22,040', '21,490', '21,254'].map(v), finalTarget: v('21,254') }, 'lower', 'inferred'],
    ['Isehara 5(8)⑫ 当期純利益: flat plan below baseline yet higher', { name: '各年度ごとの当期純利益', baseline: v('16,262'), targets: Array(5).fill(v('16,000')), finalTarget: v('16,000') }, 'higher', 'inferred'],
    ['時間外勤務', { name: '職員1人当たりの時間外勤務時間(1か月)', baseline: v('13.9'), targets: [v('13.4')] }, 'lower', 'inferred'],
    ['経常収支比率 without cap', { name: '経常収支比率', baseline: v('91.3'), targets: [v('92')] }, 'lower', 'inferred'],
    ['待機児童', { name: '待機児童数', targets: [v('0')] }, 'lower', 'inferred'],
    ['件数の減少', { name: '苦情件数の減少' }, 'lower', 'inferred'],
    ['削減額 is a saving: higher', { name: '経費削減額', baseline: v('100'), targets: [v('50')] }, 'higher', 'inferred'],
    ['Isehara 3(6)① 業務削減時間数: hours saved, higher', { name: 'AI・RPA活用による業務削減時間数（年間）', baseline: v('1,268'), targets: ['1,600', '2,000', '2,500'].map(v) }, 'higher', 'inferred'],
    ['CO2排出量削減率: higher', { name: '市の事務事業のCO2排出量削減率(2013年度比)' }, 'higher', 'inferred'],
    ['定員 plan number: match', { name: '定員管理計画上の職員数', baseline: v('667'), targets: [v('666')] }, 'match', 'inferred'],
    ['full-width spaces in the name', { name: '時間外　勤務' }, 'lower', 'inferred'],
    ['steady rise from baseline', { name: '登録団体数', baseline: v('222'), targets: ['225', '228', '231'].map(v) }, 'higher', 'inferred'],
    ['steady fall from baseline', { name: '紙の使用枚数', baseline: v('700'), targets: ['650', '600', '550'].map(v) }, 'lower', 'inferred'],
    ['single target below baseline is not enough', { name: '利用件数', baseline: v('100'), targets: [v('90')] }, 'higher', 'default'],
    ['plan crossing the baseline: default', { name: '件数', baseline: v('10'), targets: ['12', '9', '8'].map(v) }, 'higher', 'default'],
    ['no baseline: default', { name: '実施件数', targets: ['3', '4'].map(v) }, 'higher', 'default'],
    ['qualitative: default', { name: '制度の導入', baseline: v('未導入'), targets: [v('導入')] }, 'higher', 'default'],
    ['plain numbers accepted', { name: '紙の使用枚数', baseline: 700, targets: [650, 600], finalTarget: 550 }, 'lower', 'inferred'],
    ['待ち時間: shorter is better', { name: '窓口の平均待ち時間', baseline: v('25'), targets: [v('15')] }, 'lower', 'inferred'],
    ['処理日数: shorter is better', { name: '許可申請の処理日数' }, 'lower', 'inferred'],
    ['a target of 10人削減 is an amount to cut: higher, though the name is a headcount', { name: '職員数', baseline: v('667'), targets: [v('10人削減')] }, 'higher', 'inferred'],
    ['30%削減 in the final target: higher, though 排出量 is lower-is-better', { name: 'CO2排出量', finalTarget: v('30%削減') }, 'higher', 'inferred'],
    ['a cap stated beside a cut still wins', { name: '経費', targets: [v('10%削減'), v('100万円以内')] }, 'cap-le', 'stated'],
    ['短縮時間 is time saved: higher', { name: 'RPAによる事務処理の短縮時間' }, 'higher', 'inferred'],
  ];
  test.each(cases)('%s', (_label, input, direction, source) => {
    const r = inferDirection(input);
    expect([r.direction, r.source]).toEqual([direction, source]);
    expect(r.why.ja.length).toBeGreaterThan(0);
  });
});

describe('trendDirection', () => {
  test.each([
    [10, [12, 14], 16, 'higher'],
    [10, [8, 6], 4, 'lower'],
    [10, [10, 10], 10, undefined],
    [10, [12, 11], 13, undefined],
    [10, [11], undefined, undefined],
    [10, [11], 12, 'higher'],
    [10, [8, 8], 8, undefined],
    [undefined, [1, 2], 3, undefined],
    [10, [], undefined, undefined],
  ] as const)('baseline %p targets %p final %p → %p', (b, t, f, want) => {
    expect(trendDirection(b, [...t], f)).toBe(want);
  });
});

describe('resolveDirection', () => {
  const ind: Indicator = {
    name: '可燃ごみの排出量', direction: 'higher', directionSource: 'default', aggregation: 'annual', qualitative: false,
    targets: [{ fy: 2023, value: v('23,583') }], actuals: [],
  };
  it('settings win over everything', () => {
    const r = resolveDirection('x', { ...ind, direction: 'cap-le', directionSource: 'stated' }, { ...DEFAULT_RULES, directions: { x: 'match' } });
    expect([r.direction, r.source]).toEqual(['match', 'settings']);
  });
  it('keeps what the reader stated or inferred', () => {
    const r = resolveDirection('x', { ...ind, direction: 'cap-lt', directionSource: 'stated' }, DEFAULT_RULES);
    expect([r.direction, r.source]).toEqual(['cap-lt', 'stated']);
  });
  it('infers when the reader left the default', () => {
    expect(resolveDirection('x', ind, DEFAULT_RULES).direction).toBe('lower');
  });
  it('does not infer when inference is off', () => {
    const r = resolveDirection('x', ind, { ...DEFAULT_RULES, inferDirection: false });
    expect([r.direction, r.source]).toEqual(['higher', 'default']);
  });
});

describe('Yuzawa KPIs whose plans have a single final target', () => {
  it.each([
    ['公共施設の延べ床面積', 'm²', 330000, 300000],
    ['地方債現在高', '億円', 280, 250],
    ['一般会計から特別会計への経常的繰出金', '億円', 30, 25],
  ])('%s is lower-is-better from its wording', (name, unit, baseline, target) => {
    const r = inferDirection({ name, unit, baseline, target });
    expect(r.direction).toBe('lower');
    expect(r.source).toBe('inferred');
  });
});
