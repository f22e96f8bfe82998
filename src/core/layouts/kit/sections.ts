import { normalizeWidth, parseNumbering } from '../../values';
import type { HeadingRule, HeadingsSpec } from './spec';

/**
 * Heading rows (「1 行政サービスの最適化」, 「●重点項目1 …」, 「重点改革項目1 協働の市政の推進」, 「Ⅱ …」,
 * 「(2) …」, a merged title 「総務部」 over a block): one text across the row naming the section the
 * rows below belong to. One parser for every layout; a spec either lists its rules or lets the
 * numbering styles decide (the first style met is the top level, the next the second).
 */

export interface Heading {
  /** How it is numbered (paren, roman, word:重点改革項目 …); the level follows from it in automatic mode. */
  kind: string;
  key: string;
  name: string;
  /** The level word it carries (基本方針, 重点項目, 重点改革項目 …), which names the city's level. */
  label?: string;
}

/** Words that name a level of a plan outright. */
const LEVEL_WORDS = ['基本方針', '重点項目', '視点', '基本姿勢', '施策の柱', '改革の柱', '基本目標', '推進項目', 'テーマプログラム'];
/** A level word of the city's own: kanji and kana ending in one of these, or 重点 alone, followed by its number (重点改革項目1, 重点2). */
const WORD_NUMBER =
  /^([一-龯々ぁ-んァ-ヶー・の]{1,12}?(?:項目|方針|目標|の柱|柱|分野|視点|姿勢|施策|政策|戦略|プログラム|テーマ|方向|課題|取組)|重点)\s*(\d{1,2}|[IVXⅠ-Ⅻ]{1,4}|[①-⑳])(?![\d])\s*[.．、:：]?\s*(.*)$/s;
const DEPARTMENT_HEADING = /^[^\s]{1,12}(部|局|委員会|支所|事務所|本部)$/;
const MARKS = /^[●○◎■□◆◇▼▽★☆◯・]+\s*/; // not 〇: it is the placeholder in 〇〇市

/** 「【基本方針1】行政運営の改革」, 「［1］…」: the numbered level in brackets, the name after it. */
const BRACKETED = /^[【［[〔]\s*([^】］\]〕]{1,20}?)\s*[】］\]〕]\s*(.+)$/s;

function unbracket(t: string): string {
  const m = BRACKETED.exec(t);
  if (!m) return t;
  const inner = m[1];
  const numbered = LEVEL_WORDS.some((w) => inner.startsWith(w)) || WORD_NUMBER.test(normalizeWidth(inner)) || /^[0-9０-９]{1,2}$/.test(inner);
  return numbered ? `${inner} ${m[2]}` : t;
}

export function parseHeading(text: string): Heading {
  let t = unbracket(text.trim());
  let kind = '';
  const mark = MARKS.exec(t);
  if (mark) {
    kind = `mark:${mark[0].trim()}`;
    t = t.slice(mark[0].length).trim();
  }
  for (const w of LEVEL_WORDS) {
    if (!t.startsWith(w)) continue;
    const after = t.slice(w.length).trim();
    if (/^[0-9０-９]+$/.test(after)) return { kind: `${kind}label:${w}`, key: normalizeWidth(after), name: t, label: w };
    const n = parseNumbering(after.replace(/^(\d+|[IVXⅠ-Ⅹ]+)(?=[^\s.．、:：\d])/, '$1 '));
    if (n) return { kind: `${kind}label:${w}`, key: String(n.numbering.n), name: n.rest || t, label: w };
    return { kind: `${kind}label:${w}`, key: normalizeWidth(t), name: t, label: w };
  }
  const word = WORD_NUMBER.exec(normalizeWidth(t).replace(/^(\S+?)\s+(?=\d)/, '$1'));
  if (word && word[3]) {
    const n = parseNumbering(word[2]) ?? parseNumbering(`${word[2]} `);
    return { kind: `${kind}word:${word[1]}`, key: n ? String(n.numbering.n) : normalizeWidth(word[2]), name: word[3].trim(), label: word[1] };
  }
  // 第1章, 第2 …; 第3次 (a plan's edition) and 第2回 are not sections.
  const dai = /^第\s*([0-9０-９]+)\s*(?:[章節項部編款]|(?=[\s.．、:：]))\s*(.*)$/.exec(t);
  if (dai) return { kind: `${kind}dai`, key: normalizeWidth(dai[1]), name: dai[2] || t };
  const n = parseNumbering(t);
  if (n) return { kind: `${kind}${n.numbering.kind === 'arabic' && /^\s*[0-9０-９]{1,2}\s*[.．]/.test(t) ? 'arabic-dot' : n.numbering.kind}`, key: String(n.numbering.n), name: n.rest || t };
  return { kind: kind || 'plain', key: normalizeWidth(t), name: t };
}

/** Strong signs of a heading even in the item-name column (a plain `1 …` there is an item). */
export function looksLikeHeading(text: string): boolean {
  const t = unbracket(text.trim());
  if (MARKS.test(t)) return true;
  if (LEVEL_WORDS.some((w) => t.startsWith(w))) return true;
  if (WORD_NUMBER.test(normalizeWidth(t))) return true;
  if (/^第\s*[0-9０-９]+\s*(?:[章節項部編款]|[\s.．、:：])/.test(t)) return true;
  const n = parseNumbering(t);
  return !!n && n.numbering.kind === 'roman';
}

