import { z } from 'zod';
import { normalizeWidth } from './normalize';
import { oncePer } from '../once-per';

/**
 * Rating scales as data. Cities rate progress on their own scale: A–D, S/A/B/C, A–E with C "on
 * plan", 1–5 with 1 or 5 best, ◎○△×, 達成/部分実施/検討中, 未着手/取組中/完了, stages 1 検討 → 5 実行.
 * A scale names its symbols best first, the labels printed with them (and their variants), the marks
 * that mean "not rated / not applicable" (counted apart, never an error), and how a computed
 * suggestion maps onto it. docs/rules.md lists them.
 */

export const ScaleSymbolSchema = z.object({
  symbol: z.string().min(1),
  label: z.object({ ja: z.string(), en: z.string() }),
  /** Other ways the symbol itself is typed (〇 for ○, 計画以上 for 計画を上回る …), label wordings included. */
  variants: z.array(z.string()).default([]),
});
export type ScaleSymbol = z.infer<typeof ScaleSymbolSchema>;

/** What the numbers say about an item, before it is put on a city's scale. */
export const GradeSchema = z.enum(['beats', 'meets', 'short', 'worse']);
export type Grade = z.infer<typeof GradeSchema>;

export const ScaleSchema = z.object({
  id: z.string(),
  label: z.object({ ja: z.string(), en: z.string() }),
  /** Best first: the summary's columns, in this order. */
  symbols: z.array(ScaleSymbolSchema).min(2),
  /** Marks meaning "not rated / not applicable" (評価対象外, －): counted apart, never an error. */
  notRated: z.array(z.string()).default([]),
  /**
   * The symbol a computed grade becomes; a grade left out gets no suggestion (status scales such as
   * 未着手/取組中/完了 are the department's judgement only).
   */
  suggest: z.partialRecord(GradeSchema, z.string()).default({}),
  /** Default thresholds for the 'thresholds' rule: a ratio at or above `min` earns `symbol`; below all, the last symbol. */
  thresholds: z.array(z.object({ symbol: z.string(), min: z.number() })).default([]),
  /** Header words that point at this scale when values alone cannot tell (進捗度 → stages). */
  hints: z.array(z.string()).default([]),
});
export type Scale = z.infer<typeof ScaleSchema>;

/** Marks that mean "not rated" on every scale. */
export const NOT_RATED_MARKS = ['-', '－', '―', '—', 'ー', '対象外', '評価対象外', '評価対象外項目', '未評価', '評価なし', '該当なし', '/', '／', '＊', '*'];

const sym = (symbol: string, ja: string, en: string, variants: string[] = []): z.input<typeof ScaleSymbolSchema> => ({ symbol, label: { ja, en }, variants });
/** Grades several achievement scales share. */
const ACHIEVED = sym('達成', '達成', 'achieved');
const MOSTLY = sym('概ね達成', '概ね達成', 'mostly achieved', ['おおむね達成', 'ほぼ達成']);
const NOT_ACHIEVED = sym('未達成', '未達成', 'not achieved');

