import { isTotalText, looksLikeHeading, parseHeading } from './sections';

/** Heading rows as cities type them: the key and name each gives, and the level word it carries. */
describe('parseHeading', () => {
  test.each([
    ['1 行政サービスの最適化', '1', '行政サービスの最適化', undefined],
    ['基本方針１ 持続可能な財政運営', '1', '持続可能な財政運営', '基本方針'],
    ['重点改革項目1 協働の市政の推進', '1', '協働の市政の推進', '重点改革項目'],
    ['重点1　歳入の確保', '1', '歳入の確保', '重点'],
    ['重点２ 歳出の見直し', '2', '歳出の見直し', '重点'],
    ['重点取組3 人材育成', '3', '人材育成', '重点取組'],
    ['(2) 民間活力の活用', '2', '民間活力の活用', undefined],
    ['第1章 組織の見直し', '1', '組織の見直し', undefined],
    ['【基本方針1】行政運営の改革', '1', '行政運営の改革', '基本方針'],
    ['［重点2］歳出の見直し', '2', '歳出の見直し', '重点'],
    ['【2】財政の改革', '2', '財政の改革', undefined],
  ])('%s → key %s, name %s', (text, key, name, label) => {
    const h = parseHeading(text);
    expect([h.key, h.name, h.label]).toEqual([key, name, label]);
  });

  test.each([
    ['重点施策の推進', false],
    ['【再掲】窓口の電子化', false],
    ['【基本方針1】行政運営の改革', true],
    ['重点的な見直し', false],
    ['重点2 歳出の見直し', true],
    ['●推進項目 窓口改革', true],
  ])('%s looks like a heading in the name column: %s', (text, yes) => {
    expect(looksLikeHeading(text)).toBe(yes);
  });
});

describe('isTotalText', () => {
  test.each([
    ['合計', true],
    ['合　計', true],
    ['計', true],
    ['う ち 歳入', true],
    ['（うち一般財源）', true],
    ['うち、歳出削減分', true],
    ['内訳', true],
    ['歳出計', true],
    ['部計', true],
    ['会計', false],
    ['統計', false],
    ['公会計の推進', false],
    ['内訳書の見直し', false],
    ['うちわ祭りの見直し', false],
    ['使用料の見直し', false],
  ])('%s → %s', (text, total) => {
    expect(isTotalText(text)).toBe(total);
  });
});