/** A sheet's title (「第3次〇〇市行財政改革行動計画 進行管理表(令和2年度末)」): a year and a document word, never a section. */
export function isTitleText(text: string): boolean {
  const t = normalizeWidth(text);
  return /(令和|平成)\s*(元|\d{1,2})\s*年|(19|20)\d{2}\s*年|R\s*\d{1,2}/.test(t) && /(計画|進捗|状況|一覧|管理表|報告|シート|結果|プラン)/.test(t);
}

const BREAKDOWN = /^[(（]?(?:うち[、,：:]?(?:歳入|歳出|一般財源|特定財源|国費|国庫|県費|市費|人件費|物件費|効果額|見込|実績)[^()（）]{0,6}|内訳)[)）]?$/;

/**
 * Rows that are not items: totals under the table, and the breakdown lines of a total (うち歳入,
 * （うち一般財源）, 内訳), and 〇〇計 of a section (歳出計, 部計).
 */
export function isTotalText(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, '');
  return /^(合計|小計|総計|計|total|subtotal)$/i.test(t) || BREAKDOWN.test(t) || /^(歳入|歳出|部局?|課|分野|方針|項目|年度)(合計|小計|計)$/.test(t);
}

/** Notes under or inside the table (※ …, 注) …, 備考: …). */
export function isNoteText(text: string): boolean {
  return /^[※＊*注]|^\(注\)|^（注）|^備考[:：]/.test(text.trim());
}

const KEYWORDS: Record<string, (h: Heading) => boolean> = {
  paren: (h) => h.kind.endsWith('paren'),
  circled: (h) => h.kind.endsWith('circled'),
  roman: (h) => h.kind.endsWith('roman'),
  arabic: (h) => h.kind.endsWith('arabic') || h.kind.endsWith('arabic-dot'),
  'arabic-dot': (h) => h.kind.endsWith('arabic-dot'),
  dai: (h) => h.kind.endsWith('dai'),
  word: (h) => h.kind.includes('word:') || h.kind.includes('label:'),
  mark: (h) => h.kind.startsWith('mark:'),
  plain: () => true,
};

const regexCache = new Map<string, RegExp>();

/** Whether a heading rule matches a text, and the key and name it gives. */
export function matchRule(rule: HeadingRule, text: string): Heading | undefined {
  const keyword = KEYWORDS[rule.match];
  if (keyword) {
    const h = parseHeading(text);
    return keyword(h) ? h : undefined;
  }
  let re = regexCache.get(rule.match);
  if (!re) {
    re = new RegExp(rule.match, 's');
    regexCache.set(rule.match, re);
  }
  const m = re.exec(normalizeWidth(text.trim()));
  if (!m) return undefined;
  const key = (m.groups?.key ?? m[1] ?? text).trim();
  const name = (m.groups?.name ?? m[2] ?? text).trim();
  return { kind: `rule:${rule.match}`, key: /^\d+$/.test(key) ? String(Number(key)) : key, name: name || text.trim() };
}

export type Level = 'policy' | 'group' | 'caption';

export interface SectionLevel {
  key: string;
  name: string;
}

/**
 * The sections a walk through a sheet is in. With rules, a heading is whatever a rule matches;
 * without, the numbering styles met decide the levels, leaving out a level the table has a column for.
 */
export class Sections {
  policy?: SectionLevel;
  group?: SectionLevel;
  caption?: SectionLevel;
  /** The level word the headings carry (重点改革項目), when they do. */
  label?: string;
  private readonly kinds: string[] = [];
  private readonly autoLevels: Level[];

  constructor(
    private readonly spec: HeadingsSpec,
    columns: { policy: boolean; group: boolean },
  ) {
    this.autoLevels = columns.policy ? (columns.group ? [] : ['group']) : columns.group ? ['policy'] : ['policy', 'group'];
  }

  /** The heading this text would be, without taking it. */
  peek(text: string): (Heading & { level: Level }) | undefined {
    if (this.spec.rules.length) {
      for (const rule of this.spec.rules) {
        const h = matchRule(rule, text);
        if (h) return { ...h, level: rule.level };
      }
      return undefined;
    }
    const h = parseHeading(text);
    const i = this.kinds.includes(h.kind) ? this.kinds.indexOf(h.kind) : this.kinds.length;
    const level = this.autoLevels[i];
    return level ? { ...h, level } : undefined;
  }

  /** Takes a heading row: the sections below it change. */
  take(text: string): (Heading & { level: Level }) | undefined {
    const h = this.peek(text);
    if (!h) return undefined;
    if (!this.spec.rules.length && !this.kinds.includes(h.kind)) this.kinds.push(h.kind);
    if (h.level === 'policy') {
      this.policy = { key: h.key, name: h.name };
      this.group = undefined;
      this.caption = undefined;
      if (h.label) this.label ??= h.label;
      // Blocks headed by a department's name (総務部, 教育委員会) are the departments' sections.
      else if (h.kind === 'plain' && DEPARTMENT_HEADING.test(h.name)) this.label ??= '部局';
    } else if (h.level === 'group') {
      this.group = { key: h.key, name: h.name };
      this.caption = undefined;
    } else this.caption = { key: h.key, name: h.name };
    return h;
  }
}