const LIBRARY_INPUT: z.input<typeof ScaleSchema>[] = [
  {
    id: 'A-D',
    label: { ja: 'A〜D', en: 'A to D' },
    symbols: [
      sym('A', '計画を上回る', 'ahead of plan', ['計画以上', '計画を上回って進捗', '計画より進んでいる']),
      sym('B', '概ね計画どおり', 'broadly on plan', ['おおむね計画どおり', '概ね計画通り', 'おおむね計画通り', '計画どおり', '計画通り']),
      sym('C', '計画どおり進捗せず', 'behind plan', ['計画通り進捗せず', '計画より進捗が遅れている', '計画より遅れている', '遅れている']),
      sym('D', '進捗がほぼなし', 'little or no progress', ['進捗がほぼない', 'ほぼ進捗なし', '進捗なし', '未着手']),
    ],
    suggest: { beats: 'A', meets: 'B', short: 'B', worse: 'C' },
    thresholds: [
      { symbol: 'A', min: 100 },
      { symbol: 'B', min: 80 },
      { symbol: 'C', min: 50 },
    ],
  },
  {
    id: 'S-C',
    label: { ja: 'S・A・B・C', en: 'S, A, B, C' },
    symbols: [
      sym('S', '特に良好に進捗', 'well ahead', ['計画以上', '計画を上回る', '特に良好']),
      sym('A', '良好に進捗', 'on plan', ['計画どおり', '計画通り', '良好', '順調']),
      sym('B', '概ね進捗', 'slightly behind', ['やや遅れている', 'やや遅れ', '概ね順調']),
      sym('C', '進捗に課題あり', 'behind', ['ほとんど進んでいない', '遅れている', '課題あり']),
    ],
    suggest: { beats: 'S', meets: 'A', short: 'B', worse: 'C' },
    thresholds: [
      { symbol: 'S', min: 110 },
      { symbol: 'A', min: 100 },
      { symbol: 'B', min: 70 },
    ],
  },
  {
    id: 'S-D',
    label: { ja: 'S・A・B・C・D', en: 'S, A, B, C, D' },
    symbols: [
      sym('S', '計画を大きく上回る', 'well ahead of plan', ['大きく上回る', '特に良好']),
      sym('A', '計画どおり', 'on plan', ['計画通り', '計画を上回る', '順調']),
      sym('B', '概ね計画どおり', 'broadly on plan', ['おおむね計画どおり', '概ね計画通り', '概ね順調']),
      sym('C', '計画より遅れている', 'behind plan', ['遅れている', 'やや遅れ', '遅れ']),
      sym('D', '未着手・進捗なし', 'not started', ['未着手', '進捗なし']),
    ],
    suggest: { beats: 'S', meets: 'A', short: 'B', worse: 'C' },
    thresholds: [
      { symbol: 'S', min: 110 },
      { symbol: 'A', min: 100 },
      { symbol: 'B', min: 80 },
      { symbol: 'C', min: 50 },
    ],
    hints: ['S～D', 'S~D', 'S〜D', 'SABCD', 'S・A・B・C・D'],
  },
  {
    id: 'A-E',
    label: { ja: 'A〜E(Cが計画どおり)', en: 'A to E, C on plan' },
    symbols: [
      sym('A', '計画を大きく上回る', 'well ahead of plan', ['大きく上回る']),
      sym('B', '計画を上回る', 'ahead of plan', ['上回る']),
      sym('C', '計画どおり', 'on plan', ['計画通り', '概ね計画どおり']),
      sym('D', '計画を下回る', 'behind plan', ['下回る', 'やや遅れ']),
      sym('E', '計画を大きく下回る', 'well behind plan', ['大きく下回る', '遅れ']),
    ],
    suggest: { beats: 'B', meets: 'C', short: 'D', worse: 'E' },
    thresholds: [
      { symbol: 'A', min: 120 },
      { symbol: 'B', min: 105 },
      { symbol: 'C', min: 95 },
      { symbol: 'D', min: 70 },
    ],
  },
  {
    id: '5-1',
    label: { ja: '5段階(5が最良)', en: '5 to 1, 5 best' },
    symbols: [
      sym('5', '計画を大きく上回る', 'well ahead of plan'),
      sym('4', '計画を上回る', 'ahead of plan'),
      sym('3', '計画どおり', 'on plan'),
      sym('2', '計画を下回る', 'behind plan'),
      sym('1', '計画を大きく下回る', 'well behind plan'),
    ],
    suggest: { beats: '4', meets: '3', short: '2', worse: '1' },
    thresholds: [
      { symbol: '5', min: 120 },
      { symbol: '4', min: 105 },
      { symbol: '3', min: 95 },
      { symbol: '2', min: 70 },
    ],
    hints: ['評価', '達成度', '評点'],
  },
  {
    id: '1-5',
    label: { ja: '5段階(1が最良)', en: '1 to 5, 1 best' },
    symbols: [
      sym('1', '計画を大きく上回る', 'well ahead of plan'),
      sym('2', '計画を上回る', 'ahead of plan'),
      sym('3', '計画どおり', 'on plan'),
      sym('4', '計画を下回る', 'behind plan'),
      sym('5', '計画を大きく下回る', 'well behind plan'),
    ],
    suggest: { beats: '2', meets: '3', short: '4', worse: '5' },
    thresholds: [
      { symbol: '1', min: 120 },
      { symbol: '2', min: 105 },
      { symbol: '3', min: 95 },
      { symbol: '4', min: 70 },
    ],
    hints: ['順位', '1が最良', '1が良'],
  },
  {
    id: 'stages',
    label: { ja: '段階(1 検討→5 実行)', en: 'stages, 1 study to 5 carried out' },
    symbols: [
      sym('5', '実行', 'carried out', ['実行(終了)', '終了', '実施']),
      sym('4', '実行準備', 'preparing', ['準備']),
      sym('3', '内容決定', 'decided', ['決定']),
      sym('2', '調整', 'coordinating', ['調整(協議)', '協議']),
      sym('1', '検討', 'studying', ['検討(調査)', '調査']),
    ],
    hints: ['進捗度', '段階', 'ステージ', '工程', '進度'],
  },
  {
    id: 'marks',
    label: { ja: '◎・○・△・×', en: '◎, ○, △, ×' },
    symbols: [
      sym('◎', '計画以上', 'ahead of plan', ['計画を上回る']),
      sym('○', '計画どおり', 'on plan', ['〇', '◯', '計画通り']),
      sym('△', '遅れている', 'behind plan', ['やや遅れ', '一部未達成']),
      sym('×', '未実施', 'not done', ['✕', '✖', 'Ｘ', '進捗なし']),
    ],
    suggest: { beats: '◎', meets: '○', short: '△', worse: '△' },
    thresholds: [
      { symbol: '◎', min: 100 },
      { symbol: '○', min: 80 },
      { symbol: '△', min: 50 },
    ],
  },
  {
    id: 'achieved',
    label: { ja: '達成・部分実施・検討中', en: 'achieved, partly done, under study' },
    symbols: [
      sym('達成', '達成', 'achieved', ['完了', '実施済', '実施済み']),
      sym('部分実施', '部分実施', 'partly done', ['一部実施', '一部達成', '実施中']),
      sym('検討中', '検討中', 'under study', ['検討', '未実施']),
    ],
    suggest: { beats: '達成', meets: '達成', short: '部分実施', worse: '部分実施' },
    thresholds: [
      { symbol: '達成', min: 100 },
      { symbol: '部分実施', min: 1 },
    ],
  },
  {
    id: 'completion',
    label: { ja: '完了・一部実施・その他', en: 'done, partly done, other' },
    symbols: [
      sym('完了', '完了', 'done', ['実施済', '実施済み']),
      sym('一部実施', '一部実施', 'partly done', ['一部完了']),
      sym('その他', '計画変更・中止', 'changed or stopped', ['計画変更', '中止', '変更']),
    ],
    suggest: { beats: '完了', meets: '完了', short: '一部実施', worse: '一部実施' },
    thresholds: [
      { symbol: '完了', min: 100 },
      { symbol: '一部実施', min: 1 },
    ],
    hints: ['取組結果'],
  },
  {
    id: 'status',
    label: { ja: '未着手・取組中・完了', en: 'not started, in progress, done' },
    symbols: [
      sym('完了', '完了', 'done', ['終了', '実施済', '済']),
      sym('取組中', '取組中', 'in progress', ['取り組み中', '実施中', '着手', '着手済', '継続中']),
      sym('未着手', '未着手', 'not started', ['未実施']),
    ],
    hints: ['実施状況', '着手状況', '取組状況'],
  },
  {
    id: 'attainment',
    label: { ja: '達成・一部達成・未達成', en: 'achieved, partly, not achieved' },
    symbols: [ACHIEVED, sym('一部達成', '一部達成', 'partly achieved', ['一部']), NOT_ACHIEVED],
    suggest: { beats: '達成', meets: '達成', short: '一部達成', worse: '未達成' },
    thresholds: [
      { symbol: '達成', min: 100 },
      { symbol: '一部達成', min: 1 },
    ],
    hints: ['達成度', '達成状況'],
  },
  {
    // The middle grade many cities use instead of 一部達成: 概ね (mostly) achieved.
    id: 'mostly',
    label: { ja: '達成・概ね達成・未達成', en: 'achieved, mostly, not achieved' },
    // 概ね alone names the middle grade only where 一部達成 is not another one.
    symbols: [ACHIEVED, sym('概ね達成', '概ね達成', 'mostly achieved', ['おおむね達成', 'ほぼ達成', '概ね']), NOT_ACHIEVED],
    suggest: { beats: '達成', meets: '達成', short: '概ね達成', worse: '未達成' },
    thresholds: [
      { symbol: '達成', min: 100 },
      { symbol: '概ね達成', min: 80 },
    ],
    hints: ['達成度', '達成状況'],
  },
  {
    // Progress said as pace (進捗状況): on schedule, a little behind, behind.
    id: 'pace',
    label: { ja: '順調・やや遅れ・遅れ', en: 'on track, slightly behind, behind' },
    symbols: [
      sym('順調', '順調', 'on track', ['順調に進捗', '順調に進んでいる', '計画どおり進捗']),
      sym('やや遅れ', 'やや遅れ', 'slightly behind', ['やや遅れている', '若干遅れ', '若干遅れている', 'やや遅延']),
      sym('遅れ', '遅れ', 'behind', ['遅れている', '大幅に遅れ', '大幅な遅れ', '遅延']),
    ],
    suggest: { beats: '順調', meets: '順調', short: 'やや遅れ', worse: '遅れ' },
    thresholds: [
      { symbol: '順調', min: 100 },
      { symbol: 'やや遅れ', min: 80 },
    ],
    hints: ['進捗状況', '進捗度', '進捗評価', '進行状況'],
  },
  {
    id: 'mostly-partly',
    label: { ja: '達成・概ね達成・一部達成・未達成', en: 'achieved, mostly, partly, not achieved' },
    symbols: [ACHIEVED, MOSTLY, sym('一部達成', '一部達成', 'partly achieved'), NOT_ACHIEVED],
    suggest: { beats: '達成', meets: '達成', short: '一部達成', worse: '未達成' },
    thresholds: [
      { symbol: '達成', min: 100 },
      { symbol: '概ね達成', min: 80 },
      { symbol: '一部達成', min: 1 },
    ],
    hints: ['達成度', '達成状況'],
  },
];

