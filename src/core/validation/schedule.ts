import { z } from 'zod';
import type { CellRef } from '../grid/types';
import type { CellKey } from '../model/keys';
import type { Item } from '../model/plan';
import { actualFor } from '../rules/evaluate';
import { parseSchedule, saysNotStarted, SCHEDULE_MARKS } from '../values/schedule';
import { saysNothing } from '../values/texts';
import { finding, type Finding } from './finding';
import { itemLabel } from './shared';

/**
 * Schedule cells (the year columns of a 工程表; readers keep each year's text as the note
 * `plan:FY` and its cell as `schedule:FY`): each entry is checked by a zod schema (SCH001), then
 * against what the item reports for the report year: a status for a year before the schedule starts
 * (SCH002), a step planned by the report year while the status says not started (SCH003), and a
 * step planned outside the plan period (SCH004), when the plan knows its period (Plan.period).
 */

/** One schedule cell's text: every line a step or nothing; anything else is SCH001. */
export const ScheduleCell = z.string().superRefine((text, ctx) => {
  for (const part of text.split(' / ')) {
    const e = parseSchedule(part);
    if (e.kind === 'unknown') ctx.addIssue({ code: 'custom', message: 'SCH001', params: { raw: e.raw } });
  }
});

function scheduleYears(item: Item): number[] {
  const years: number[] = [];
  for (const k of Object.keys(item.cells)) {
    const m = /^schedule:(\d{4})$/.exec(k);
    if (m) years.push(Number(m[1]));
  }
  return years.sort((a, b) => a - b);
}

const planText = (item: Item, fy: number): string => item.notes?.[`plan:${fy}`] ?? '';

/** A year's entry over all its lines (a reader joins the rows of a two-row schedule with ' / '): planned if any line plans a step. */
function yearEntry(text: string): 'none' | 'planned' | 'unknown' {
  const kinds = text.split(' / ').map((part) => parseSchedule(part).kind);
  return kinds.includes('planned') ? 'planned' : kinds.every((k) => k === 'none') ? 'none' : 'unknown';
}

export function checkSchedule(item: Item, fy: number | undefined, period?: { from: number; to: number }): Finding[] {
  const years = scheduleYears(item);
  if (years.length === 0) return [];
  const out: Finding[] = [];
  let label: string | undefined;
  const name = () => (label ??= itemLabel(item));

  for (const y of years) {
    const text = planText(item, y);
    if (text === '') continue;
    const r = ScheduleCell.safeParse(text);
    if (r.success) continue;
    for (const issue of r.error.issues) {
      const raw = (issue as { params?: { raw?: string } }).params?.raw ?? text;
      out.push(finding('SCH001', item.cells[`schedule:${y}`]!, { item: name(), fy: y, raw, marks: SCHEDULE_MARKS }, item.id));
    }
  }
  if (period) {
    for (const y of years) {
      if (y >= period.from && y <= period.to) continue;
      // A year column left blank (or marked 「－」) outside the period plans nothing; only a step is questioned.
      if (yearEntry(planText(item, y)) !== 'planned') continue;
      out.push(finding('SCH004', item.cells[`schedule:${y}`]!, { item: name(), fy: y, from: period.from, to: period.to }, item.id));
    }
  }
  if (fy === undefined || !years.includes(fy)) return out;

  const planned = years.filter((y) => yearEntry(planText(item, y)) === 'planned');
  if (planned.length === 0) return out; // an empty schedule says nothing about any year

  const status = item.notes?.[`status:${fy}`] ?? '';
  const statusAt = (...keys: CellKey[]): CellRef | undefined => keys.map((k) => item.cells[k]).find((c) => c !== undefined);

  // A status (or a numeric actual) for a year before the schedule starts: reported early, or the
  // schedule is stale. A schedule that ended before the report year is not questioned (work that
  // carries on after its steps is common); an unreadable entry is SCH001's.
  if (planned[0] > fy && yearEntry(planText(item, fy)) === 'none') {
    const actual = item.indicators.map((ind) => actualFor(ind, fy)).find((v) => v?.kind === 'number');
    const reported = status.trim() !== '' && !saysNothing(status);
    const at = reported ? statusAt(`status:${fy}`) : actual ? (actual.cell ?? statusAt(`actual:${fy}`)) : undefined;
    if (at) out.push(finding('SCH002', at, { item: name(), fy }, item.id));
  }

  // Planned by the report year, reported as not started.
  if (planned.some((y) => y <= fy)) {
    const rating = item.rating && !item.rating.notRated ? item.rating.raw : '';
    const said = saysNotStarted(status) ? status : saysNotStarted(rating) ? rating : undefined;
    const at = said === status ? statusAt(`status:${fy}`) : (item.rating?.cell ?? item.ratingCell ?? statusAt('rating'));
    if (said !== undefined && at) out.push(finding('SCH003', at, { item: name(), fy, status: said.length > 40 ? `${said.slice(0, 40)}…` : said }, item.id));
  }
  return out;
}
