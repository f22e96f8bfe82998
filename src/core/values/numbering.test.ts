import { circled, parseCircled, parseNumbering, parseRoman } from './numbering';

describe('parseCircled / circled', () => {
  test.each<[string, number | undefined]>([
    ['①', 1],
    ['⑩', 10],
    ['⑳', 20],
    ['㉑', 21],
    ['㉟', 35],
    ['㊱', 36],
    ['㊿', 50],
    ['❶', 1],
    ['⓫', 11],
    ['⓴', 20],
    ['➀', 1],
    ['➓', 10],
    [' ⑤ ', 5],
    ['1', undefined],
    ['(1)', undefined],
    ['①②', undefined],
    ['', undefined],
  ])('%p → %p', (ch, want) => expect(parseCircled(ch)).toBe(want));

  it('round-trips 1..50 and falls back to (n) beyond', () => {
    for (let i = 1; i <= 50; i++) expect(parseCircled(circled(i))).toBe(i);
    expect(circled(51)).toBe('(51)');
    expect(circled(0)).toBe('(0)');
  });
});

describe('parseRoman', () => {
  test.each<[string, number | undefined]>([
    ['I', 1],
    ['III', 3],
    ['IV', 4],
    ['IX', 9],
    ['XII', 12],
    ['XXXIX', 39],
    ['iii', 3],
    ['Ⅰ', 1],
    ['Ⅲ', 3],
    ['Ⅳ', 4],
    ['Ⅻ', 12],
    ['ⅩⅡ', 12],
    ['ⅲ', 3],
    ['ＩＩＩ', 3],
    ['IIII', undefined],
    ['VX', undefined],
    ['C', undefined], // a rating, not 100
    ['D', undefined],
    ['', undefined],
    ['ICT', undefined],
  ])('%p → %p', (s, want) => expect(parseRoman(s)).toBe(want));
});

describe('parseNumbering', () => {
  test.each<[string, string, number, string]>([
    ['① 業務の分析・改善', 'circled', 1, '業務の分析・改善'],
    ['⑫下水道使用料の適正化', 'circled', 12, '下水道使用料の適正化'],
    ['Ⅲ 行政経営マネジメント', 'roman', 3, '行政経営マネジメント'],
    ['Ⅲ行政経営マネジメント', 'roman', 3, '行政経営マネジメント'],
    ['III 行政経営マネジメント', 'roman', 3, '行政経営マネジメント'],
    ['IV. リスクマネジメント', 'roman', 4, 'リスクマネジメント'],
    ['II', 'roman', 2, ''],
    ['(1) 業務の棚卸し・業務改善', 'paren', 1, '業務の棚卸し・業務改善'],
    ['（１）業務の棚卸し', 'paren', 1, '業務の棚卸し'],
    ['(10) 財政運営規律の確保', 'paren', 10, '財政運営規律の確保'],
    ['〔2〕歳出', 'paren', 2, '歳出'],
    ['【3】協働', 'paren', 3, '協働'],
    ['1) 項目', 'paren', 1, '項目'],
    ['1. 地域経営の仕組みづくり', 'arabic', 1, '地域経営の仕組みづくり'],
    ['１．地域経営', 'arabic', 1, '地域経営'],
    ['12 事務改善', 'arabic', 12, '事務改善'],
  ])('%p → %p %p %p', (text, kind, n, rest) => {
    expect(parseNumbering(text)).toEqual({ numbering: { kind, n }, rest });
  });

  test.each(['ICTの活用', 'V字回復', '2023年度', '行政改革', '', '5(8)①', '1,858件'])('%p has no leading number', (text) => {
    expect(parseNumbering(text)).toBeUndefined();
  });
});
