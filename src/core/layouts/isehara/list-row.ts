import type { CellRef } from '../../grid/types';
import type { SheetView } from '../../grid/sheet-view';
import type { CellMap, Indicator, Item } from '../../model/plan';
import { inferDirection } from '../../rules/direction';
import { normalizeWidth, parseRating, parseValue } from '../../values';
import type { ParsedValue } from '../../values/types';
import { finding, type Finding } from '../../validation/finding';
import {
  formatIseharaCode,
  iseharaDepartments,
  iseharaGroup,
  iseharaPolicy,
  parseGroupCell,
  parseIseharaCode,
  parsePolicyCell,
  splitItemName,
} from './common';
import type { ListField, ListHeader } from './list-header';

export const LIST_LAYOUT_ID = 'isehara-list';

/** 区分 / 取組番号 carried down from the rows above, for copies where they are typed once per group. */
export interface Carry {
  policy?: string;
  group?: number;
}

export interface RowRead {
  /** Undefined only when the code could not be read; `fallbackId` is used instead. */
  code?: string;
  item: Item;
  findings: Finding[];
}

/** Cells that belong to one item row; 区分 / 取組番号 are excluded because merges and carries span rows. */
const ROW_FIELDS: ListField[] = ['item', 'indicator', 'unit', 'rating', 'comment', 'target', 'actual', 'effectPlanned', 'effectActual'];

export function isBlankItemRow(view: SheetView, header: ListHeader, row: number): boolean {
  return ROW_FIELDS.every((f) => {
    const c = header.columns[f];
    return c === undefined || view.isMergeFollower(row, c) || view.text(row, c) === '';
  });
}

/** `1(2)` or `1(2)-` in front of an item name; the circled number after it is read by splitItemName. */
const LEADING_CODE = /^\s*[1-9１-９]\s*[(（]\s*[0-9０-９]{1,2}\s*[)）]\s*[-－ー]?\s*/u;

const QUALITATIVE_UNIT = /^[-ー－―—]$/;

