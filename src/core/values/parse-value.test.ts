import { parseValue, decimalsOfNumber } from './parse-value';
import { ParsedValueSchema } from './types';

/** Exact expectations: a flag the parser adds that is not listed here fails the case. */
function check(input: string, want: Record<string, unknown>) {
  const got = parseValue(input);
  expect(got).toEqual({ raw: input, ...want });
  expect(ParsedValueSchema.safeParse(got).success).toBe(true);
}

const num = (value: number, decimals: number, extra: Record<string, unknown> = {}) => ({ kind: 'number', value, decimals, ...extra });

describe('parseValue: numbers, widths and separators', () => {
  test.each<[string, Record<string, unknown>]>([
    ['1,858', num(1858, 0)],
    ['１２３', num(123, 0)],
    ['１，２３４．５', num(1234.5, 1)],
    ['98.3', num(98.3, 1)],
    ['99.0', num(99, 1)],
    ['94.80', num(94.8, 2)],
    ['0', num(0, 0)],
    ['.5', num(0.5, 1)],
    ['  23,583  ', num(23583, 0)],
    ['\u3000569,807\u3000', num(569807, 0)],
    ['1,858 件', num(1858, 0, { unit: '件' })],
    ['2 団体', num(2, 0, { unit: '団体' })],
    ['1\u200b858', num(1858, 0)],
    ['+5', num(5, 0)],
  ])('%p', (input, want) => check(input, want));

  test.each(['12,34', '1,2345', '1234,567', '1.2.3', '1,858件3'])('%p with broken grouping is text, not a guess', (input) => {
    expect(parseValue(input).kind).toBe('text');
  });
});

describe('parseValue: negatives', () => {
  test.each<[string, Record<string, unknown>]>([
    ['-15,173', num(-15173, 0)],
    ['▲19.6%', num(-19.6, 1, { unit: '%' })],
    ['△5', num(-5, 0)],
    ['△ 1,234', num(-1234, 0)],
    ['▲１，２３４', num(-1234, 0)],
    ['\u22125', num(-5, 0)], // U+2212 MINUS SIGN
    ['－５', num(-5, 0)], // full-width hyphen-minus
    ['\u20105', num(-5, 0)], // U+2010 HYPHEN
    ['- 15,173', num(-15173, 0)],
    ['ー5', num(-5, 0)], // long-vowel mark typed for a hyphen
    ['-0', num(0, 0)],
  ])('%p', (input, want) => check(input, want));
});

describe('parseValue: no value vs not applicable', () => {
  test.each<[string, Record<string, unknown>]>([
    ['', { kind: 'blank' }],
    ['   ', { kind: 'blank' }],
    ['\u3000', { kind: 'blank' }],
    ['-', { kind: 'blank' }],
    ['－', { kind: 'blank' }],
    ['\u2212', { kind: 'blank' }],
    ['ー', { kind: 'blank' }],
    ['--', { kind: 'blank' }],
    ['/', { kind: 'blank' }],
    ['—', { kind: 'na' }], // U+2014, Isehara 5(8)③ R7–R9 and Yuzawa baselines
    ['――', { kind: 'na' }], // U+2015 ×2
    ['–', { kind: 'na' }], // U+2013
    ['─', { kind: 'na' }], // U+2500
  ])('%p', (input, want) => check(input, want));

  it('null and undefined are blank with empty raw, and keep the cell', () => {
    const cell = { sheet: 'S', address: 'B2' };
    expect(parseValue(null, cell)).toEqual({ kind: 'blank', raw: '', cell });
    expect(parseValue(undefined)).toEqual({ kind: 'blank', raw: '' });
  });
});

