import { toA1 } from '../../src/core/grid/a1';
import type { CellRef } from '../../src/core/grid/types';
import {
  ItemSchema,
  PlanSchema,
  type Direction,
  type Indicator,
  type Item,
  type ItemFlag,
  type Plan,
  type Policy,
} from '../../src/core/model/plan';
import { parseRating, parseValue } from '../../src/core/values';
import type { ParsedValue } from '../../src/core/values/types';

/**
 * Small hand-built plans for tests. Values are given as staff would type them ('1,858', '30億円以内',
 * '-', 12) and parsed through src/core/values, so tests exercise the same meanings readers produce.
 * Every value gets a cell on a fixed grid: one row per item, columns per field and year, so
 * findings can be checked for the address they point at.
 */

export type Typed = string | number | null;

export interface ItemSpec {
  id: string;
  policy?: string;
  policyName?: string;
  name?: string;
  indicatorName?: string;
  unit?: string;
  qualitative?: boolean;
  direction?: Direction;
  directionSource?: Indicator['directionSource'];
  reportFy?: number;
  baseline?: Typed;
  /** The report year's target and actual (fy = reportFy ?? DEFAULT_FY). */
  target?: Typed;
  actual?: Typed;
  /** Other years' values, fy → typed. */
  targets?: Record<number, Typed>;
  actuals?: Record<number, Typed>;
  finalTarget?: Typed;
  /** The typed rating cell; unparseable text is kept in notes.rating as readers do. */
  rating?: string;
  effects?: Record<number, { planned?: Typed; actual?: Typed }>;
  plannedSubtotal?: Typed;
  actualSubtotal?: Typed;
  flags?: ItemFlag[];
  classes?: Record<string, string>;
  notes?: Record<string, string>;
  sheet?: string;
  /** Responsible departments (default 企画課). */
  departments?: string[];
  /** 0-based row; defaults to the item's position + 1 (row 0 is the header). */
  row?: number;
  /** Leave the indicator out entirely. */
  noIndicator?: boolean;
}

export const DEFAULT_FY = 2023;
export const SHEET = '進捗';

/** Column of each field; year-dependent fields get one column per year from FIRST_FY. */
export const COLUMNS = { name: 1, unit: 2, baseline: 3, finalTarget: 4, rating: 5, subtotalPlanned: 6, subtotalActual: 7 } as const;
const FIRST_FY = 2021;
const yearCol = (kind: 'target' | 'actual' | 'effectPlanned' | 'effectActual', fy: number) =>
  8 + (fy - FIRST_FY) * 4 + ['target', 'actual', 'effectPlanned', 'effectActual'].indexOf(kind);

export function cellOf(spec: { sheet?: string }, row: number, col: number): CellRef {
  return { sheet: spec.sheet ?? SHEET, address: toA1(row, col) };
}

function typed(v: Typed | undefined, cell: CellRef): ParsedValue {
  return parseValue(v ?? null, cell);
}