/** Reads one item row of the list into an Item, with the findings its cells call for. */
export function readListRow(
  view: SheetView,
  header: ListHeader,
  row: number,
  fy: number | undefined,
  carry: Carry,
): RowRead {
  const col = header.columns;
  const findings: Finding[] = [];
  const cells: Partial<Record<ListField, CellRef>> = {};
  const text = (f: ListField): string => {
    const c = col[f];
    if (c === undefined) return '';
    // A merged 区分 / 取組番号 is pointed at where its text lives, the merge's top-left.
    const m = view.merge(row, c);
    cells[f] = m ? view.ref(m.top, m.left) : view.ref(row, c);
    return view.text(row, c);
  };
  const value = (f: ListField): ParsedValue | undefined => {
    const c = col[f];
    return c === undefined ? undefined : parseValue(view.value(row, c), view.ref(row, c));
  };
  const at = (f: ListField) => view.ref(row, col[f] ?? col.item!);

  const itemText = text('item');
  const policyText = text('policy');
  const groupText = text('group');
  if (policyText) carry.policy = policyText;
  const groupNoTyped = groupText ? parseGroupCell(groupText) : undefined;
  if (groupText) carry.group = groupNoTyped;

  // A full code typed anywhere wins over the pieces: some copies put `1(2)④` in 取組番号 or before the name.
  const typedCode = parseIseharaCode(groupText) ?? parseIseharaCode(itemText);
  const { itemNo, name } = splitItemName(itemText.replace(LEADING_CODE, ''));
  const groupNo = typedCode?.groupNo ?? (groupText ? groupNoTyped : carry.group);
  const group = groupNo !== undefined ? iseharaGroup(groupNo) : undefined;
  let policyKey = typedCode?.policyKey ?? (carry.policy ? parsePolicyCell(carry.policy) : undefined);

  if (!typedCode && policyKey === undefined && group) {
    policyKey = group.policyKey;
    findings.push(
      finding('LAY011', at('policy'), { level: '区分', from: '取組番号', value: groupText || `(${group.no})`, key: group.policyKey }),
    );
  } else if (!typedCode && policyKey !== undefined && group && group.policyKey !== policyKey) {
    findings.push(
      finding('LAY012', at('group'), { what: { ja: '基本方針', en: 'policy' }, first: `区分 ${policyKey}`, second: `取組番号 (${group.no}) → ${group.policyKey}`, used: `区分 ${policyKey}` }),
    );
  }

  const num = typedCode?.itemNo ?? itemNo;
  const code =
    policyKey !== undefined && groupNo !== undefined && num !== undefined
      ? formatIseharaCode({ policyKey, groupNo, itemNo: num })
      : undefined;
  const id = code ?? `${view.name}!${row + 1}`;
  if (!code) {
    const missing = [
      policyKey === undefined ? { ja: '区分(基本方針)', en: '区分 (policy)' } : undefined,
      groupNo === undefined ? { ja: '取組番号(推進項目)', en: '取組番号 (promotion item)' } : undefined,
      num === undefined ? { ja: '取組項目の丸数字', en: 'the circled item number' } : undefined,
    ].filter((x): x is { ja: string; en: string } => !!x);
    findings.push(
      finding('LAY009', at(num === undefined ? 'item' : groupNo === undefined ? 'group' : 'policy'), { id, number: { ja: `取組番号(${missing.map((m) => m.ja).join('・')})`, en: `item code (${missing.map((m) => m.en).join(', ')})` } }, id),
    );
  }

  const policy = policyKey !== undefined ? iseharaPolicy(policyKey) : undefined;
  const indicatorName = text('indicator');
  const unit = normalizeWidth(text('unit'));
  const target = value('target');
  const actual = value('actual');
  const planned = value('effectPlanned');
  const effectActual = value('effectActual');
  const yearCells: CellMap = {};
  if (fy !== undefined) {
    for (const f of ['target', 'actual', 'effectPlanned', 'effectActual'] as const) {
      if (col[f] !== undefined) yearCells[`${f}:${fy}`] = view.ref(row, col[f]!);
    }
  }

  const qualitative = QUALITATIVE_UNIT.test(unit) || target?.kind !== 'number';
  const dir = inferDirection({ name: indicatorName, unit: unit || undefined, target });
  const indicator: Indicator = {
    name: indicatorName,
    ...(unit ? { unit } : {}),
    direction: dir.direction,
    directionSource: dir.source,
    aggregation: /累計/.test(indicatorName) ? 'cumulative' : 'annual',
    qualitative,
    targets: fy !== undefined && target ? [{ fy, value: target }] : [],
    actuals: fy !== undefined && actual ? [{ fy, value: actual }] : [],
    ...(col.indicator !== undefined ? { cell: view.ref(row, col.indicator) } : {}),
  };

  let rating: Item['rating'];
  let ratingCell: CellRef | undefined;
  let unread: string | undefined;
  if (col.rating !== undefined) {
    ratingCell = view.ref(row, col.rating);
    const raw = view.value(row, col.rating);
    rating = parseRating(raw, ratingCell);
    // Not A–D: kept as typed for the validator (VLD003), which says so for every layout alike.
    const typed = text('rating');
    if (!rating && typed !== '') unread = typed;
  }

  const bureau = text('bureau');
  const section = text('section');
  const comment = text('comment');
  const item: Item = {
    id,
    policyKey: policyKey ?? '',
    policyName: policy?.name ?? carry.policy ?? '',
    ...(group ? { groupKey: group.key, groupName: group.name } : {}),
    name,
    departments: iseharaDepartments(bureau, section),
    indicators: [indicator],
    ...(fy !== undefined
      ? {
          effects: {
            unit: '千円',
            byYear: [{ fy, ...(planned ? { planned } : {}), ...(effectActual ? { actual: effectActual } : {}) }],
          },
          reportFy: fy,
        }
      : {}),
    ...(rating ? { rating } : {}),
    ...(ratingCell ? { ratingCell } : {}),
    flags: [],
    ...(comment || unread ? { notes: { ...(comment ? { status: comment } : {}), ...(unread ? { rating: unread } : {}) } } : {}),
    cells: {
      name: view.ref(row, col.item!),
      ...(cells.policy ? { policy: cells.policy } : {}),
      ...(cells.group ? { group: cells.group } : {}),
      ...(cells.indicator ? { indicator: cells.indicator } : {}),
      ...(cells.unit ? { unit: cells.unit } : {}),
      ...(cells.rating ? { rating: cells.rating } : {}),
      ...(cells.section ?? cells.bureau ? { department: (cells.section ?? cells.bureau)! } : {}),
      ...(cells.comment && fy !== undefined ? { [`status:${fy}` as const]: cells.comment } : {}),
      ...yearCells,
    },
    source: { layout: LIST_LAYOUT_ID, sheet: view.name, row },
  };
  return { ...(code ? { code } : {}), item, findings };
}
