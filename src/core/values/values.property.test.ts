import fc from 'fast-check';
import { parseValue } from './parse-value';
import { parseRating } from './rating';
import { fiscalYearLabel, parseFiscalYear } from './fiscal-year';
import { convertUnit } from './units';
import { circled, parseCircled, parseRoman } from './numbering';

const FULL = '０１２３４５６７８９';
const toFull = (s: string) => s.replace(/[0-9]/g, (d) => FULL[Number(d)]).replace(/,/g, '，').replace(/\./g, '．');
const group = (int: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const SPACES = fc.constantFrom('', ' ', '  ', '\u3000', '\t');

/** A number as staff might type it: digits, decimals, grouping, width, sign mark and padding all vary. */
const typedNumber = fc.record({
  int: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  frac: fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
  grouped: fc.boolean(),
  full: fc.boolean(),
  sign: fc.constantFrom('', '-', '▲', '△', '\u2212', '－'),
  before: SPACES,
  after: SPACES,
});

describe('parseValue properties', () => {
  it('any typed number reads back to the same value and decimals', () => {
    fc.assert(
      fc.property(typedNumber, ({ int, frac, grouped, full, sign, before, after }) => {
        const intText = grouped ? group(int.toString()) : int.toString();
        let body = frac === undefined ? intText : `${intText}.${frac}`;
        if (full) body = toFull(body);
        const text = `${before}${sign}${body}${after}`;
        const v = parseValue(text);
        const expected = Number(`${int}${frac === undefined ? '' : '.' + frac}`) * (sign ? -1 : 1);
        expect(v).toMatchObject({ kind: 'number', raw: text, decimals: frac?.length ?? 0 });
        if (v.kind === 'number') expect(v.value).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a unit, cap and year note never change the value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.constantFrom('件', '%', '千円', '億円', '人', 'か所', 'm²', '団体', 'ha'),
        fc.constantFrom('', '以内', '未満', '以上'),
        fc.option(fc.integer({ min: 2019, max: 2040 }), { nil: undefined }),
        (n, unit, cap, fy) => {
          const note = fy === undefined ? '' : `(${fiscalYearLabel(fy)})`;
          const text = `${group(String(n))}${unit}${cap}${note}`;
          const v = parseValue(text);
          expect(v).toMatchObject({ kind: 'number', value: n, unit });
          if (v.kind === 'number') {
            expect(v.year).toBe(fy);
            expect(v.cap).toBe(cap === '以内' ? 'le' : cap === '未満' ? 'lt' : undefined);
            expect(v.floor).toBe(cap === '以上' ? 'ge' : undefined);
          }
        },
      ),
    );
  });

  it('a bracketed number is a positive planned amount, never a negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.boolean(), (n, full) => {
        const body = full ? `（${toFull(group(String(n)))}）` : `(${group(String(n))})`;
        expect(parseValue(body)).toMatchObject({ kind: 'number', value: n, parenthesized: true });
      }),
    );
  });

  it('compound n(m) keeps both numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999 }), (a, b) => {
        expect(parseValue(`${a}(${group(String(b))})`)).toMatchObject({ kind: 'number', value: a, secondary: b });
      }),
    );
  });

  it('never throws, always returns a schema-shaped value that keeps the raw text', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789,.-+()（）▲△−－—―ー億万千円%％件年回度以内未満上超約累計令和RH元 ①Ⅲ/<>p'.split(''),
    );
    const arb = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: alphabet, maxLength: 30 }));
    fc.assert(
      fc.property(arb, (s) => {
        const v = parseValue(s);
        expect(v.raw).toBe(s);
        expect(['number', 'blank', 'na', 'text']).toContain(v.kind);
        if (v.kind === 'number') {
          expect(Number.isFinite(v.value)).toBe(true);
          expect(Number.isInteger(v.decimals) && v.decimals >= 0).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Guards against super-linear regexes, not a benchmark: limits are loose because the suite runs
  // on shared, loaded machines; a catastrophic pattern would take minutes, not milliseconds.
  it('stays fast on adversarial input (no catastrophic backtracking)', () => {
    const nasty = [
      '1'.repeat(5000), '1,'.repeat(3000), '('.repeat(3000) + '1', '1' + ')'.repeat(3000), '億'.repeat(3000), '1億'.repeat(2000), `1${'(2)'.repeat(2000)}`,
      // Within the length that is scanned for a number:
      `1${'以内'.repeat(39)}`, `1${'(2)'.repeat(26)}`, `${'年'.repeat(78)}1`, `1${' '.repeat(77)}x`, `1${'('.repeat(78)}`, `(${'1'.repeat(78)}`];
    const t0 = Date.now();
    for (const s of nasty) parseValue(s);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('parses 100,000 typical cells in a few seconds at most', () => {
    const cells = ['1,858', '98.3', '-', '—', '検討', '▲19.6%', '30億円以内', '41,096千円(令和3年度)', '2(78)', 'B 概ね計画どおり'];
    const t0 = Date.now();
    for (let i = 0; i < 100_000; i++) parseValue(cells[i % cells.length]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('parseRating properties', () => {
  const LETTERS = 'ABCD';
  const FULLWIDTH = 'ＡＢＣＤ';
  const LOWER_FULL = 'ａｂｃｄ';
  it('is case- and width-insensitive, with or without a label', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('ascii', 'lower', 'full', 'lowerFull'),
        fc.constantFrom('', ' 計画を上回る', '　概ね計画どおり', ':計画より進捗が遅れている', '（進捗がほぼなし）'),
        SPACES,
        (i, form, label, pad) => {
          const ch = form === 'ascii' ? LETTERS[i] : form === 'lower' ? LETTERS[i].toLowerCase() : form === 'full' ? FULLWIDTH[i] : LOWER_FULL[i];
          expect(parseRating(`${pad}${ch}${label}${pad}`)?.symbol).toBe(LETTERS[i]);
        },
      ),
    );
  });

  it('rejects any other single letter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'EFGHIJKLMNOPQRSTUVWXYZefghsz'.split('')), (ch) => {
        expect(parseRating(ch)).toBeUndefined();
      }),
    );
  });
});

describe('fiscal-year properties', () => {
  it('label → parse round-trips for 1989..2100 in every label form', () => {
    for (let fy = 1989; fy <= 2100; fy++) {
      for (const lang of ['ja', 'en', 'short'] as const) expect(parseFiscalYear(fiscalYearLabel(fy, lang))).toBe(fy);
      expect(parseFiscalYear(`${fy}年度 (${fiscalYearLabel(fy, 'short')})`)).toBe(fy);
    }
  });

  it('spaces and full width anywhere in an era label do not matter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2019, max: 2100 }), SPACES, (fy, sp) => {
        const label = [...fiscalYearLabel(fy)].join(sp);
        expect(parseFiscalYear(toFull(label))).toBe(fy);
      }),
    );
  });
});

describe('unit conversion properties', () => {
  const UNITS = ['円', '千円', '万円', '百万円', '億円'];
  it('converting there and back returns the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(...UNITS), fc.constantFrom(...UNITS), (n, a, b) => {
        const there = convertUnit(n, a, b)!;
        expect(convertUnit(there, b, a)).toBe(n);
      }),
    );
  });
});

describe('numbering properties', () => {
  it('circled numbers round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), (n) => expect(parseCircled(circled(n))).toBe(n)));
  });
  it('Roman numerals written out parse back for 1..39', () => {
    const roman = (n: number) => 'X'.repeat(Math.floor(n / 10)) + ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][n % 10];
    fc.assert(fc.property(fc.integer({ min: 1, max: 39 }), (n) => expect(parseRoman(roman(n))).toBe(n)));
  });
});