describe('parseValue: units, multipliers and scale', () => {
  test.each<[string, Record<string, unknown>]>([
    // A value keeps the unit it was typed in; the 単位 column says 億円 for these (docs/values.md).
    ['30億円', num(30, 0, { unit: '億円' })],
    ['12.6億円', num(12.6, 1, { unit: '億円' })],
    ['8.67 億円', num(8.67, 2, { unit: '億円' })],
    ['1億5千万円', num(1.5, 1, { unit: '億円' })],
    ['2億5千万円', num(2.5, 1, { unit: '億円' })],
    ['629万枚', num(629, 0, { unit: '万枚' })],
    ['1,080万円', num(1080, 0, { unit: '万円' })],
    ['1万5000円', num(1.5, 1, { unit: '万円' })],
    ['5千万円', num(5, 0, { unit: '千万円' })],
    ['3百万円', num(3, 0, { unit: '百万円' })],
    ['120,000千円', num(120000, 0, { unit: '千円' })],
    ['797,733千円', num(797733, 0, { unit: '千円' })],
    ['30万㎡', num(30, 0, { unit: '万㎡' })],
    ['299,963 m ²', num(299963, 0, { unit: 'm²' })], // Yuzawa: m + space + U+00B2
    ['264,000 m²', num(264000, 0, { unit: 'm²' })],
    ['150㎡', num(150, 0, { unit: '㎡' })],
    ['100m2', num(100, 0, { unit: 'm²' })],
    ['34%', num(34, 0, { unit: '%' })],
    ['９８．９％', num(98.9, 1, { unit: '%' })],
    ['0%', num(0, 0, { unit: '%' })],
    ['970g', num(970, 0, { unit: 'g' })],
    ['45.6ha', num(45.6, 1, { unit: 'ha' })],
    ['5 か所', num(5, 0, { unit: 'か所' })],
    ['3業務', num(3, 0, { unit: '業務' })],
    ['7件/年', num(7, 0, { unit: '件', perYear: true })],
    ['2,250 千円/年', num(2250, 0, { unit: '千円', perYear: true })],
    ['月1回', num(1, 0, { unit: '回/月' })],
    ['82.1t/日', num(82.1, 1, { unit: 't/日' })],
  ])('%p', (input, want) => check(input, want));
});

describe('parseValue: year annotations and remarks', () => {
  test.each<[string, Record<string, unknown>]>([
    ['41,096千円(令和3年度)', num(41096, 0, { unit: '千円', year: 2021 })],
    ['41,096千円（令和３年度）', num(41096, 0, { unit: '千円', year: 2021 })],
    ['91.3% (令和3年度)', num(91.3, 1, { unit: '%', year: 2021 })],
    ['17.3億円(令和3年度末)', num(17.3, 1, { unit: '億円', year: 2021, notes: ['末'] })],
    ['16.1億円(令和4年度当初予算)', num(16.1, 1, { unit: '億円', year: 2022, notes: ['当初予算'] })],
    ['34%(R3)', num(34, 0, { unit: '%', year: 2021 })],
    ['471人(令和2年)', num(471, 0, { unit: '人', year: 2020 })],
    ['329億円(H31)', num(329, 0, { unit: '億円', year: 2019 })],
    ['1,000件(2021年度)', num(1000, 0, { unit: '件', year: 2021 })],
    ['30,800千円(累計)', num(30800, 0, { unit: '千円', cumulative: true })],
    ['累計30,800千円', num(30800, 0, { unit: '千円', cumulative: true })],
    ['5件(見込)', num(5, 0, { unit: '件', provisional: true })],
    // 見込 typed without brackets, after or before the number (d03: amounts not yet settled).
    ['1,800見込み', num(1800, 0, { provisional: true })],
    ['1,800 見込', num(1800, 0, { provisional: true })],
    ['1,800千円見込み', num(1800, 0, { unit: '千円', provisional: true })],
    ['約1,800見込み', num(1800, 0, { approx: true, provisional: true })],
    ['見込 1,800', num(1800, 0, { provisional: true })],
    ['（見込）1,800', num(1800, 0, { provisional: true })],
    ['暫定値 320件', num(320, 0, { unit: '件', provisional: true })],
    ['120件(年間)', num(120, 0, { unit: '件', perYear: true })],
    ['5件(うち新規2件)', num(5, 0, { unit: '件', notes: ['うち新規2件'] })],
    ['約370施設', num(370, 0, { unit: '施設', approx: true })],
    ['6%程度', num(6, 0, { unit: '%', approx: true })],
  ])('%p', (input, want) => check(input, want));
});

describe('parseValue: caps and floors', () => {
  test.each<[string, Record<string, unknown>]>([
    ['30億円以内', num(30, 0, { unit: '億円', cap: 'le' })],
    ['90%未満', num(90, 0, { unit: '%', cap: 'lt' })],
    ['20億円以下', num(20, 0, { unit: '億円', cap: 'le' })],
    ['△10%以内', num(-10, 0, { unit: '%', cap: 'le' })],
    ['最大5回', num(5, 0, { unit: '回', cap: 'le' })],
    ['5件以上', num(5, 0, { unit: '件', floor: 'ge' })],
    ['150時間超', num(150, 0, { unit: '時間', floor: 'gt' })],
    ['5件以上(累計)', num(5, 0, { unit: '件', floor: 'ge', cumulative: true })],
    ['30億円以内(令和5年度)', num(30, 0, { unit: '億円', cap: 'le', year: 2023 })],
  ])('%p', (input, want) => check(input, want));
});

