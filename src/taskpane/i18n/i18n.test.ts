import { en } from './en';
import { langFromDisplayLanguage, translator } from './index';
import { ja } from './ja';

test('Japanese and English have the same keys, none empty', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  for (const table of [ja, en]) for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
});

test('placeholders match between languages', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const k of Object.keys(ja) as (keyof typeof ja)[]) expect([k, names(en[k])]).toEqual([k, names(ja[k])]);
});

test('display language picks the pane language, Japanese by default', () => {
  expect(langFromDisplayLanguage('ja-JP')).toBe('ja');
  expect(langFromDisplayLanguage('en-US')).toBe('en');
  expect(langFromDisplayLanguage('fr-FR')).toBe('ja');
  expect(langFromDisplayLanguage(undefined)).toBe('ja');
  expect(translator('ja')('fillCells', { n: 3 })).toBe('3 セル');
});
