import iseharaList from '../../../test/fixtures/seed-data/seed-004-isehara-list.json';
import iseharaSheets from '../../../test/fixtures/seed-data/seed-004-isehara-sheets.json';
import yuzawaData from '../../../test/fixtures/seed-data/seed-000-003-data.json';
import nihonmatsuItems from '../../../test/fixtures/seed-data/seed-001-002.doc2-items.json';
import { parseValue } from './parse-value';
import { parseRating } from './rating';
import { valueIn } from './units';
import type { ParsedValue } from './types';

/**
 * Every value cell transcribed from the seeds goes through the parser. The transcriptions were
 * made independently (by hand and Python, see test/fixtures/seed-data), so they are the oracle.
 */

const PLAIN = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;
const plainValue = (s: string) => Number(s.replace(/,/g, ''));
const sumOf = (vs: ParsedValue[]) => vs.reduce((t, v) => t + (v.kind === 'number' ? v.value : 0), 0);

/** Only the report year (R5) carries rating, actual and effectActual. */
interface SheetYear { fy: number; target: string; effectPlan: string; rating?: string; actual?: string; effectActual?: string }
interface Sheet { code: string; unit: string; baseline: string; finalTarget: string; years: SheetYear[]; subtotalPlan?: string; subtotalActual?: string }
const sheets = (iseharaSheets as unknown as { sheets: Sheet[] }).sheets;

describe('Isehara item sheets (seed 004): every value cell', () => {
  const cells: [string, string][] = [];
  for (const s of sheets) {
    cells.push([`${s.code} baseline`, s.baseline], [`${s.code} finalTarget`, s.finalTarget]);
    if (s.subtotalPlan !== undefined) cells.push([`${s.code} 小計見込`, s.subtotalPlan]);
    if (s.subtotalActual !== undefined) cells.push([`${s.code} 小計実績`, s.subtotalActual]);
    for (const y of s.years) {
      for (const k of ['target', 'effectPlan', 'actual', 'effectActual'] as const) {
        const raw = y[k];
        if (raw !== undefined) cells.push([`${s.code} ${y.fy} ${k}`, raw]);
      }
    }
  }

  it('reads every plain number as that number, `-`/blank as no value and `—` as not applicable', () => {
    const counts = { number: 0, blank: 0, na: 0, text: 0 };
    for (const [where, raw] of cells) {
      const v = parseValue(raw);
      counts[v.kind]++;
      if (PLAIN.test(raw)) expect([where, v]).toEqual([where, expect.objectContaining({ kind: 'number', value: plainValue(raw) })]);
      else if (raw === '-' || raw === '') expect([where, v.kind]).toEqual([where, 'blank']);
      else if (raw === '—') expect([where, v.kind]).toEqual([where, 'na']);
      // The rest: numbers with units/notes/compounds start with a digit or ▲; everything else is a phrase.
      else expect([where, v.kind]).toEqual([where, /^[\d▲]/.test(raw) ? 'number' : 'text']);
    }
    // Counted independently in Python over the same file: 440 plain numbers, 423 `-`, 126 empty, 3 `—`, 80 other.
    expect(cells.length).toBe(1072);
    expect(counts.blank).toBe(423 + 126);
    expect(counts.na).toBe(3); // 5(8)③ R7–R9 targets (the seed's other three — are in its plan-text cells)
    expect(counts.number + counts.blank + counts.na + counts.text).toBe(cells.length);
  });

  it('reads the non-plain forms the sheets hold', () => {
    const seen = new Map(cells.map(([, raw]) => [raw, parseValue(raw)]));
    expect(seen.get('30億円以内')).toMatchObject({ kind: 'number', value: 30, unit: '億円', cap: 'le' });
    expect(seen.get('90%未満')).toMatchObject({ kind: 'number', value: 90, unit: '%', cap: 'lt' });
    expect(seen.get('41,096千円(令和3年度)')).toMatchObject({ value: 41096, unit: '千円', year: 2021 });
    expect(seen.get('17.3億円(令和3年度末)')).toMatchObject({ value: 17.3, unit: '億円', year: 2021 });
    expect(seen.get('16.1億円(令和4年度当初予算)')).toMatchObject({ value: 16.1, unit: '億円', year: 2022 });
    expect(seen.get('91.3% (令和3年度)')).toMatchObject({ value: 91.3, unit: '%', year: 2021 });
    expect(seen.get('▲19.6%')).toMatchObject({ value: -19.6, unit: '%' });
    expect(seen.get('-15,173')).toMatchObject({ value: -15173 });
    expect(seen.get('2(78)')).toMatchObject({ value: 2, secondary: 78 });
    expect(seen.get('99.0')).toMatchObject({ value: 99, decimals: 1 });
    expect(seen.get('94.80')).toMatchObject({ value: 94.8, decimals: 2 });
    expect(seen.get('(未定)')).toMatchObject({ kind: 'text', state: '未定' });
  });

  it('every text cell that is a short state gets its state', () => {
    for (const raw of ['検討', '未導入', '未整備', '運用中', '整備中', '未実施', '実施', '一部実施', '拡充', '未定', '決定', '未策定', '策定', '導入', '移行完了', '導入・運用', '運用', '調査・研究', '実証実験', '方針決定', '実施準備', '検討中']) {
      expect([raw, parseValue(raw)]).toEqual([raw, expect.objectContaining({ kind: 'text', state: raw })]);
    }
  });

  it('R5 effects summed from the sheets give the published sheet-only totals (DOMAIN §6)', () => {
    const r5 = sheets.flatMap((s) => s.years.filter((y) => y.fy === 2023));
    expect(sumOf(r5.map((y) => parseValue(y.effectPlan)))).toBe(198520);
    expect(sumOf(r5.map((y) => parseValue(y.effectActual ?? null)))).toBe(767733);
  });

  it('every rating cell parses, and its label names the same letter', () => {
    const ratings = sheets.flatMap((s) => s.years.map((y) => y.rating)).filter((r): r is string => !!r);
    expect(ratings.length).toBe(67);
    const letters = { A: 0, B: 0, C: 0, D: 0 };
    for (const raw of ratings) {
      const r = parseRating(raw);
      expect(r).toBeDefined();
      expect(r!.labelSymbol).toBe(r!.symbol);
      letters[r!.symbol as keyof typeof letters]++;
    }
    expect(letters).toEqual({ A: 17, B: 39, C: 11, D: 0 });
  });
});

