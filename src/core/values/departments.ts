import { oncePerText } from '../once-per';
/**
 * What a 所管課 / 担当課 / 実施担当 cell means: the departments it names. The one splitter every
 * layout uses, for the forms the seeds show:
 *
 *   納税課・国保年金課            → 納税課, 国保年金課        (・ after a section splits)
 *   子育て・健康課                → 子育て・健康課            (・ inside a name does not)
 *   企画課、 団体所管課 / 人事課\n財政課 → two departments   (、 , / and line breaks split)
 *   DX推進課 市民課 関係課        → three                    (a space after a section splits)
 *   総務部 職員課                 → 総務部 職員課            (bureau and section are one department)
 *   納税課ほか関係課              → 納税課, 関係課
 *   情報統計課 (とりまとめ)・ほか関係課 → 情報統計課, 関係課  ((とりまとめ) marks who collates)
 *   企画調整課（スマートシティ推進室） → one                  (nothing splits inside brackets)
 *   まちづくり 推進課             → まちづくり推進課         (a PDF line wrap inside a name)
 */

/** Ends of a section-level name, after which 「・」, 「ほか」 or a space start the next department. */
const SECTION_END = /(?:課|室|係|担当|グループ)$/;
/** Ends of a bureau-level name: a space after it joins the section that follows (総務部 職員課). */
const BUREAU_END = /(?:部|局|本部|委員会)$/;

const OPEN = '(（【[「〔';
const CLOSE = ')）】]」〕';
const COLLATOR = /\s*[(（]\s*(?:とりまとめ|取りまとめ|取纏め)\s*[)）]\s*/g;
const HARD_SPLIT = /[、,，/／;；\n\r]/;
const MARKS_ONLY = /^[-ー―—・.。\s]*$/;

export function splitDepartments(text: string): string[] {
  // A plan names the same few dozen departments on thousands of rows: each text is split once.
  return [...splits(text)];
}
const splits = oncePerText(splitText);

function splitText(text: string): string[] {
  // Names are kept as typed (full-width brackets stay); only spacing is folded.
  const s = text.replace(/[\u3000\t\u00a0]/g, ' ').replace(/ *\r?\n */g, '\n').replace(COLLATOR, ' ');
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  const flush = () => {
    const d = tidy(cur);
    if (d && !MARKS_ONLY.test(d)) parts.push(d);
    cur = '';
  };
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const before = cur.trimEnd();
      if (HARD_SPLIT.test(ch)) {
        flush();
        continue;
      }
      if (ch === '・' && (before === '' || SECTION_END.test(before))) {
        flush();
        continue;
      }
      if (ch === 'ほ' && chars[i + 1] === 'か' && (before === '' || SECTION_END.test(before))) {
        flush();
        i++;
        continue;
      }
      if (ch === ' ' && SECTION_END.test(before)) {
        flush();
        continue;
      }
    }
    cur += ch;
  }
  flush();
  return parts;
}

/** Spaces kept only after a bureau (総務部 職員課); a line wrap inside a name (まちづくり 推進課) is closed up. */
function tidy(part: string): string {
  const t = part.replace(/\s+/g, ' ').trim().replace(/^・+|・+$/g, '').trim();
  return t.replace(/(\S+?) (?=\S)/g, (m, left: string) => (BUREAU_END.test(left) ? m : left));
}

const GROUP = /[【[［〔(（]([^】\]］〕)）]*)[】\]］〕)）]/g;
const RELATED = /^関[連係]所属\s*[;；:：]?\s*/;

/**
 * A department cell that brackets its parts: 【総務部 職員課、企画部 経営企画課】 〔関連所属；情報政策課〕
 * → the lead departments (split by the one splitter) and the related ones as typed. A cell without
 * brackets is split as it stands.
 */
export function readDepartments(text: string): { lead: string[]; related?: string } {
  const s = text.trim();
  if (!s) return { lead: [] };
  const groups = [...s.matchAll(GROUP)].map((m) => m[1].trim());
  if (!groups.length || !/^[【[［〔(（]/.test(s)) return { lead: splitDepartments(s) };
  const lead = groups.find((g) => !RELATED.test(g)) ?? '';
  const related = groups.find((g) => RELATED.test(g));
  return { lead: splitDepartments(lead), ...(related ? { related: related.replace(RELATED, '') } : {}) };
}
