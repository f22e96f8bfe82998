import { normalizeWidth } from './normalize';

/**
 * What a schedule cell says for its year (実施時期, the year columns of a 工程表): nothing planned, a
 * step planned (a mark such as ●, an arrow or line carrying on from the year before, circled
 * numbers naming the sub-actions, or a phase in words: 検討, 実施, 制度設計 …), or something that is
 * no schedule entry at all (a number, ×, ?). Free text is taken as a phase: cities describe their
 * steps in their own words, and only what cannot be a step is questioned.
 */
export type ScheduleEntry = { kind: 'none' } | { kind: 'planned'; phase?: string } | { kind: 'unknown'; raw: string };

/** The marks a schedule cell may hold, as the catalogue's message offers them. */
export const SCHEDULE_MARKS = ['●', '○', '◎', '→', '実施', '検討'];

/** Marks, arrows and lines that plan a step or carry one on (─→ across the years). */
const MARK_CHARS = /^[●○◎〇◯■□◆◇▲△▼▽★☆◉◍⦿→⇒⇨➡➔⟶⇢←↔＞>\-－ｰー\u2012-\u2015\u2500-\u257f…・\s①-⑳]+$/;
/** Empty in all but look: a dash alone, a slash. */
const EMPTY = /^(?:[-－ｰー]+|[/／])$/;
/** Japanese words: a phase written out. */
const WORDS = /[\u3040-\u30ff\u3400-\u9fff々]/;

export function parseSchedule(text: string): ScheduleEntry {
  const t = normalizeWidth(text).trim();
  if (t === '' || EMPTY.test(t)) return { kind: 'none' };
  if (MARK_CHARS.test(t)) return { kind: 'planned' };
  if (WORDS.test(t)) return { kind: 'planned', phase: t };
  return { kind: 'unknown', raw: text.trim() };
}

/** A status or rating that says the item has not been started. */
export function saysNotStarted(text: string): boolean {
  return /未着手|未実施|着手していない|取り組んでいない|実施していない/.test(normalizeWidth(text));
}
