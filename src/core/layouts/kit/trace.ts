import type { SheetView } from '../../grid/sheet-view';
import type { Item } from '../../model/plan';
import type { Finding } from '../../validation/finding';
import type { Scale } from '../../values';
import type { LayoutRead } from '../types';
import type { HookContext } from './define';
import type { TableColumn } from './find-table';
import type { LabelMatcher } from './labels';
import type { ItemRow, SheetWalk, TableWalk, WalkOptions } from './rows';
import type { LayoutSpec, TableSpec } from './spec';

/**
 * How a table layout read the workbook, kept beside its read (never inside it, so the read's shape
 * and its JSON stay as they are) for the incremental re-analysis (engine/incremental.ts): the walks
 * it took, and the reader's own steps, so an item is rebuilt, and the report year and scale decided,
 * by the very code the full read ran, never by a copy of it.
 */
export interface ReadTrace {
  spec: LayoutSpec;
  tables: { spec: TableSpec; labels: LabelMatcher }[];
  /** The walks, each with the view it read: the sheet as the read saw it. */
  walks: { view: SheetView; walk: SheetWalk }[];
  /** Sheets a layout's sheet hook read instead of walking (a 目次, a grid): nothing of theirs is local. */
  hookedSheets: string[];
  ctx: HookContext;
  /** The layout has a hook run after every sheet (links across items). */
  after: boolean;
  row?: WalkOptions['row'];
  start?(view: SheetView): WalkOptions['start'];
  /** The scale and report year as decided from the walks, and the findings that decision made. */
  decided: Decided;
  /** Decides them again, on the given views of the same walks. */
  decide(walks: { view: SheetView; walk: SheetWalk }[]): Decided;
  /** Whether the decision surely stands when one cell of this column on an item's own row goes from `before` to `after` (texts). */
  decidedDespite(column: TableColumn, before: string, after: string): boolean;
  /** One item as the read builds it (buildItem, then the layout's item hook); undefined when the hook drops the row. */
  itemOf(ir: ItemRow, tw: TableWalk, ctx: HookContext): Item | undefined;
}

export interface Decided {
  scale: Scale;
  year?: number;
  findings: Finding[];
}

export const readTraces = new WeakMap<LayoutRead, ReadTrace>();
