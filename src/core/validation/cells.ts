import { z } from 'zod';
import type { CellRef } from '../grid/types';
import { FIELD_LABEL, type CellRule, type CellRules, type Field } from '../model/fields';
import type { CellKey } from '../model/keys';
import type { Item } from '../model/plan';
import { actualFor, targetFor } from '../rules/evaluate';
import { readRating, saysNothing, type Scale } from '../values';
import type { ParsedValue } from '../values/types';
import { finding, type Finding } from './finding';
import type { FindingCode } from './catalogue';
import { itemLabel, shown, where } from './shared';
import type { Label, ParamValue } from './template';
import { oncePer } from '../once-per';

/**
 * Cells checked against zod schemas. Every field of a layout has the schema of what its cells must
 * hold (a number, an amount, a symbol of the scale, a text that says something); this one validator
 * runs them on every item and turns each zod issue into a finding at the cell, with the catalogue
 * code the schema names in the issue's params.
 */

interface Issue {
  code: FindingCode;
  /** Parameters the schema adds to the item's and the cell's (e.g. the label a rating carried). */
  params?: Record<string, ParamValue>;
}

/** A custom issue that names its catalogue code. */
function raise(ctx: z.RefinementCtx, code: FindingCode, params: Record<string, ParamValue> = {}): void {
  ctx.addIssue({ code: 'custom', message: code, params: { code, params } });
}

const Value = z.custom<ParsedValue>((v) => typeof v === 'object' && v !== null && 'kind' in v);

/** A KPI value: a number (qualifiers, units and ▲ allowed), a blank, or a state word; free text is not one. */
export const NumberCell = Value.superRefine((v, ctx) => {
  if (v.kind === 'text') raise(ctx, 'VLD001');
});

/** An effect amount: a number; a negative one is summed as it is and said so. */
export const AmountCell = Value.superRefine((v, ctx) => {
  if (v.kind === 'text') raise(ctx, 'VLD002');
  else if (v.kind === 'number' && v.value < 0) raise(ctx, 'VLD012');
});

/** A rating: a symbol of the plan's scale, with a label that agrees with it, or a not-rated mark. */
export const ratingCell: (scale: Scale) => z.ZodType<string> = oncePer(ratingSchema);

function ratingSchema(scale: Scale) {
  return z.string().superRefine((text, ctx) => {
    if (text.trim() === '') return;
    const r = readRating(text, scale);
    if (!r) raise(ctx, 'VLD003', { symbols: scale.symbols.map((s) => s.symbol) });
    else if (r.labelSymbol !== undefined && r.labelSymbol !== r.symbol) raise(ctx, 'VLD020', { symbol: r.symbol, labelSymbol: r.labelSymbol });
  });
}

/** A text the layout requires: not blank (error or warning per the layout), and saying something when asked. */
export const textCell: (rule: CellRule) => z.ZodType<string> = oncePer(textSchema);

function textSchema(rule: CellRule) {
  return z.string().superRefine((text, ctx) => {
    const t = text.trim();
    if (t === '') {
      if (rule.required) raise(ctx, rule.required === 'error' ? 'VLD017' : 'VLD018');
      return;
    }
    if (rule.says && saysNothing(t)) raise(ctx, 'VLD019');
  });
}

interface Check {
  schema: z.ZodType;
  value: unknown;
  at: CellRef;
  /** Built only when the cell fails (most cells pass). */
  params: () => Record<string, ParamValue | undefined>;
}

function run(item: Item, checks: Check[]): Finding[] {
  const out: Finding[] = [];
  for (const c of checks) {
    const r = c.schema.safeParse(c.value);
    if (r.success) continue;
    for (const issue of r.error.issues) {
      const meta = (issue as { params?: { code?: FindingCode; params?: Record<string, ParamValue> } }).params;
      if (!meta?.code) continue;
      const p: Issue = { code: meta.code, ...(meta.params ? { params: meta.params } : {}) };
      out.push(finding(p.code, c.at, { ...c.params(), ...p.params } as never, item.id));
    }
  }
  return out;
}

/** Fields whose texts the layout's rules speak about, with the note and cell keys where an item keeps them. */
const TEXT_FIELDS: { field: Field; note: (fy?: number) => string[]; cell: (fy?: number) => CellKey[] }[] = [
  { field: 'status', note: (fy) => (fy !== undefined ? [`status:${fy}`, 'status'] : ['status']), cell: (fy) => (fy !== undefined ? [`status:${fy}`, 'status'] : ['status']) },
  { field: 'note', note: () => ['note'], cell: () => ['note'] },
  { field: 'content', note: () => ['content'], cell: () => ['content'] },
];

/**
 * The cell checks of one item for its report year: KPI values (non-qualitative indicators),
 * effect amounts, the rating on the scale, and the texts and departments the layout requires.
 */
export function checkCells(item: Item, fy: number | undefined, scale: Scale, rules: CellRules | undefined): Finding[] {
  let cached: string | undefined;
  const label = () => (cached ??= itemLabel(item));
  const checks: Check[] = [];

  item.indicators.forEach((ind) => {
    if (ind.qualitative) return;
    for (const [field, v] of [
      ['target', targetFor(ind, fy)],
      ['actual', actualFor(ind, fy)],
    ] as const) {
      if (!v) continue;
      const at = where(item, v, ...(fy !== undefined ? [`${field}:${fy}` as const] : []), field);
      checks.push({ schema: NumberCell, value: v, at, params: () => ({ item: label(), fy, field: FIELD_LABEL[field], raw: shown(v) }) });
    }
  });

  for (const y of item.effects?.byYear ?? []) {
    for (const [kind, field] of [
      ['planned', 'effectPlanned'],
      ['actual', 'effectActual'],
    ] as const) {
      const v = y[kind];
      if (!v) continue;
      checks.push({ schema: AmountCell, value: v, at: where(item, v, `${field}:${y.fy}`), params: () => ({ item: label(), fy: y.fy, field: FIELD_LABEL[field], raw: shown(v) }) });
    }
  }

  const typedRating = item.rating && !item.rating.notRated ? item.rating.raw : item.notes?.rating;
  if (typedRating !== undefined) {
    const at = item.rating?.cell ?? item.ratingCell ?? where(item, undefined, 'rating');
    checks.push({ schema: ratingCell(scale), value: typedRating, at, params: () => ({ item: label(), raw: typedRating }) });
  }

  for (const t of TEXT_FIELDS) {
    const rule = rules?.[t.field];
    if (!rule) continue;
    const at = t.cell(fy).map((k) => item.cells[k]).find((c) => c !== undefined);
    if (!at) continue; // the sheet has no such column: the layout check (LAY005) says so once
    const text = t.note(fy).map((k) => (item.notes as Record<string, string> | undefined)?.[k]).find((x) => x !== undefined) ?? '';
    checks.push({ schema: textCell(rule), value: text, at, params: () => ({ item: label(), field: FIELD_LABEL[t.field] as Label, raw: text, ...(t.field === 'status' ? { fy } : {}) }) });
  }

  const dept = rules?.department;
  if (dept && item.cells.department) {
    checks.push({ schema: textCell(dept), value: item.departments.join('、'), at: item.cells.department, params: () => ({ item: label(), field: FIELD_LABEL.department }) });
  }
  return run(item, checks);
}
