import type { CellValue, WorkbookGrid } from '../grid/types';
import { BREAKDOWN_HEADERS, BREAKDOWN_ROLE, NOT_RATED_TEXT, SUGGESTED_MARK, UNRATED_TEXT } from '../plan/breakdown-sheet';
import { ownerTokenOf } from '../settings/ownership';
import { normalizeWidth } from '../values';
import { parseFiscalYear } from '../values/fiscal-year';
import { looksPositional } from './identity';
import type { ItemSource } from './provenance';

/**
 * A consolidated file made earlier (last year's, or the plan's register kept as one) read back from
 * its 内訳 sheet: the items it counted, with their group, rating, amounts and where they came from.
 * This is the one place an owned sheet is read as data, and only this sheet, found by its owner tag.
 */
export interface BreakdownRead {
  sheet: string;
  reportFy?: number;
  groupLabel: string;
  items: ItemSource[];
}

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : normalizeWidth(String(v)).trim());
const amount = (v: CellValue | undefined) => {
  if (typeof v === 'number') return v;
  const t = text(v).replace(/,/g, '');
  return t !== '' && !Number.isNaN(Number(t)) ? Number(t) : null;
};

function headerAt(row: readonly CellValue[]): number {
  for (let c = 0; c + 11 < row.length; c++) {
    if (text(row[c]) !== 'No.') continue;
    const ok = (['ja', 'en'] as const).some((l) => text(row[c + 3]) === normalizeWidth(BREAKDOWN_HEADERS[l].id) && text(row[c + 4]) === BREAKDOWN_HEADERS[l].name);
    if (ok) return c;
  }
  return -1;
}

function ratingOf(t: string): { rating: string; suggested: boolean } {
  if (t === '' || t === UNRATED_TEXT.ja || t === UNRATED_TEXT.en) return { rating: 'unrated', suggested: false };
  if (t === NOT_RATED_TEXT.ja || t === NOT_RATED_TEXT.en) return { rating: 'notRated', suggested: false };
  for (const mark of Object.values(SUGGESTED_MARK)) {
    const m = normalizeWidth(mark).trim();
    if (t.endsWith(m)) return { rating: t.slice(0, -m.length).trim(), suggested: true };
  }
  return { rating: t, suggested: false };
}

export function readBreakdown(wb: WorkbookGrid): BreakdownRead | undefined {
  for (const sheet of wb.sheets) {
    if (ownerTokenOf(sheet.values)?.role !== BREAKDOWN_ROLE) continue;
    const title = text(sheet.values[0]?.[0]);
    for (let r = 0; r < sheet.values.length; r++) {
      const row = sheet.values[r] ?? [];
      const c = headerAt(row);
      if (c < 0) continue;
      const groupLabel = text(row[c + 2]);
      const items: ItemSource[] = [];
      for (let i = r + 1; i < sheet.values.length; i++) {
        const v = sheet.values[i] ?? [];
        const no = text(v[c]);
        if (no === '' || !/^\d+$/.test(no)) break;
        const group = text(v[c + 1]);
        const groupName = text(v[c + 2]);
        const itemId = text(v[c + 3]);
        const { rating, suggested } = ratingOf(text(v[c + 6]));
        // An item several departments share lists them all (breakdown-sheet.ts joins them with 、).
        const groups = group.split('、').filter(Boolean);
        items.push({
          group: groups[0] ?? group,
          groupName,
          groups: groups.length ? groups : [group],
          policyKey: group,
          policyName: groupName,
          itemId,
          positional: looksPositional(itemId),
          name: text(v[c + 4]),
          department: text(v[c + 5]),
          rating,
          suggested,
          effectPlanned: amount(v[c + 7]),
          effectActual: amount(v[c + 8]),
          file: text(v[c + 9]),
          sheet: text(v[c + 10]),
          cell: text(v[c + 11]),
          cells: { rating: null, effectPlanned: null, effectActual: null },
        });
      }
      const fy = parseFiscalYear(title);
      return { sheet: sheet.name, ...(fy !== undefined ? { reportFy: fy } : {}), groupLabel, items };
    }
  }
  return undefined;
}
