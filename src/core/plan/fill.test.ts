import { readXlsx } from '../../adapters/file/read-xlsx';
import { fixturePath } from '../../../test/fixtures/paths';
import { analyse } from '../engine/analyse';
import type { WorkbookGrid } from '../grid/types';
import { fromA1 } from '../grid/a1';
import { planFill, unconfirmedSuggestions } from './fill';

const read = (f: string) => readXlsx(fixturePath(f));

/** The grid after the plan's cell writes and suggested-cell records, as a host would leave it. */
function applied(wb: WorkbookGrid, plan: ReturnType<typeof planFill>['plan']): WorkbookGrid {
  const sheets = wb.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  for (const w of plan.writes) {
    const sheet = sheets.find((s) => s.name === w.sheet)!;
    const { row, col } = fromA1(w.address);
    while (sheet.values.length <= row) sheet.values.push([]);
    sheet.values[row][col] = w.value;
  }
  return { ...wb, sheets };
}

describe('planFill', () => {
  it('marks every suggested rating with a note for the department, in the pane’s language', async () => {
    const wb = await read('isehara-list-blank-ratings.xlsx');
    const a = analyse(wb);
    const { plan, preview } = planFill(wb, a, { lang: 'ja' });
    const ratings = plan.writes.filter((w) => w.reason === 'rating');
    expect(ratings.length).toBeGreaterThan(0);
    expect(preview.suggestions.map((s) => `${s.sheet}!${s.address}`)).toEqual(ratings.map((w) => `${w.sheet}!${w.address}`));
    for (const w of ratings) {
      expect(w.note).toContain(`評価の候補「${w.value}」`);
      expect(w.note).toContain('所管課で確認し');
      expect(w.note).toMatch(/理由: ./);
    }
    expect(plan.writes.filter((w) => w.reason !== 'rating').every((w) => w.note === undefined)).toBe(true);
    const en = planFill(wb, a, { lang: 'en' }).plan.writes.find((w) => w.reason === 'rating')!;
    expect(en.note).toMatch(/^Suggested rating ".+", computed from the actual/);
  });

  it.each(['nihonmatsu.xlsx', 'yuzawa.xlsx', 'aizuwakamatsu.xlsx'])('writes nothing on a plan with nothing to compute (%s): no empty 達成率 column', async (f) => {
    const wb = await read(f);
    const { plan, preview } = planFill(wb, analyse(wb));
    expect(plan.writes).toEqual([]);
    expect(preview).toMatchObject({ ratings: 0, ratios: 0, headers: 0, subtotals: 0 });
  });

  it('adds the 達成率 column only to tables that get a ratio (Isehara: one header, 40 ratios)', async () => {
    const wb = await read('isehara-list.xlsx');
    const { plan, preview } = planFill(wb, analyse(wb));
    expect(preview).toMatchObject({ headers: 1, ratios: 40 });
    expect(plan.writes.filter((w) => w.reason === 'owned-header')).toHaveLength(1);
  });

  it('knows which ratings are still its unconfirmed suggestions, and forgets one staff typed over', async () => {
    const wb = await read('isehara-list-blank-ratings.xlsx');
    const a = analyse(wb);
    const { plan, preview } = planFill(wb, a);
    const after = applied(wb, plan);
    const suggested = preview.suggestions.map((s) => ({ sheet: s.sheet, address: s.address, value: s.rating }));
    const a2 = { ...analyse(after), settings: { ...a.settings, suggested } };
    expect(unconfirmedSuggestions(after, a2).map((u) => u.itemId).sort()).toEqual(preview.suggestions.map((s) => s.itemId).sort());
    // Staff confirm one by typing another rating: it is theirs now.
    const first = preview.suggestions[0];
    const other = first.rating === 'A' ? 'B' : 'A';
    const edited = applied(after, { label: 'x', sheets: [], writes: [{ sheet: first.sheet, address: first.address, value: other, expect: first.rating, reason: 'rating' }] });
    const a3 = { ...analyse(edited), settings: a2.settings };
    expect(unconfirmedSuggestions(edited, a3).map((u) => u.itemId)).not.toContain(first.itemId);
    expect(unconfirmedSuggestions(edited, a3)).toHaveLength(preview.suggestions.length - 1);
  });
});
