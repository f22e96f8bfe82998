import { parseRating, symbolOfLabel } from './rating';

describe('parseRating', () => {
  test.each<[string, string, string | undefined, string | undefined]>([
    ['A', 'A', undefined, undefined],
    ['Ａ', 'A', undefined, undefined],
    ['b', 'B', undefined, undefined],
    ['ｃ', 'C', undefined, undefined],
    [' D ', 'D', undefined, undefined],
    ['A 計画を上回る', 'A', '計画を上回る', 'A'],
    ['B 概ね計画どおり', 'B', '概ね計画どおり', 'B'],
    ['Ｂ　概ね計画どおり', 'B', '概ね計画どおり', 'B'],
    ['C 計画より進捗が遅れている', 'C', '計画より進捗が遅れている', 'C'], // Isehara item sheets
    ['C 計画どおり進捗せず', 'C', '計画どおり進捗せず', 'C'], // Isehara summary
    ['C 計画どおり 進捗せず', 'C', '計画どおり 進捗せず', 'C'], // header cell with a line break
    ['D 進捗がほぼなし', 'D', '進捗がほぼなし', 'D'],
    ['B:概ね計画どおり', 'B', '概ね計画どおり', 'B'],
    ['B：概ね計画どおり', 'B', '概ね計画どおり', 'B'],
    ['B（概ね計画どおり）', 'B', '概ね計画どおり', 'B'],
    ['B (概ね計画どおり)', 'B', '概ね計画どおり', 'B'],
    ['A計画を上回る', 'A', '計画を上回る', 'A'],
    ['[A]', 'A', undefined, undefined],
    ['（Ｂ）', 'B', undefined, undefined],
    ['【C】', 'C', undefined, undefined],
    ['B 独自の説明', 'B', '独自の説明', undefined],
    ['A 計画どおり進捗せず', 'A', '計画どおり進捗せず', 'C'], // letter and label disagree: both kept
    ['計画を上回る', 'A', '計画を上回る', 'A'],
    ['概ね 計画どおり', 'B', '概ね計画どおり', 'B'],
    ['計画より進捗が遅れている', 'C', '計画より進捗が遅れている', 'C'],
  ])('%p → %p', (text, letter, label, labelLetter) => {
    const r = parseRating(text);
    expect(r).toEqual({ raw: text, symbol: letter, ...(label ? { label } : {}), ...(labelLetter ? { labelSymbol: labelLetter } : {}) });
  });

  test.each<[unknown]>([['E'], ['良'], ['S'], ['AB'], ['Apple'], ['A4'], ['B-1'], ['◎'], [''], ['  '], [null], [undefined], [3], [true]])(
    '%p is not a rating',
    (raw) => expect(parseRating(raw as string)).toBeUndefined(),
  );

  it('keeps the cell', () => {
    const cell = { sheet: '1(1)①', address: 'J10' };
    expect(parseRating('B', cell)).toEqual({ raw: 'B', cell, symbol: 'B' });
  });
});

describe('symbolOfLabel', () => {
  test.each([
    ['計画を上回る', 'A'],
    ['おおむね計画どおり', 'B'],
    ['計画 より 進捗が 遅れている', 'C'],
    ['進捗がほぼなし', 'D'],
    ['よくできた', undefined],
  ])('%p → %p', (label, want) => expect(symbolOfLabel(label)).toBe(want));
});
