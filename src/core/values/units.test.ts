import { convertUnit, parseUnit, splitScale, unitKey, unitsComparable, valueIn } from './units';
import { parseValue } from './parse-value';
import type { NumberValue } from './types';

const n = (s: string) => parseValue(s) as NumberValue;

describe('unitKey', () => {
  test.each([
    ['㎡', 'm²'],
    ['m ²', 'm²'],
    ['m2', 'm²'],
    ['万㎡', '万m²'],
    ['箇所', 'か所'],
    ['ヶ所', 'か所'],
    ['カ所', 'か所'],
    ['トン/年', 't/年'],
    ['％', '%'],
    ['千 円', '千円'],
    ['件', '件'],
  ])('%p → %p', (u, key) => expect(unitKey(u)).toBe(key));
});

describe('splitScale', () => {
  test.each<[string, number, string]>([
    ['円', 1, '円'],
    ['千円', 1e3, '円'],
    ['万円', 1e4, '円'],
    ['百万円', 1e6, '円'],
    ['千万円', 1e7, '円'],
    ['億円', 1e8, '円'],
    ['兆円', 1e12, '円'],
    ['千円/年', 1e3, '円/年'],
    ['万枚', 1e4, '枚'],
    ['万', 1, '万'],
    ['件', 1, '件'],
    ['%', 1, '%'],
  ])('%p → %p × %p', (u, scale, base) => expect(splitScale(u)).toEqual({ scale, base }));
});

describe('convertUnit', () => {
  test.each<[number, string, string, number | undefined]>([
    [30, '億円', '円', 3e9],
    [12.6, '億円', '千円', 1260000],
    [41096, '千円', '億円', 0.41096],
    [1.5, '億円', '万円', 15000],
    [629, '万枚', '枚', 6290000],
    [1.1, '千円', '円', 1100],
    [19.1, '億円', '億円', 19.1],
    [100, '円', '千円', 0.1],
    [5, '件', '円', undefined],
    [5, '千円', '千人', undefined],
    [30, '万㎡', 'm²', 300000],
  ])('%p %p in %p → %p', (v, from, to, want) => expect(convertUnit(v, from, to)).toBe(want));
});

describe('valueIn: comparing a typed value with a 単位 column', () => {
  it('30億円以内 and 12.6億円 under 単位 億円 compare as typed', () => {
    expect(valueIn(n('30億円以内'), '億円')).toBe(30);
    expect(valueIn(n('12.6億円'), '億円')).toBe(12.6);
  });
  it('a bare number is already in the column unit', () => expect(valueIn(n('19.1'), '億円')).toBe(19.1));
  it('a value in 千円 under 億円 is rescaled', () => expect(valueIn(n('1,910,000千円'), '億円')).toBe(19.1));
  it('1億5千万円 and 2億5千万円 compare in 円', () => {
    expect(valueIn(n('1億5千万円'), '円')).toBe(150000000);
    expect(valueIn(n('2億5千万円'), '円')).toBe(250000000);
  });
  it('an incompatible unit gives undefined rather than a wrong number', () => expect(valueIn(n('5件'), '千円')).toBeUndefined());
  it('no column unit: the value as typed', () => expect(valueIn(n('5件'), undefined)).toBe(5));
});

describe('unitsComparable', () => {
  test.each<[string, string, boolean]>([
    ['億円', '千円', true],
    ['円', '億円', true],
    ['㎡', 'm ²', true],
    ['箇所', 'か所', true],
    ['件', '件', true],
    ['件', '人', false],
    ['%', '件', false],
  ])('%p ~ %p → %p', (a, b, want) => expect(unitsComparable(a, b)).toBe(want));
});

describe('parseUnit (単位 column)', () => {
  test.each<[string | null, ReturnType<typeof parseUnit>]>([
    ['件/年', { unit: '件', perYear: true, scale: 1, base: '件' }],
    ['千円/年', { unit: '千円', perYear: true, scale: 1e3, base: '円' }],
    ['億円', { unit: '億円', perYear: false, scale: 1e8, base: '円' }],
    ['%', { unit: '%', perYear: false, scale: 1, base: '%' }],
    ['トン/年', { unit: 'トン', perYear: true, scale: 1, base: 't' }],
    ['申請数/年', { unit: '申請数', perYear: true, scale: 1, base: '申請数' }],
    ['-', undefined],
    ['', undefined],
    [null, undefined],
    ['/年', undefined],
  ])('%p', (text, want) => expect(parseUnit(text)).toEqual(want));
});
