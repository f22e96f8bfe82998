import { toA1 } from '../grid/a1';
import { ownerNote, recordOwnedSheet, type OwnedSheetTarget } from '../settings/ownership';
import type { CellWrite, NewSheet, WritePlan } from './write-plan';

/**
 * The shared shape of the planning section's sheets (内訳, 検証結果, ヒアリング候補, 機械判読用): a new
 * sheet the add-in owns, written as plain cells (text as text, numbers as numbers), carrying the
 * owner note near its top so it is recognised again and never read as staff data.
 */
export const HEAD_STYLE = { bold: true, fill: '#DDEBF7', align: 'center', wrap: true, border: true } as const;
export const BODY_STYLE = { border: true } as const;

export interface SheetCells {
  put(row: number, col: number, value: string | number | null, extra?: Partial<CellWrite>): void;
  cells: CellWrite[];
}

export function sheetCells(name: string): SheetCells {
  const cells: CellWrite[] = [];
  const at = new Map<string, number>();
  return {
    cells,
    // A cell put again (a row's cell made a link after the row was put) is the one write, the last
    // put's: two writes of one cell would be two <c> of the same address, a file Excel must repair.
    put(row, col, value, extra = {}) {
      const address = toA1(row, col);
      const write: CellWrite = { sheet: name, address, value, expect: null, reason: 'report', ...extra };
      const i = at.get(address);
      if (i === undefined) {
        at.set(address, cells.length);
        cells.push(write);
      } else cells[i] = write;
    },
  };
}

/** Title in A1, the owner note in A2; returns the next free row. */
export function putTitle(s: SheetCells, title: string, target: OwnedSheetTarget, lang: 'ja' | 'en', sub?: string): number {
  s.put(0, 0, title, { style: { bold: true } });
  s.put(1, 0, ownerNote(target.role, target.token, lang));
  if (sub !== undefined) {
    s.put(2, 0, sub);
    return 4;
  }
  return 3;
}

/** One table row: the header style on a header, borders on the body. */
export function putRow(s: SheetCells, row: number, values: (string | number | null)[], opts: { head?: boolean; formats?: (string | undefined)[] } = {}): void {
  values.forEach((v, c) => {
    const format = opts.formats?.[c];
    s.put(row, c, v, { style: opts.head ? HEAD_STYLE : BODY_STYLE, ...(format && typeof v === 'number' ? { numberFormat: format } : {}) });
  });
}

export function ownedSheetPlan(
  label: string,
  target: OwnedSheetTarget,
  s: SheetCells,
  extra: Partial<Pick<NewSheet, 'merges' | 'columnWidths' | 'print' | 'visibility'>> = {},
): WritePlan {
  const sheet: NewSheet = {
    name: target.name,
    owner: { role: target.role, token: target.token },
    replace: target.replace,
    cells: s.cells,
    merges: extra.merges ?? [],
    ...(extra.columnWidths ? { columnWidths: extra.columnWidths } : {}),
    ...(extra.print ? { print: extra.print } : {}),
    ...(extra.visibility ? { visibility: extra.visibility } : {}),
  };
  return { label, writes: [], sheets: [sheet], settingsChanges: [recordOwnedSheet(target, sheet.cells)] };
}

/** Several sheet plans applied as one (one undo step, one settings write). */
export function combinePlans(label: string, plans: WritePlan[]): WritePlan {
  return {
    label,
    writes: plans.flatMap((p) => p.writes),
    sheets: plans.flatMap((p) => p.sheets),
    settingsChanges: plans.flatMap((p) => p.settingsChanges ?? []),
  };
}
