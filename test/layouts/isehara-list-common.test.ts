import fc from 'fast-check';
import {
  formatIseharaCode,
  iseharaDepartments,
  ISEHARA_GROUPS,
  parseGroupCell,
  parseIseharaCode,
  parsePolicyCell,
  splitItemName,
} from '../../src/core/layouts/isehara/common';

describe('parseIseharaCode', () => {
  it.each([
    ['5(8)①', { policyKey: '5', groupKey: '(8)', groupNo: 8, itemNo: 1 }],
    ['1(2)④', { policyKey: '1', groupKey: '(2)', groupNo: 2, itemNo: 4 }],
    ['5(10)④', { policyKey: '5', groupKey: '(10)', groupNo: 10, itemNo: 4 }],
    ['5（8）⑫', { policyKey: '5', groupKey: '(8)', groupNo: 8, itemNo: 12 }],
    ['５(１０)①', { policyKey: '5', groupKey: '(10)', groupNo: 10, itemNo: 1 }],
    [' 2 (4) ⑮ ', { policyKey: '2', groupKey: '(4)', groupNo: 4, itemNo: 15 }],
    ['5(8)-12', { policyKey: '5', groupKey: '(8)', groupNo: 8, itemNo: 12 }],
    ['5-8-12', { policyKey: '5', groupKey: '(8)', groupNo: 8, itemNo: 12 }],
    ['5(8)①市税徴収率の向上', { policyKey: '5', groupKey: '(8)', groupNo: 8, itemNo: 1 }],
  ])('%s', (text, expected) => {
    expect(parseIseharaCode(text)).toEqual(expected);
  });

  it.each([['9(1)①'], ['(8)①'], ['5(8)'], ['① 業務の分析'], [''], ['1 行政サービスの最適化']])('%s is not a code', (text) => {
    expect(parseIseharaCode(text)).toBeUndefined();
  });

  it('round-trips every code the plan can have', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ISEHARA_GROUPS), fc.integer({ min: 1, max: 50 }), (g, itemNo) => {
        const code = formatIseharaCode({ policyKey: g.policyKey, groupNo: g.no, itemNo });
        expect(parseIseharaCode(code)).toEqual({ policyKey: g.policyKey, groupKey: g.key, groupNo: g.no, itemNo });
      }),
    );
  });

  it('formats as the plan prints', () => {
    expect(formatIseharaCode({ policyKey: '5', groupNo: 10, itemNo: 1 })).toBe('5(10)①');
    expect(formatIseharaCode({ policyKey: '2', groupNo: 4, itemNo: 15 })).toBe('2(4)⑮');
  });
});

describe('区分 / 取組番号 / 取組項目 cells', () => {
  it.each([
    ['1 行政サービスの最適化', '1'],
    ['2 公共私 の連携・ 協働', '2'],
    ['３', '3'],
    ['5', '5'],
    ['健全な財政運営', '5'],
    ['公共私連携・協働', '2'],
    ['その他', undefined],
    ['', undefined],
  ])('policy %s → %s', (text, key) => {
    expect(parsePolicyCell(text)).toBe(key);
  });

  it.each([
    ['① 業務の改善の棚卸し', 1],
    ['(1) 業務の棚卸し・業務改善', 1],
    ['（１０） 財政運営規律の確保', 10],
    ['⑨ 歳出改革(歳出の節減)', 9],
    ['④ 公民 連携の 推進', 4],
    ['歳出改革（歳出の節減合理化）', 9],
    ['ICTの活用・DXの推進', 6],
    ['⑪ 何か', undefined],
    ['業務', undefined],
  ])('group %s → %s', (text, no) => {
    expect(parseGroupCell(text)).toBe(no);
  });

  it.each([
    ['① 業務の分析・改善及びBPRの実施', { itemNo: 1, name: '業務の分析・改善及びBPRの実施' }],
    ['⑮多様な主体との連携の推進', { itemNo: 15, name: '多様な主体との連携の推進' }],
    ['大規模建設事業等のマネジメント', { name: '大規模建設事業等のマネジメント' }],
  ])('item %s', (text, expected) => {
    expect(splitItemName(text)).toEqual(expected);
  });
});

describe('iseharaDepartments', () => {
  it.each([
    ['企画部', '経営企画課', ['企画部 経営企画課']],
    ['総務部', '職員課、企画部 経営企画課', ['総務部 職員課', '企画部 経営企画課']],
    ['教育部', '図書館・子ども科学館', ['教育部 図書館・子ども科学館']],
    ['企画部', '', ['企画部']],
    ['', '', []],
  ])('%s + %s', (bureau, section, expected) => {
    expect(iseharaDepartments(bureau, section)).toEqual(expected);
  });
});