describe('parseValue: compound and bracketed values', () => {
  test.each<[string, Record<string, unknown>]>([
    ['2(78)', num(2, 0, { secondary: 78 })],
    ['2（78）', num(2, 0, { secondary: 78 })],
    ['1(76)', num(1, 0, { secondary: 76 })],
    ['年2回（12回）', num(2, 0, { unit: '回', perYear: true, secondary: 12, secondaryUnit: '回' })],
    ['年2回 (12回)', num(2, 0, { unit: '回', perYear: true, secondary: 12, secondaryUnit: '回' })],
    ['年1回 (6回)', num(1, 0, { unit: '回', perYear: true, secondary: 6, secondaryUnit: '回' })],
    ['29,983t/年(82.1t/日)', num(29983, 0, { unit: 't', perYear: true, secondary: 82.1, secondaryUnit: 't/日' })],
    // A summary's planned amount: brackets are not a negative (Isehara 実績効果額と達成割合).
    ['(29,273)', num(29273, 0, { parenthesized: true })],
    ['（228,520）', num(228520, 0, { parenthesized: true })],
    ['(0)', num(0, 0, { parenthesized: true })],
    ['(▲5)', num(-5, 0, { parenthesized: true })],
    ['(29,273千円)', num(29273, 0, { unit: '千円', parenthesized: true })],
  ])('%p', (input, want) => check(input, want));

  test.each(['(1)業務改善', '(R3)', '5(8)①', '2(4)⑪', '1.', '(1) 業務の棚卸し'])('%p is not a value', (input) => {
    expect(parseValue(input).kind).toBe('text');
  });
});

describe('parseValue: qualitative states and other text', () => {
  test.each<[string, string | undefined]>([
    ['検討', '検討'],
    ['実施', '実施'],
    ['未導入', '未導入'],
    ['策定', '策定'],
    ['未策定', '未策定'],
    ['運用中', '運用中'],
    ['導入・運用', '導入・運用'],
    ['調査・研究', '調査・研究'],
    ['検 討', '検討'],
    ['(未定)', '未定'],
    ['（未定）', '未定'],
    ['試行結果の検証', undefined],
    ['10件程度実施', undefined],
    ['R4.4.1 941名', undefined],
    ['令和3年度', undefined],
    ['2023-04-01', undefined],
    ['2023-04-01T00:00:00.000Z', undefined],
  ])('%p → text, state %p', (input, state) => {
    const v = parseValue(input);
    expect(v.kind).toBe('text');
    expect(v.kind === 'text' ? v.state : 'not text').toBe(state);
  });

  test.each(['↓', '<p>↓</p>', '〃', '同上'])('%p is a ditto mark', (input) => {
    expect(parseValue(input)).toMatchObject({ kind: 'text', ditto: true, raw: input });
  });

  test.each(['#N/A', '#DIV/0!', '#VALUE!', '#REF!'])('%p is an Excel error', (input) => {
    expect(parseValue(input)).toMatchObject({ kind: 'text', excelError: true });
  });

  it('strips HTML remnants but keeps the raw text', () => {
    expect(parseValue('<small>基本的な考え方の整理に基づく対応</small>')).toEqual({
      kind: 'text',
      raw: '<small>基本的な考え方の整理に基づく対応</small>',
      text: '基本的な考え方の整理に基づく対応',
    });
  });

  it('reads long comments as text without scanning them for numbers', () => {
    const long = '3業務を選定し、委託業者と共にBPR計画を策定した。'.repeat(10);
    expect(parseValue(long).kind).toBe('text');
  });
});

describe('parseValue: host numbers and other host values', () => {
  test.each<[number, number, number]>([
    [1858, 1858, 0],
    [98.3, 98.3, 1],
    [-15173, -15173, 0],
    [0.1 + 0.2, 0.30000000000000004, 17],
    [1e21, 1e21, 0],
    [1.5e-7, 1.5e-7, 8],
  ])('%p', (input, value, decimals) => {
    expect(parseValue(input)).toEqual({ kind: 'number', raw: String(input), value, decimals });
  });

  test.each([NaN, Infinity, -Infinity])('%p is text, not a number', (input) => {
    expect(parseValue(input).kind).toBe('text');
  });

  it('booleans are text', () => expect(parseValue(true)).toEqual({ kind: 'text', raw: 'true', text: 'true' }));

  it('keeps the cell on every kind', () => {
    const cell = { sheet: '1(1)①', address: 'H10' };
    for (const raw of ['3', '-', '—', '検討', 5]) expect(parseValue(raw, cell).cell).toEqual(cell);
  });
});

describe('decimalsOfNumber', () => {
  test.each([
    [0, 0],
    [12, 0],
    [12.5, 1],
    [-0.25, 2],
    [1e-7, 7],
    [1.25e-7, 9],
    [1e21, 0],
  ])('%p → %p', (n, d) => expect(decimalsOfNumber(n)).toBe(d));
});
