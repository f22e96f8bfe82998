import fc from 'fast-check';
import { displayWidth, truncate, wrap } from '../../src/cli/text';

/** The width rule as first written (a regex per character): the fast version must agree with it. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6①-⑳Ⅰ-Ⅻ▲△■□●○◆◇★☆※〔〕【】]/;
function oracleWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Text like the CLI prints: Japanese, Latin words, spaces, brackets, marks, numbers, astral characters. */
const piece = fc.oneof(
  fc.constantFrom('達成', '評価', '（', '）', '「', '」', '。', '、', '①', 'Ⅻ', '▲', '★', '※', '〔', '】', 'ｱ', 'Ａ', '한', '𠮷', '😀', ' ', '  ', '\u3000', '-', '%', '…', 'ー'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

test.each([
  ['', 0],
  ['abc', 3],
  ['達成率', 6],
  ['①Ⅰ▲△■□●○◆◇★☆※', 26],
  ['ｱｲｳ', 3],
  ['ＡＢ', 4],
  ['𠮷', 1],
  ['\ud800', 1],
])('displayWidth(%j) = %i', (s, w) => {
  expect(displayWidth(s)).toBe(w);
});

test('displayWidth counts as the regex rule does, on any text', () => {
  fc.assert(fc.property(text, (s) => displayWidth(s) === oracleWidth(s)), { numRuns: 2000 });
});

/** wrap as first written, measuring the whole line again for every token. */
function oracleWrap(text: string, width: number, indent = ''): string[] {
  const NO_LINE_START = /^[）)」』】〕］、。，．・：；？！ー…%]/;
  const NO_LINE_END = /[（(「『【〔［]$/;
  const lines: string[] = [];
  let line = '';
  const room = () => width - (lines.length === 0 ? 0 : oracleWidth(indent));
  const tokens = text.match(/[\u0020]+|[^\s\u3000-\u9fff\uff00-\uffef]+|./gu) ?? [];
  for (const tok of tokens) {
    if (oracleWidth(line + tok) > room() && line.trim() !== '') {
      if (/^\s+$/.test(tok)) {
        lines.push(line.trimEnd());
        line = '';
        continue;
      }
      const chars = [...line];
      let carry = NO_LINE_START.test(tok) && chars.length > 1 && !/\s/.test(chars[chars.length - 1]) ? chars.pop()! : '';
      while (chars.length > 1 && NO_LINE_END.test(chars[chars.length - 1])) carry = chars.pop()! + carry;
      lines.push(chars.join('').trimEnd());
      line = carry;
    }
    line += tok;
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

test('wrap breaks lines where the first version did, on any text', () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 60 }), fc.constantFrom('', '  ', '　', '    '), (s, width, indent) => {
      expect(wrap(s, width, indent)).toEqual(oracleWrap(s, width, indent));
    }),
    { numRuns: 2000 },
  );
});

test('truncate cuts to the width with 「…」', () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 40 }), (s, width) => {
      const t = truncate(s, width);
      if (oracleWidth(s) <= width) expect(t).toBe(s);
      else {
        expect(t.endsWith('…')).toBe(true);
        expect(oracleWidth(t)).toBeLessThanOrEqual(width);
      }
    }),
  );
});