export const SCALES: readonly Scale[] = LIBRARY_INPUT.map((s) => ScaleSchema.parse(s));
export const DEFAULT_SCALE: Scale = SCALES[0];

export function scaleById(id: string | undefined): Scale | undefined {
  return id === undefined ? undefined : SCALES.find((s) => s.id === id);
}

/** Comparison form of a symbol or label: width folded, spaces and brackets dropped. */
export function ratingKey(s: string): string {
  return normalizeWidth(s)
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[([【〔]+|[)\]】〕]+$/g, '')
    .replace(/通り/g, 'どおり')
    .toUpperCase();
}

interface Compiled {
  /** ratingKey → symbol, for symbols and their symbol-like variants (〇 → ○). */
  bySymbol: Map<string, string>;
  /** ratingKey → symbol, for labels and label variants. */
  byLabel: Map<string, string>;
  notRated: Set<string>;
  /** Symbols longest first, for "symbol + label" cells. */
  prefixes: { key: string; symbol: string }[];
}

const compile = oncePer((scale: Scale): Compiled => {
  const bySymbol = new Map<string, string>();
  const byLabel = new Map<string, string>();
  for (const s of scale.symbols) {
    bySymbol.set(ratingKey(s.symbol), s.symbol);
    byLabel.set(ratingKey(s.label.ja), s.symbol);
    for (const v of s.variants) {
      // A short variant that is not a word (〇, ✕) is another way of typing the symbol.
      if ([...v].length <= 1) bySymbol.set(ratingKey(v), s.symbol);
      else byLabel.set(ratingKey(v), s.symbol);
    }
  }
  const notRated = new Set([...NOT_RATED_MARKS, ...scale.notRated].map(ratingKey));
  const prefixes = [...bySymbol.entries()].map(([key, symbol]) => ({ key, symbol })).sort((a, b) => b.key.length - a.key.length);
  return { bySymbol, byLabel, notRated, prefixes };
});

