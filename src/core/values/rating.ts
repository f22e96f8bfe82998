import type { CellValue, CellRef } from '../grid/types';
import { normalizeWidth } from './normalize';
import type { Rating, RatingLetter } from './types';

/**
 * Labels cities print next to the letter. C has two wordings in the seeds: 計画どおり進捗せず in
 * Isehara's summary, 計画より進捗が遅れている on its item sheets.
 */
export const RATING_LABELS: Record<RatingLetter, string[]> = {
  A: ['計画を上回る', '計画以上', '計画を上回って進捗', '計画より進んでいる'],
  B: ['概ね計画どおり', 'おおむね計画どおり', '概ね計画通り', 'おおむね計画通り', '計画どおり', '計画通り'],
  C: ['計画どおり進捗せず', '計画通り進捗せず', '計画より進捗が遅れている', '計画より遅れている', '遅れている'],
  D: ['進捗がほぼなし', '進捗がほぼない', 'ほぼ進捗なし', '進捗なし', '未着手'],
};

const LABEL_TO_LETTER = new Map<string, RatingLetter>();
for (const letter of ['A', 'B', 'C', 'D'] as const) {
  for (const l of RATING_LABELS[letter]) LABEL_TO_LETTER.set(l, letter);
}

/** The letter a label names, if it is one of the known wordings (spaces ignored). */
export function ratingLetterOfLabel(label: string): RatingLetter | undefined {
  return LABEL_TO_LETTER.get(normalizeWidth(label).replace(/\s+/g, ''));
}

/**
 * Letter at the start, optionally in brackets (`[A]`, `（Ｂ）`, `【C】`), then either nothing, a
 * separator and a label, a bracketed label (`B（概ね計画どおり）`), or a label in Japanese glued to
 * the letter (`A計画を上回る`). An ASCII letter right after (`AB`, `Apple`) is not a rating.
 */
const LETTER_FIRST = /^[([【〔]?\s*([ABCDabcd])\s*[)\]】〕]?(?:$|[\s:.、)\]-]+(.*)$|(?=[^ -~(])(.*)$|\((.*)\)$)/s;

/**
 * `A`, `Ａ`, `b`, `B 概ね計画どおり`, `B:概ね計画どおり`, `B（概ね…）`, `C 計画より進捗が遅れている`,
 * or a label alone → a rating. Undefined for blank cells and for anything that is not a rating
 * (`E`, `良`, `S`): the caller reports it.
 */
export function parseRating(raw: CellValue | undefined, cell?: CellRef): Rating | undefined {
  if (raw === null || raw === undefined || typeof raw === 'number' || typeof raw === 'boolean') return undefined;
  const text = raw;
  const s = normalizeWidth(text).replace(/\s+/g, ' ').trim();
  if (s === '') return undefined;
  const at = cell ? { cell } : {};
  const m = LETTER_FIRST.exec(s);
  if (m) {
    const letter = m[1].toUpperCase() as RatingLetter;
    const label = (m[2] ?? m[3] ?? m[4] ?? '').trim().replace(/^[(（](.*)[)）]$/s, '$1').trim();
    // A letter followed by a non-label (`A4`, `B-1`) is a code, not a rating.
    if (label !== '' && /^[\d\-A-Za-z]/.test(label)) return undefined;
    const labelLetter = label ? ratingLetterOfLabel(label) : undefined;
    return { raw: text, ...at, letter, ...(label ? { label } : {}), ...(labelLetter ? { labelLetter } : {}) };
  }
  const letter = ratingLetterOfLabel(s);
  if (letter) return { raw: text, ...at, letter, label: s.replace(/\s+/g, ''), labelLetter: letter };
  return undefined;
}
