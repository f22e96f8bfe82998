import type { Policy } from '../../model/plan';
import { normalizeWidth, parseCircled, parseNumbering } from '../../values';

/**
 * What every Isehara layout (取組項目一覧, 実施項目・進捗管理シート, their reconciliation) shares:
 * the plan's five 基本方針, its ten 改革の推進項目, and the item code `5(8)①`.
 */

export const ISEHARA_POLICY_LABEL = '基本方針';

/** The five 基本方針 as the summary prints them (seed 004, 分野別内訳表). */
export const ISEHARA_POLICIES: readonly Policy[] = [
  { key: '1', name: '行政サービスの最適化', order: 1 },
  { key: '2', name: '公共私連携・協働', order: 2 },
  { key: '3', name: 'スマート市役所への転換', order: 3 },
  { key: '4', name: '公共施設の縮充・最適化', order: 4 },
  { key: '5', name: '健全な財政運営', order: 5 },
];

export interface IseharaGroup {
  /** '(1)' … '(10)': numbered across the whole plan, not per policy. */
  key: string;
  no: number;
  policyKey: string;
  /** The label the item sheets use (the plan's own wording). */
  name: string;
  /** The label printed in the 取組項目一覧 where it differs (`① 業務の改善の棚卸し`). */
  listName: string;
}

export const ISEHARA_GROUPS: readonly IseharaGroup[] = [
  { key: '(1)', no: 1, policyKey: '1', name: '業務の棚卸し・業務改善', listName: '業務の改善の棚卸し' },
  { key: '(2)', no: 2, policyKey: '1', name: '事務事業の見直し', listName: '事務事業の見直し' },
  { key: '(3)', no: 3, policyKey: '1', name: '組織・マネジメントの見直し', listName: '組織・マネジメントの見直し' },
  { key: '(4)', no: 4, policyKey: '2', name: '公民連携の推進', listName: '公民連携の推進' },
  { key: '(5)', no: 5, policyKey: '2', name: '市民・地域との協働の推進', listName: '市民・地域との協働の推進' },
  { key: '(6)', no: 6, policyKey: '3', name: 'ICTの活用・DXの推進', listName: 'ICTの活用・DXの推進' },
  { key: '(7)', no: 7, policyKey: '4', name: '公共施設マネジメントの推進', listName: '公共施設マネジメントの推進' },
  { key: '(8)', no: 8, policyKey: '5', name: '歳入改革(歳入の確保)', listName: '歳入改革(歳入の確保)' },
  { key: '(9)', no: 9, policyKey: '5', name: '歳出改革(歳出の節減合理化)', listName: '歳出改革(歳出の節減)' },
  { key: '(10)', no: 10, policyKey: '5', name: '財政運営規律の確保', listName: '財政運営規律の確保' },
];

export function iseharaPolicy(key: string): Policy | undefined {
  return ISEHARA_POLICIES.find((p) => p.key === key);
}

export function iseharaGroup(no: number): IseharaGroup | undefined {
  return ISEHARA_GROUPS.find((g) => g.no === no);
}

export interface IseharaCode {
  policyKey: string;
  /** '(8)' */
  groupKey: string;
  groupNo: number;
  /** The circled number: 1 for ①. */
  itemNo: number;
}