export interface ReadRating {
  symbol: string;
  /** The label typed with the symbol, if any (`概ね計画どおり`). */
  label?: string;
  /** The symbol the label itself stands for, when it is one of the scale's wordings. */
  labelSymbol?: string;
  /** A "not rated / not applicable" mark (－, 評価対象外). */
  notRated?: boolean;
}

const ASCII_ALNUM = /[A-Za-z0-9]/;

/**
 * What a rating cell says on a scale: a symbol alone (`A`, `Ａ`, `◎`, `3`), a symbol with its label
 * (`B 概ね計画どおり`, `B:…`, `B（…）`, `A（達成）`, `A計画を上回る`), a label alone, or a not-rated
 * mark. Undefined for anything else (the validator reports it) and for blank cells.
 */
export function readRating(text: string, scale: Scale): ReadRating | undefined {
  const c = compile(scale);
  const s = normalizeWidth(text).replace(/\s+/g, ' ').trim();
  if (s === '') return undefined;
  const whole = ratingKey(s);
  if (c.notRated.has(whole)) return { symbol: s, notRated: true };
  const exact = c.bySymbol.get(whole);
  if (exact) return { symbol: exact };
  const labelled = c.byLabel.get(whole);
  if (labelled) return { symbol: labelled, label: s.replace(/\s+/g, ''), labelSymbol: labelled };

  // Symbol first, then a label: strip an opening bracket around the symbol (`[A]`, `【C】 …`).
  const body = normalizeWidth(s).replace(/^[([【〔]\s*/, '');
  const upper = body.toUpperCase();
  for (const p of c.prefixes) {
    if (!upper.startsWith(p.key)) continue;
    let rest = body.slice(p.key.length);
    // `AB`, `A4`, `B-1`, `12`: a longer code, not a rating.
    if (ASCII_ALNUM.test(p.key[p.key.length - 1]) && (ASCII_ALNUM.test(rest[0] ?? '') || /^-\d/.test(rest))) continue;
    rest = rest.replace(/^\s*[)\]】〕]/, '').replace(/^[\s:.、・-]+/, '').trim();
    rest = rest.replace(/^[(（](.*)[)）]$/s, '$1').trim();
    if (rest === '') return { symbol: p.symbol };
    if (/^[\d\-A-Za-z]/.test(rest)) continue;
    const labelSymbol = c.byLabel.get(ratingKey(rest));
    return { symbol: p.symbol, label: rest, ...(labelSymbol ? { labelSymbol } : {}) };
  }
  return undefined;
}

