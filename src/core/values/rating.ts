import type { CellValue, CellRef } from '../grid/types';
import { normalizeWidth } from './normalize';
import type { Rating, RatingLetter } from './types';

/** Labels cities print next to the letter; C has two wordings in the seeds. */
export const RATING_LABELS: Record<RatingLetter, string[]> = {
  A: ['計画を上回る', '計画以上'],
  B: ['概ね計画どおり', 'おおむね計画どおり', '計画どおり'],
  C: ['計画どおり進捗せず', '計画より進捗が遅れている', '遅れている'],
  D: ['進捗がほぼなし', '進捗なし', '未着手'],
};

/**
 * `A`, `Ａ`, `B 概ね計画どおり`, `C:計画より進捗が遅れている`, or a label alone → a rating.
 * Returns undefined for blank cells and for anything that is not a rating (the caller reports it).
 */
export function parseRating(raw: CellValue, cell?: CellRef): Rating | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = String(raw);
  const s = normalizeWidth(text).replace(/\s+/g, ' ').trim();
  if (s === '') return undefined;
  const m = /^([ABCDabcd])(?:$|[\s:：.．、)）]+(.*)$|(?=[^\x00-\x7f])(.*)$)/s.exec(s);
  if (m) {
    const letter = m[1].toUpperCase() as RatingLetter;
    const label = (m[2] ?? m[3] ?? '').trim();
    return { raw: text, ...(cell ? { cell } : {}), letter, ...(label ? { label } : {}) };
  }
  const compact = s.replace(/\s+/g, '');
  for (const letter of ['A', 'B', 'C', 'D'] as const) {
    if (RATING_LABELS[letter].some((l) => compact === l)) {
      return { raw: text, ...(cell ? { cell } : {}), letter, label: compact };
    }
  }
  return undefined;
}