/** Circled form of 1–50, as the plan prints item numbers. */
export function circledNumber(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

/** 5, 8, 1 → `5(8)①`: the id every Isehara layout gives an item. */
export function formatIseharaCode(c: Pick<IseharaCode, 'policyKey' | 'groupNo' | 'itemNo'>): string {
  return `${c.policyKey}(${c.groupNo})${circledNumber(c.itemNo)}`;
}

/**
 * `5(8)①`, `5（8）①`, `５(８)⑫`, `5(8)-12`, `5-8-12` → its parts; undefined when the text is not
 * a code. Trailing text after the number (`5(8)①市税徴収率の向上`) is allowed, as the report's
 * narrative writes codes that way.
 */
export function parseIseharaCode(text: string | number | null | undefined): IseharaCode | undefined {
  if (text === null || text === undefined) return undefined;
  // Circled numbers must be read before width folding: NFKC-like folding would turn ① into 1.
  const s = String(text).trim();
  const m = /^([1-9１-９])\s*[(（]\s*([0-9０-９]{1,2})\s*[)）]\s*[-－ー]?\s*(\S)/u.exec(s);
  let policy: string | undefined;
  let group: number | undefined;
  let item: number | undefined;
  if (m) {
    policy = normalizeWidth(m[1]);
    group = Number(normalizeWidth(m[2]));
    item = parseCircled(m[3]);
    if (item === undefined) {
      const d = /^[(（]?([0-9０-９]{1,2})/.exec(s.slice(m.index + m[0].length - m[3].length));
      if (d) item = Number(normalizeWidth(d[1]));
    }
  } else {
    const h = /^([1-9])-(\d{1,2})-(\d{1,2})$/.exec(normalizeWidth(s));
    if (h) [policy, group, item] = [h[1], Number(h[2]), Number(h[3])];
  }
  if (!policy || !group || !item) return undefined;
  if (!iseharaPolicy(policy)) return undefined;
  return { policyKey: policy, groupKey: `(${group})`, groupNo: group, itemNo: item };
}

/**
 * Which 基本方針 a 区分 cell names: `1 行政サービスの最適化`, `1`, `１`, `2 公共私 の連携・ 協働`
 * (the list's line breaks), or the name alone.
 */
export function parsePolicyCell(text: string | number | null | undefined): string | undefined {
  if (text === null || text === undefined) return undefined;
  const s = normalizeWidth(String(text));
  if (s === '') return undefined;
  const lead = /^([1-9])(?:\s|[.．、:]|$)/.exec(s) ?? /^([1-9])(?=[^\d(（])/.exec(s);
  if (lead && iseharaPolicy(lead[1])) return lead[1];
  const compact = squeeze(s);
  for (const p of ISEHARA_POLICIES) if (compact.includes(squeeze(p.name))) return p.key;
  return undefined;
}

/**
 * Whether a 区分 cell names one of Isehara's 基本方針 (`1 行政サービスの最適化`, `１`, the name alone)
 * rather than another city's under the same number (`1 財政基盤の強化`).
 */
export function isIseharaPolicyText(text: string): boolean {
  const key = parsePolicyCell(text);
  if (key === undefined) return false;
  const rest = squeeze(normalizeWidth(text)).replace(/^[1-9][.．、:]?/, '');
  if (rest === '') return true;
  // A name cut short (a PDF's line break) is still the name; a word of it (財政) is not.
  return ISEHARA_POLICIES.some((p) => {
    const name = squeeze(p.name);
    return rest.includes(name) || (name.includes(rest) && rest.length * 2 >= name.length);
  });
}

/**
 * Which 推進項目 a 取組番号 cell names: `① 業務の改善の棚卸し`, `(1) 業務の棚卸し・業務改善`, `⑧`,
 * or a name alone (matched against both the sheet and list wording).
 */
export function parseGroupCell(text: string | number | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  const s = String(text).trim();
  if (s === '') return undefined;
  const n = parseNumbering(s);
  if (n && (n.numbering.kind === 'circled' || n.numbering.kind === 'paren') && iseharaGroup(n.numbering.n)) {
    return n.numbering.n;
  }
  const compact = squeeze(normalizeWidth(s));
  for (const g of ISEHARA_GROUPS) {
    if (compact === squeeze(g.name) || compact === squeeze(g.listName)) return g.no;
  }
  return undefined;
}

/**
 * The circled number in front of an item name: `① 業務の分析…` → 1 and the name. Undefined
 * number when the cell has none (the list prints 5(10)① without it).
 */
export function splitItemName(text: string): { itemNo?: number; name: string } {
  const s = text.trim();
  const first = [...s][0] ?? '';
  const c = parseCircled(first);
  if (c !== undefined) return { itemNo: c, name: s.slice(first.length).trim() };
  return { name: s };
}

/** Compares labels the PDF broke across lines (`公共私 の連携・ 協働`): no spaces, no stray の. */
function squeeze(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/の/g, '');
}

/**
 * Departments from the list's 部局 / 所属名 cells, each as `部局 所属`. A joint entry keeps the
 * second department's own bureau: 総務部 + `職員課、企画部 経営企画課` → [`総務部 職員課`,
 * `企画部 経営企画課`], as the item sheet's 【総務部 職員課、企画部 経営企画課】 reads.
 */
export function iseharaDepartments(bureau: string, section: string): string[] {
  const b = bureau.replace(/[\s\u3000]+/g, ' ').trim();
  const parts = section
    .split(/[、,，]/)
    .map((p) => p.replace(/[\s\u3000]+/g, ' ').trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return b ? [b] : [];
  return parts.map((p, i) => (i > 0 && /\S+(部|本部|局|委員会)\s/.test(p) ? p : b ? `${b} ${p}` : p));
}
