import { placeholders } from '../../core/i18n/template';
import { lintMessages } from '../../../test/helpers/message-lint';
import { en } from './en';
import { langFromDisplayLanguage, translator } from './index';
import { ja } from './ja';

test('Japanese and English have the same keys, none empty', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  for (const table of [ja, en]) for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
});

test('placeholders match between languages', () => {
  const names = (s: string) => [...new Set(placeholders(s))];
  for (const k of Object.keys(ja) as (keyof typeof ja)[]) expect([k, names(en[k])]).toEqual([k, names(ja[k])]);
});

test('display language picks the pane language, Japanese by default', () => {
  expect(langFromDisplayLanguage('ja-JP')).toBe('ja');
  expect(langFromDisplayLanguage('en-US')).toBe('en');
  expect(langFromDisplayLanguage('fr-FR')).toBe('ja');
  expect(langFromDisplayLanguage(undefined)).toBe('ja');
  expect(translator('ja')('fillCells', { n: 3 })).toBe('3 セル');
});

test('pane strings: no English in Japanese, no brackets in brackets, English plurals agree', () => {
  // The language switch names the other language in that language: 「English」 is meant.
  const latin = [/^English$/, /\bExcel\b/, /\.xlsx\b/, /\bR8\b/, /\b[A-D]\b/];
  expect(lintMessages(ja, en, { allowInJapanese: latin })).toEqual([]);
  expect(translator('en')('fillCells', { n: 1 })).toBe('1 cell');
  expect(translator('en')('fillCells', { n: 1234 })).toBe('1,234 cells');
});
