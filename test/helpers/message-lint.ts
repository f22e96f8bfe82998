import { fillTemplate, placeholders } from '../../src/core/i18n/template';

/**
 * Checks a pair of message tables (Japanese and English, same keys) for what makes a message read
 * like machine output: English words in Japanese text, brackets inside brackets, wrong English
 * plurals, placeholders that differ between the languages. Returns the problems, one line each.
 */
export interface LintOptions {
  /** Latin words allowed in Japanese text: command and option names, file types, product names. */
  allowInJapanese: RegExp[];
}

const OPEN = '(（[［';
const CLOSE = ')）]］';

/** Regular nouns the messages count; `1 <plural>` or `2 <singular>` is a bad plural. */
const NOUNS = [
  'error', 'warning', 'note', 'item', 'cell', 'sheet', 'file', 'rating', 'ratio', 'subtotal', 'column', 'table',
  'header', 'row', 'indicator', 'workbook', 'finding', 'change', 'department', 'source',
];

export function lintMessages(ja: Record<string, string>, en: Record<string, string>, opts: LintOptions): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(ja), ...Object.keys(en)]);
  for (const key of keys) {
    const j = ja[key];
    const e = en[key];
    if (j === undefined || e === undefined) {
      problems.push(`${key}: missing in ${j === undefined ? 'Japanese' : 'English'}`);
      continue;
    }
    const names = (t: string) => [...new Set(placeholders(t))].join();
    if (names(j) !== names(e)) problems.push(`${key}: placeholders differ (${names(j)} / ${names(e)})`);
    let latin = j.replace(/\{[^{}]*\}/g, ' ');
    for (const allowed of opts.allowInJapanese) latin = latin.replace(new RegExp(allowed.source, allowed.flags.includes('g') ? allowed.flags : `${allowed.flags}g`), ' ');
    const words = latin.match(/[A-Za-z][A-Za-z']+/g);
    if (words) problems.push(`${key}: English in Japanese text: ${words.join(', ')}`);
    for (const [lang, text] of [['ja', j], ['en', e]] as const) {
      const depth = nesting(text);
      if (depth > 1) problems.push(`${key} (${lang}): brackets inside brackets: ${text}`);
    }
    for (const n of [1, 2]) {
      const vars = Object.fromEntries(placeholders(e).map((p) => [p, n]));
      const text = fillTemplate(e, vars);
      for (const noun of NOUNS) {
        if (n === 1 && new RegExp(`\\b1 (more )?${noun}s\\b`).test(text)) problems.push(`${key}: "1 ${noun}s" in: ${text}`);
        if (n === 2 && new RegExp(`\\b2 (more )?${noun}\\b(?!s)`).test(text)) problems.push(`${key}: "2 ${noun}" in: ${text}`);
      }
    }
  }
  return problems;
}

/** Deepest nesting of round and square brackets (full- or half-width), ignoring 「」. */
export function nesting(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (OPEN.includes(ch)) max = Math.max(max, ++depth);
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return max;
}
