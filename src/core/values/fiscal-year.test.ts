import { fiscalYearLabel, parseFiscalYear } from './fiscal-year';

describe('parseFiscalYear', () => {
  test.each<[string | number | null | undefined, number | undefined]>([
    ['令和元年度', 2019],
    ['令和1年度', 2019],
    ['令和５年度', 2023],
    ['令和 2 年', 2020],
    ['令 和 8 年 度', 2026],
    ['R05', 2023],
    ['R5', 2023],
    ['Ｒ５', 2023],
    ['r5', 2023],
    ['R.5', 2023],
    ['R8', 2026],
    ['R12', 2030],
    ['R5年度', 2023],
    ['R 5 取組状況', 2023], // Aizuwakamatsu header with half-width spaces
    ['R5取組状況', 2023],
    ['H29', 2017],
    ['平成31年度', 2019],
    ['平成元年度', 1989],
    ['昭和64年', 1989],
    ['㍻30年度', 2018],
    ['㋿2年度', 2020],
    ['2021年度 (R3)', 2021],
    ['2021年度(R3)', 2021],
    ['2026年度（R8）', 2026],
    ['2021', 2021],
    ['２０２１年度', 2021],
    ['FY2023', 2023],
    ['現状 (令和 2 年)', 2020],
    ['現状 (令和1年)', 2019],
    ['目標値（令和8年）', 2026],
    ['基準値(R6)⇒目標値(R12)', 2024], // the first year written wins
    ['R5実績(2013年度比)', 2023],
    ['2013年度比', 2013],
    ['2019年度から2023年度', 2019],
    // Dates fall in the fiscal year that began the April before.
    ['R6.4.1', 2024],
    ['R6.3.31', 2023],
    ['令和5年3月', 2022],
    ['令和5年4月', 2023],
    ['2024-03-31', 2023],
    ['2024-04-01T00:00:00.000Z', 2024],
    [2023, 2023],
    // Not years.
    [5, undefined],
    [2023.5, undefined],
    ['2100件', undefined],
    ['1,858', undefined],
    ['PR5', undefined],
    ['R100', undefined],
    ['令和0年度', undefined],
    ['取組状況', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%p → %p', (text, want) => expect(parseFiscalYear(text)).toBe(want));
});

describe('fiscalYearLabel', () => {
  test.each<[number, 'ja' | 'en' | 'short' | undefined, string]>([
    [2023, undefined, '令和5年度'],
    [2019, 'ja', '令和元年度'],
    [2018, 'ja', '平成30年度'],
    [1989, 'ja', '平成元年度'],
    [1988, 'ja', '昭和63年度'],
    [1920, 'ja', '1920年度'],
    [2023, 'en', 'FY2023'],
    [2023, 'short', 'R5'],
    [2017, 'short', 'H29'],
  ])('%p %p → %p', (fy, lang, want) => expect(fiscalYearLabel(fy, lang)).toBe(want));
});
