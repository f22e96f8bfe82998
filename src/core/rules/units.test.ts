import { inColumnScale, unitsAgree } from './units';

describe('unitsAgree', () => {
  test.each([
    ['円', '億円', true],
    ['千円', '千円/年', true],
    ['%', '％', true],
    ['件', '件/年', true],
    ['か所', '箇所', true],
    ['時間', '時間/年', true],
    ['回', '件', false],
    ['%', '件', false],
    ['人', '団体', false],
    ['', '件', true],
  ])('%p in a value under 単位 %p → %p', (a, b, want) => expect(unitsAgree(a, b)).toBe(want));
  it('does not take a bare multiplier word for a scale of 円', () => expect(unitsAgree('万', '円')).toBe(false));
});

describe('inColumnScale', () => {
  test.each([
    [1910000000.0000002, '円', '億円', 19.1],
    [3e9, '円', '億円', 30],
    [41096, '千円', '千円/年', 41096],
    [1.5e8, '円', '千円', 150000],
    [1910000, '千円', '億円', 19.1],
    [19.1, undefined, '億円', 19.1],
    [5, '回', '件', 5],
    [98.9, '%', '%', 98.9],
  ])('%p %p under %p → %p', (v, vu, cu, want) => expect(inColumnScale(v, vu, cu)).toBe(want));
});