describe('Isehara list (seed 004 参考①): the published summary from parsed cells', () => {
  interface Row { rating: string; target: string; actual: string; effectPlanned: string; effectActual: string }
  const rows = iseharaList as Row[];

  it('71 rows give A17/B43/C11/D0 and 228,520 / 797,733 千円', () => {
    const letters = { A: 0, B: 0, C: 0, D: 0 };
    for (const r of rows) letters[parseRating(r.rating)!.symbol as keyof typeof letters]++;
    expect(letters).toEqual({ A: 17, B: 43, C: 11, D: 0 });
    expect(sumOf(rows.map((r) => parseValue(r.effectPlanned)))).toBe(228520);
    expect(sumOf(rows.map((r) => parseValue(r.effectActual)))).toBe(797733);
  });

  it('no target or actual cell is misread as text when it holds a number', () => {
    for (const r of rows) {
      for (const raw of [r.target, r.actual]) {
        if (/^[\d▲-]/.test(raw) && raw !== '-') expect([raw, parseValue(raw).kind]).toEqual([raw, 'number']);
      }
    }
  });
});

describe('Yuzawa KPI tables (seed 000): raw value → transcribed number', () => {
  interface Kpi { 指標名: string; 現状_raw: string; 目標値_raw: string; 単位_推定: string | null; 現状値_数値: number | null; 目標値_数値: number | null }
  const kpis = (yuzawaData as unknown as { yuzawa: { KPI: Kpi[] } }).yuzawa.KPI;

  it('has the 20 KPIs', () => expect(kpis.length).toBe(20));

  test.each(kpis.flatMap((k) => [[k.指標名, k.現状_raw, k.現状値_数値, k.単位_推定] as const, [k.指標名, k.目標値_raw, k.目標値_数値, k.単位_推定] as const]))(
    '%s: %p',
    (_name, raw, want, unit) => {
      const v = parseValue(raw);
      if (raw === '—') return expect(v.kind).toBe('na');
      expect(v.kind).toBe('number');
      if (v.kind !== 'number') return;
      if (want !== null) expect(valueIn(v, unit ?? undefined)).toBe(want);
      else expect(v).toMatchObject({ perYear: true, unit: '回' }); // 年1回 (6回) / 年2回（12回）: compound, no single number
    },
  );
});

describe('Nihonmatsu KPI pairs (seed 002): raw value → transcribed number in the stated unit', () => {
  interface Pair { 基準値_raw: string; 目標値_raw: string; 基準値: number; 目標値: number; 単位: string }
  const pairs = (nihonmatsuItems as unknown as { KPI?: Pair[] }[]).flatMap((i) => i.KPI ?? []);

  it('has the 13 base⇒target pairs', () => expect(pairs.length).toBe(13));

  test.each(pairs.flatMap((p) => [[p.基準値_raw, p.基準値, p.単位] as const, [p.目標値_raw, p.目標値, p.単位] as const]))(
    '%p → %p %s',
    (raw, want, unit) => {
      // 1億5千万円 is transcribed as 150,000,000 円: the value is 1.5 億円 and converts to that.
      expect(valueIn(parseValue(raw) as { value: number; unit?: string }, unit)).toBe(want);
    },
  );
});
