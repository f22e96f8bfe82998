import { z } from 'zod';

/**
 * The keys items use for their cells and texts. Typed, so a reader writing `departments` where the
 * validator reads `department` (or `plannedSubtotal` for `effectPlannedSubtotal`) is a compile error.
 *
 *   cells: name, target:2023, rating:2024, schedule:2026, class:推進手段, indicator#2, list:actual:2023 …
 *   notes: status, status:2023, status@人事課, plan:2026, subAction:1 …
 */

/** Cells an item has once. */
export const ITEM_CELL_FIELDS = [
  'id',
  'name',
  'policy',
  'group',
  'department',
  'indicator',
  'unit',
  'baseline',
  'target',
  'finalTarget',
  'actual',
  'rating',
  'status',
  'note',
  'content',
  'actions',
  'effectPlannedSubtotal',
  'effectActualSubtotal',
] as const;
export type ItemCellField = (typeof ITEM_CELL_FIELDS)[number];

/** Cells an item has once per fiscal year. */
export const YEAR_CELL_FIELDS = ['target', 'actual', 'rating', 'effectPlanned', 'effectActual', 'status', 'schedule', 'note'] as const;
export type YearCellField = (typeof YEAR_CELL_FIELDS)[number];

export type BaseCellKey = ItemCellField | `${YearCellField}:${number}` | `class:${string}`;
/** `#2`: the item's second indicator row. */
type RowCellKey = BaseCellKey | `${BaseCellKey}#${number}`;
/** `list:`: a cell of the Isehara list row merged into an item read from its sheet. */
export type CellKey = RowCellKey | `list:${RowCellKey}`;

const CELL_KEY = new RegExp(
  `^(?:list:)?(?:(?:${ITEM_CELL_FIELDS.join('|')})|(?:${YEAR_CELL_FIELDS.join('|')}):\\d{4}|class:[^#]+)(?:#\\d+)?$`,
);
export const isCellKey = (k: unknown): k is CellKey => typeof k === 'string' && CELL_KEY.test(k);
export const CellKeySchema = z.custom<CellKey>(isCellKey, { message: 'not a cell key' });

// Items of a large sheet all use the same few keys: one string each, not a new one per item and cell.
const yearKeys = new Map<string, Map<number, `${YearCellField}:${number}`>>();
export const yearKey = (field: YearCellField, fy: number): `${YearCellField}:${number}` => {
  let byFy = yearKeys.get(field);
  if (!byFy) yearKeys.set(field, (byFy = new Map()));
  let k = byFy.get(fy);
  if (k === undefined) byFy.set(fy, (k = `${field}:${fy}`));
  return k;
};
/** The key of a cell of the n-th indicator row (n = 0 is the item's own row, without a suffix). */
export const rowKey = (key: BaseCellKey, n: number): CellKey => (n === 0 ? key : `${key}#${n + 1}`);

/** Texts an item carries for display and checks. */
type NoteField = 'status' | 'note' | 'content' | 'actions' | 'rating' | 'related' | 'measure' | 'repostOf' | 'repostId';
export type NoteKey = NoteField | `${'status' | 'plan' | 'actual' | 'note'}:${number}` | `subAction:${number}` | `status@${string}`;

const NOTE_KEY = /^(?:status|note|content|actions|rating|related|measure|repostOf|repostId|(?:status|plan|actual|note):\d{4}|subAction:\d+|status@.+)$/;
export const isNoteKey = (k: unknown): k is NoteKey => typeof k === 'string' && NOTE_KEY.test(k);
export const NoteKeySchema = z.custom<NoteKey>(isNoteKey, { message: 'not a note key' });
