import { BLANK_MARKS, NA_DASHES, normalizeWidth } from './normalize';

describe('normalizeWidth', () => {
  test.each([
    ['１２３', '123'],
    ['１，２３４．５', '1,234.5'],
    ['（令和３年度）', '(令和3年度)'],
    ['Ｒ５', 'R5'],
    ['９８％', '98%'],
    ['\u3000現状\u3000(令和 2 年)\u3000', '現状 (令和 2 年)'],
    ['a\t\nb', 'a b'],
    ['\u22125', '-5'],
    ['－５', '-5'],
    ['▲5', '▲5'], // stays: it means minus, parseValue decides
    ['△5', '△5'],
    ['—', '—'], // stays: "not applicable", unlike "-"
    ['―', '―'],
    ['299,963 m ²', '299,963 m²'],
    ['㎡', '㎡'],
    ['①', '①'], // NFKC would make this "1"
    ['Ⅲ', 'Ⅲ'],
    ['1\u200b2', '12'],
    ['plain ascii', 'plain ascii'],
  ])('%p → %p', (s, want) => expect(normalizeWidth(s)).toBe(want));
});

describe('dash classes', () => {
  test.each(['—', '――', '–', '─'])('%p is not applicable', (s) => expect(NA_DASHES.test(s)).toBe(true));
  test.each(['-', '--', 'ー', '/'])('%p is no value', (s) => expect(BLANK_MARKS.test(s)).toBe(true));
  test.each(['-5', '—5', 'a'])('%p is neither', (s) => {
    expect(NA_DASHES.test(s)).toBe(false);
    expect(BLANK_MARKS.test(s)).toBe(false);
  });
});
