import { headerKey } from '../grid/sheet-view';

/**
 * Header texts of the columns the add-in adds to a city's table. Readers recognise them so that a
 * second run finds its own column again instead of adding another, and never reads it as staff data.
 */

/** The achievement-ratio column the add-in computes (DOMAIN §7). */
export const OWNED_RATIO_HEADER = '達成率（自動）';

/** Owned field → header text; field names match `TableAnchor.owned` keys and `CellWrite.reason`. */
export const OWNED_HEADERS: Readonly<Record<string, string>> = {
  ratio: OWNED_RATIO_HEADER,
};

/** The owned field a header cell names, tolerant of width and spacing; undefined for staff headers. */
export function ownedFieldOfHeader(text: string): string | undefined {
  const k = headerKey(text);
  if (k === '') return undefined;
  for (const [field, header] of Object.entries(OWNED_HEADERS)) if (headerKey(header) === k) return field;
  return undefined;
}
