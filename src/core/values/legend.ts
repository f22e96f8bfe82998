import { normalizeWidth } from './normalize';
import { NOT_RATED_MARKS, ScaleSchema, type Scale } from './scales';

/**
 * A city's own rating scale, from the legend printed with its sheet (「評価基準 4：計画以上に進んでいる
 * 3：計画どおり 2：やや遅れている 1：遅れている」, or 「A：…」 「B：…」 in cells beside the header): the
 * symbols in the legend's order, best first, each with the meaning the city gives it. Taken only
 * when every rating typed is one of its symbols. It suggests no rating: what its grades mean in
 * numbers is the city's judgement, not the add-in's.
 */

/** The rating letters and marks a legend explains (「A：目標を達成」, 「◎：順調」). */
export const LEGEND_MARK = '[A-ES◎○〇△▲×✕●■□]';
/** A symbol and a colon where a legend entry starts (after normalizeWidth: ASCII letters, digits and colon). */
const ENTRY = new RegExp(`(^|[\\s、,/])(${LEGEND_MARK}|[0-9]{1,2})\\s*:\\s*`, 'g');
/** Meanings that say an item fell behind: listed first, the legend runs worst first. */
const BEHIND = /遅れ|未|下回|できな|不十分|低い|困難|進んでいない|進捗なし/;

interface Entry {
  symbol: string;
  meaning: string;
}

function entriesOf(text: string): Entry[] {
  const s = normalizeWidth(text);
  const starts: { symbol: string; at: number; end: number }[] = [];
  for (const m of s.matchAll(ENTRY)) starts.push({ symbol: m[2], at: m.index! + m[1].length, end: m.index! + m[0].length });
  return starts
    .map((e, i) => ({ symbol: e.symbol, meaning: s.slice(e.end, i + 1 < starts.length ? starts[i + 1].at : s.length).replace(/[\s、,/]+$/, '').trim() }))
    .filter((e) => e.meaning !== '' && e.meaning.length <= 40);
}

/** The scale a sheet's legend states for these typed ratings, if it states one that reads them all. */
export function legendScale(texts: readonly string[], values: readonly string[]): Scale | undefined {
  const entries: Entry[] = [];
  for (const t of texts) for (const e of entriesOf(t)) if (!entries.some((x) => x.symbol === e.symbol)) entries.push(e);
  if (entries.length < 3) return undefined;
  const symbols = new Set(entries.map((e) => e.symbol));
  const typed = [...new Set(values.map((v) => normalizeWidth(v).trim()).filter((v) => v !== '' && !NOT_RATED_MARKS.includes(v)))];
  if (typed.length === 0 || !typed.every((v) => symbols.has(v))) return undefined;
  const ordered = BEHIND.test(entries[0].meaning) && !BEHIND.test(entries[entries.length - 1].meaning) ? [...entries].reverse() : entries;
  const list = ordered.map((e) => e.symbol);
  return ScaleSchema.parse({
    id: `legend:${list.join('')}`,
    label: { ja: `シートの凡例(${list.join('・')})`, en: `the sheet's legend (${list.join(', ')})` },
    symbols: ordered.map((e) => ({ symbol: e.symbol, label: { ja: e.meaning, en: e.meaning }, variants: [e.meaning] })),
    notRated: [...NOT_RATED_MARKS],
  });
}