export function buildItem(spec: ItemSpec, position = 0): Item {
  const row = spec.row ?? position + 1;
  const at = (col: number) => cellOf(spec, row, col);
  const fy = spec.reportFy ?? DEFAULT_FY;
  const cells: Record<string, CellRef> = { name: at(COLUMNS.name) };
  const years = (given: Record<number, Typed> | undefined, current: Typed | undefined, kind: 'target' | 'actual') => {
    const all: Record<number, Typed> = { ...(given ?? {}) };
    if (current !== undefined) all[fy] = current;
    return Object.entries(all)
      .map(([y, v]) => {
        const cell = at(yearCol(kind, Number(y)));
        cells[`${kind}:${y}`] = cell;
        return { fy: Number(y), value: typed(v, cell) };
      })
      .sort((a, b) => a.fy - b.fy);
  };

  const indicators: Indicator[] = [];
  if (!spec.noIndicator) {
    const unit = spec.unit ?? '件';
    cells.unit = at(COLUMNS.unit);
    const ind: Indicator = {
      name: spec.indicatorName ?? `${spec.name ?? spec.id}の件数`,
      unit,
      direction: spec.direction ?? 'higher',
      directionSource: spec.directionSource ?? (spec.direction ? 'settings' : 'default'),
      aggregation: 'annual',
      qualitative: spec.qualitative ?? unit === '-',
      targets: years(spec.targets, spec.target, 'target'),
      actuals: years(spec.actuals, spec.actual, 'actual'),
      cell: at(COLUMNS.name),
    };
    if (spec.baseline !== undefined) {
      cells.baseline = at(COLUMNS.baseline);
      ind.baseline = { value: typed(spec.baseline, cells.baseline) };
    }
    if (spec.finalTarget !== undefined) {
      cells.finalTarget = at(COLUMNS.finalTarget);
      ind.finalTarget = { value: typed(spec.finalTarget, cells.finalTarget) };
    }
    indicators.push(ind);
  }

  const ratingCell = at(COLUMNS.rating);
  cells.rating = ratingCell;
  const rating = spec.rating !== undefined ? parseRating(spec.rating, ratingCell) : undefined;
  const notes = { ...(spec.notes ?? {}) };
  if (spec.rating !== undefined && spec.rating.trim() !== '' && !rating) notes.rating = spec.rating;

  let effects: Item['effects'];
  if (spec.effects || spec.plannedSubtotal !== undefined || spec.actualSubtotal !== undefined) {
    effects = {
      unit: '千円',
      byYear: Object.entries(spec.effects ?? {}).map(([y, e]) => {
        const out: { fy: number; planned?: ParsedValue; actual?: ParsedValue } = { fy: Number(y) };
        if (e.planned !== undefined) {
          cells[`effectPlanned:${y}`] = at(yearCol('effectPlanned', Number(y)));
          out.planned = typed(e.planned, cells[`effectPlanned:${y}`]);
        }
        if (e.actual !== undefined) {
          cells[`effectActual:${y}`] = at(yearCol('effectActual', Number(y)));
          out.actual = typed(e.actual, cells[`effectActual:${y}`]);
        }
        return out;
      }),
    };
    if (spec.plannedSubtotal !== undefined) {
      cells.effectPlannedSubtotal = at(COLUMNS.subtotalPlanned);
      effects.plannedSubtotal = typed(spec.plannedSubtotal, cells.effectPlannedSubtotal);
    }
    if (spec.actualSubtotal !== undefined) {
      cells.effectActualSubtotal = at(COLUMNS.subtotalActual);
      effects.actualSubtotal = typed(spec.actualSubtotal, cells.effectActualSubtotal);
    }
  }

  const policy = spec.policy ?? '1';
  return ItemSchema.parse({
    id: spec.id,
    policyKey: policy,
    policyName: spec.policyName ?? `基本方針${policy}`,
    name: spec.name ?? `取組${spec.id}`,
    departments: spec.departments ?? ['企画課'],
    indicators,
    ...(effects ? { effects } : {}),
    ...(spec.reportFy !== undefined ? { reportFy: spec.reportFy } : {}),
    ...(rating ? { rating } : {}),
    ratingCell,
    ...(spec.classes ? { classes: spec.classes } : {}),
    flags: spec.flags ?? [],
    ...(Object.keys(notes).length ? { notes } : {}),
    cells,
    source: { layout: 'test', sheet: spec.sheet ?? SHEET, row },
  });
}

export function buildPlan(specs: ItemSpec[], opts: { reportFy?: number; policies?: Policy[]; policyLabel?: string } = {}): Plan {
  const items = specs.map((s, i) => buildItem(s, i));
  const policies =
    opts.policies ??
    [...new Map(items.map((it) => [it.policyKey, it.policyName])).entries()].map(([key, name], order) => ({ key, name, order }));
  return PlanSchema.parse({
    layouts: ['test'],
    policyLabel: opts.policyLabel ?? '基本方針',
    policies,
    items,
    reportFy: opts.reportFy ?? DEFAULT_FY,
  });
}