/** The position of a symbol on its scale: 0 is best. */
export function rankOf(scale: Scale, symbol: string): number {
  return scale.symbols.findIndex((s) => s.symbol === symbol);
}

export interface ScaleGuess {
  scale: Scale;
  /** 0..1: how much of what was typed the scale explains, lowered when another scale explains it as well. */
  confidence: number;
  /** Distinct values seen (as typed, trimmed), not-rated marks excluded. */
  values: string[];
  /** Values the scale does not read. */
  unread: string[];
}

/**
 * The scale a rating column is on, from the values typed in it: the scale that reads the most of
 * them; among equals, one whose hint words the header holds, then the one that needs the fewest
 * symbols the column does not use (S/A/B/C over A–E for S, A, B), then library order (A–D first).
 */
export function inferScale(values: string[], header = ''): ScaleGuess | undefined {
  const distinct = [...new Set(values.map((v) => normalizeWidth(v).replace(/\s+/g, ' ').trim()).filter((v) => v !== ''))];
  const rated = distinct.filter((v) => !SCALES.some((s) => readRating(v, s)?.notRated));
  if (rated.length === 0) return undefined;
  const headerKey = ratingKey(header);
  let best: { scale: Scale; read: number; hint: boolean; unused: number; index: number; unread: string[] } | undefined;
  let ties = 0;
  SCALES.forEach((scale, index) => {
    const symbolsUsed = new Set<string>();
    const unread: string[] = [];
    for (const v of rated) {
      const r = readRating(v, scale);
      if (r && !r.notRated) symbolsUsed.add(r.symbol);
      else unread.push(v);
    }
    const read = rated.length - unread.length;
    if (read === 0) return;
    const hint = scale.hints.some((h) => headerKey.includes(ratingKey(h)));
    const unused = scale.symbols.length - symbolsUsed.size;
    const cand = { scale, read, hint, unused, index, unread };
    const cmp = !best ? 1 : read - best.read || Number(hint) - Number(best.hint) || best.unused - unused;
    if (cmp > 0) {
      best = cand;
      ties = 0;
    } else if (cmp === 0) ties++;
  });
  if (!best) return undefined;
  const b = best as { scale: Scale; read: number; unread: string[] };
  const coverage = b.read / rated.length;
  return { scale: b.scale, confidence: Math.round((coverage / (1 + ties * 0.25)) * 100) / 100, values: rated, unread: b.unread };
}
