import fc from 'fast-check';
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

/** The character-by-character fold normalizeWidth was first written as: the oracle its fast path must match. */
function reference(s: string): string {
  let out = '';
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x7f && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      out += s[i];
      continue;
    }
    plain = false;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if ([0x3000, 0xa0, 0x09, 0x0a, 0x0d].includes(code)) out += ' ';
    else if ([0x2212, 0x2010, 0x2011, 0xfe63].includes(code)) out += '-';
    else if (code === 0xff64) out += ',';
    else if (code !== 0x200b && code !== 0xfeff) out += s[i];
  }
  if (!plain || out.includes('  ') || out.startsWith(' ') || out.endsWith(' ')) out = out.replace(/ {2,}/g, ' ').trim();
  if (out.includes('²') || out.includes('³')) out = out.replace(/([A-Za-z]) ([²³])/g, '$1$2');
  return out;
}

describe('normalizeWidth against the character-by-character fold', () => {
  const chars = [...'aZ1 ,.-²³取組課', '１', 'Ａ', '\u3000', '\u00a0', '\t', '\n', '\r', '\u2212', '\u2010', '\uff64', '\u200b', '\ufeff', '\u2003', '▲', 'ー'];
  test('any mix of plain, full-width, space-like and invisible characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 24 }), (cs) => {
        const s = cs.join('');
        expect(normalizeWidth(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
