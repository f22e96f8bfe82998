import type { CellRef } from '../../grid/types';
import { normalizeWidth, parseCircled, parseValue } from '../../values';
import type { NumberValue } from '../../values/types';

/**
 * Nihonmatsu writes its KPIs inside the 主な取組 cell, next to the actions (seed 002):
 *   〔・証明書等のコンビニ交付による 交付率 24%⇒30%〕
 *   〔・…納付率 50%⇒60% ・…納付率 10%⇒20%〕            two KPIs in one bracket
 *   〔ふるさと納税による寄附額 1億5千万円⇒2億5千万円〕      kanji multipliers
 *   ・電子申告の利用率 給与報告書 59%⇒80% 償却資産 28%⇒40% …   one label, several 区分
 *   ・年間超過勤務時間が150時間超の職員数 85人⇒40人           a number inside the label
 *   ・街路灯LED化更新数(累計) 303基⇒495基                   cumulative
 * In the workbook the spaces are often line breaks; both read the same.
 */

export interface KpiPair {
  /** The indicator label with line-wrap spaces removed: `証明書等のコンビニ交付による交付率`. */
  label: string;
  /** 区分 when one label carries several pairs (`給与報告書`). */
  category?: string;
  /** label, plus `(区分)` when there is one: what the indicator is called. */
  name: string;
  base: NumberValue;
  target: NumberValue;
  unit?: string;
  /** `(累計)` in the label or a value: a running total. */
  cumulative: boolean;
  /** The pair as written, `24%⇒30%`. */
  text: string;
}

export interface SubAction {
  n: number;
  mark: string;
  text: string;
}

export interface MainActions {
  /** Text before any sub-action, bullet or KPI. */
  body: string;
  subActions: SubAction[];
  /** 「・」 items that are actions, not KPIs. */
  bullets: string[];
  kpis: KpiPair[];
  /** Segments that hold an arrow but no readable base⇒target pair (reported, never guessed). */
  unreadable: string[];
}

// A number as plans write it: 24 | 0 | 29,983 | 98.5 | 1億5千万 | 629万. Multipliers are left to parseValue.
const NUM = String.raw`[-▲△]?\d[\d,]*(?:\.\d+)?(?:[兆億万千百]\d*(?:\.\d+)?)*`;
// The unit right after a number: % 施設 円 人 枚 基 … (no digits, spaces, brackets or separators).
const UNIT = String.raw`[^\s\d⇒→⇨➡〔〕・()（）]{0,6}`;
const ARROW = String.raw`\s*[⇒→⇨➡]\s*`;
const PAIR = new RegExp(`(${NUM})(${UNIT})${ARROW}(${NUM})(${UNIT})`, 'gu');
const HAS_ARROW = /[⇒→⇨➡]/;

/** Splits at a bullet that starts a line or follows a space, and at 〔 〕 (a 中黒 inside a word is kept). */
const SEGMENT_SPLIT = /(?:^|\s)・|〔\s*・?|〕/u;

const compact = (s: string) => s.replace(/\s+/g, '');

function numberValue(text: string, cell: CellRef | undefined): NumberValue | undefined {
  const v = parseValue(text, cell);
  return v.kind === 'number' ? v : undefined;
}

/** Parses the base⇒target pairs of one segment (text between bullets/brackets). */
function pairsOf(segment: string, cell: CellRef | undefined): { kpis: KpiPair[]; readable: boolean } {
  const matches = [...segment.matchAll(PAIR)];
  if (matches.length === 0) return { kpis: [], readable: !HAS_ARROW.test(segment) };
  const kpis: KpiPair[] = [];
  const prefix = segment.slice(0, matches[0].index).trim();
  const tokens = prefix.split(/\s+/).filter(Boolean);
  const several = matches.length > 1;
  // With several pairs the last word before the first pair is its 区分 (給与報告書), the rest the label.
  const label = compact(several && tokens.length > 1 ? tokens.slice(0, -1).join('') : prefix);
  let readable = true;
  matches.forEach((m, i) => {
    let category: string | undefined;
    if (several) {
      if (i === 0) category = tokens.length > 1 ? tokens[tokens.length - 1] : undefined;
      else {
        const prev = matches[i - 1];
        category = compact(segment.slice(prev.index + prev[0].length, m.index)) || undefined;
      }
    }
    const [, baseNum, baseUnitRaw, targetNum, targetUnitRaw] = m;
    const baseUnit = baseUnitRaw.trim();
    const targetUnit = targetUnitRaw.trim();
    // The base often leaves its unit to the target (24⇒30%); the unit belongs to both.
    const base = numberValue(baseNum + (baseUnit || targetUnit), cell);
    const target = numberValue(targetNum + (targetUnit || baseUnit), cell);
    if (!base || !target) {
      readable = false;
      return;
    }
    const name = category ? `${label}(${category})` : label;
    kpis.push({
      label,
      ...(category ? { category } : {}),
      name,
      base,
      target,
      ...(target.unit ?? base.unit ? { unit: target.unit ?? base.unit } : {}),
      cumulative: /累計/.test(label) || Boolean(base.cumulative || target.cumulative),
      text: m[0].trim(),
    });
  });
  // Text after the last pair that holds another arrow is a pair we could not read.
  const last = matches[matches.length - 1];
  if (HAS_ARROW.test(segment.slice(last.index + last[0].length))) readable = false;
  return { kpis, readable };
}

/** Circled sub-actions in action text: `①A ②B` → [{1, A}, {2, B}]. */
export function subActionsOf(text: string): SubAction[] {
  const out: SubAction[] = [];
  const chars = [...text];
  let cur: SubAction | undefined;
  for (const ch of chars) {
    const n = parseCircled(ch);
    if (n !== undefined) {
      if (cur) out.push({ ...cur, text: cur.text.trim() });
      cur = { n, mark: ch, text: '' };
    } else if (cur) cur.text += ch;
  }
  if (cur) out.push({ ...cur, text: cur.text.trim() });
  return out;
}

/**
 * Reads one 主な取組 cell: its plain text, its ①② sub-actions, its 「・」 bullets and every
 * base⇒target KPI pair, with numbers parsed through `parseValue` (万/億/千万, full-width, ▲).
 */
export function parseMainActions(text: string, cell?: CellRef): MainActions {
  const s = normalizeWidth(text);
  const segments = s.split(SEGMENT_SPLIT).map((x) => x.trim());
  const kpis: KpiPair[] = [];
  const bullets: string[] = [];
  const unreadable: string[] = [];
  let head = segments[0] ?? '';
  segments.forEach((seg, i) => {
    if (seg === '') return;
    const { kpis: found, readable } = pairsOf(seg, cell);
    kpis.push(...found);
    if (!readable) unreadable.push(seg);
    if (i === 0) {
      if (found.length) head = '';
      return;
    }
    if (found.length === 0 && readable) bullets.push(seg);
  });
  const subActions = subActionsOf(head);
  const firstMark = [...head].findIndex((ch) => parseCircled(ch) !== undefined);
  const body = (firstMark < 0 ? head : [...head].slice(0, firstMark).join('')).trim();
  return { body, subActions, bullets, kpis, unreadable };
}
