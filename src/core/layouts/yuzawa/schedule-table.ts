import { headerKey } from '../../grid/sheet-view';
import { normalizeWidth } from '../../values';
import { joinWrapped } from '../kit/build';

/**
 * The title row of a 取組事項's schedule table, `取組事項No. | 25 | 歳入基盤の強化 … | 担当課` (or
 * `取組事項No.25` in one cell), and the 【再掲】 marks inside it. The table itself is the kit's.
 */

export function isMeasureTitleKey(k: string): boolean {
  return /^取組事項(no|番号|№)/.test(k);
}

/** The 取組事項 a title row names: its number and name, from the cells of the row. */
export function measureTitle(cells: { col: number; text: string }[]): { no?: number; name?: string } | undefined {
  const i = cells.findIndex((c) => isMeasureTitleKey(headerKey(c.text)));
  if (i < 0) return undefined;
  const inline = /(\d{1,3})\s*$/.exec(normalizeWidth(cells[i].text));
  const rest = cells.slice(i + 1).filter((c) => headerKey(c.text) !== '担当課');
  let no: number | undefined;
  if (inline) no = Number(inline[1]);
  else if (rest.length && /^\d{1,3}$/.test(normalizeWidth(rest[0].text))) no = Number(normalizeWidth(rest.shift()!.text));
  return { ...(no !== undefined ? { no } : {}), ...(rest.length ? { name: joinWrapped(rest[0].text) } : {}) };
}

/** `◆遊休施設の活用 の検討【再掲】` (a sub-heading, alone or on the first line of the item cell). */
export function parseRepost(text: string): { source?: string; rest: string } | undefined {
  const lines = text.split(/\r?\n/);
  const joined = lines.map((l) => l.trim()).join('\n');
  const m = /^(.*?)[【[(（]\s*再\s*掲\s*[】\])）](.*)$/s.exec(joined);
  if (!m) return undefined;
  const before = m[1].replace(/^[◆◇■□●・\s]+/, '').trim();
  const after = m[2].trim();
  // `◆source【再掲】\nitem`: a heading naming where the rows come from; `item【再掲】`: the row itself.
  if (/^[◆◇■□]/.test(joined) || after !== '') return { source: joinWrapped(before.replace(/\n/g, '')), rest: joinWrapped(after.replace(/\n/g, ' ')) };
  return { rest: joinWrapped(before.replace(/\n/g, ' ')) };
}
