import { buildPlan, type ItemSpec } from '../../../test/helpers/plan-builder';
import type { Plan } from '../model/plan';
import { scaleById } from '../values';
import { evaluatePlan } from '../rules/evaluate';
import { DEFAULT_RULES } from '../rules/config';
import { summarise } from '../summary/summarise';
import { lintMessages } from '../../../test/helpers/message-lint';
import { CONSOLIDATION_CODES, renderTemplate, templateParams } from './codes';
import { consolidate, majorityYear } from './consolidate';
import { checkSources, itemSources } from './provenance';
import type { ConsolidationInput, FileInput } from './types';

const file = (name: string, plan: Plan, errors = 0): FileInput => ({
  file: name,
  plan,
  evaluations: evaluatePlan(plan, DEFAULT_RULES),
  errors,
  layouts: plan.layouts,
});

const item = (id: string, over: Partial<ItemSpec> = {}): ItemSpec => ({
  id,
  name: `取組 ${id} の推進`,
  rating: 'B',
  target: 10,
  actual: 10,
  effects: { 2023: { planned: 100, actual: 120 } },
  ...over,
});

const codes = (c: ReturnType<typeof consolidate>) => c.findings.map((f) => f.code);

describe('consolidate: nothing is counted twice, every doubt names both files', () => {
  it('the same file given twice (or a renamed copy) counts once: CON001 names both', () => {
    const plan = buildPlan([item('1'), item('2')]);
    const c = consolidate([file('a.xlsx', plan), file('a のコピー.xlsx', buildPlan([item('2'), item('1')]))]);
    expect(c.plan.items).toHaveLength(2);
    expect(codes(c)).toEqual(['CON001']);
    expect(c.findings[0].sources.map((s) => s.file)).toEqual(['a.xlsx', 'a のコピー.xlsx']);
    expect(c.files.map((f) => [f.file, f.status, f.counted])).toEqual([
      ['a.xlsx', 'used', 2],
      ['a のコピー.xlsx', 'duplicate', 0],
    ]);
  });

  it('a file rated on another scale than most is said (CON015), and the summary counts on the scale most items use', () => {
    const sc = scaleById('S-C')!;
    const onSc = (p: Plan): Plan => ({ ...p, scale: sc });
    const c = consolidate([
      file('a.xlsx', buildPlan([item('1'), item('2')])),
      file('b.xlsx', onSc(buildPlan([item('3', { rating: 'S' }), item('4', { rating: 'A' }), item('5', { rating: 'S' })]))),
      file('c.xlsx', onSc(buildPlan([item('6', { rating: 'A' })]))),
    ]);
    expect(c.plan.scale?.id).toBe('S-C');
    expect(codes(c)).toEqual(['CON015']);
    expect(c.findings[0].params).toMatchObject({ file: 'a.xlsx', example: 'b.xlsx' });
    expect(c.findings[0].message.ja).toContain('「a.xlsx」は評価をA');
    // Files on one scale (A–D stated or left to the default) say nothing.
    const same = consolidate([file('a.xlsx', buildPlan([item('1')])), file('b.xlsx', { ...buildPlan([item('2')]), scale: scaleById('A-D')! })]);
    expect(codes(same)).toEqual([]);
  });

  it('one changed value makes a file a different file, not a copy', () => {
    const c = consolidate([file('a.xlsx', buildPlan([item('1')])), file('b.xlsx', buildPlan([item('1', { actual: 11 })]))]);
    expect(c.files.map((f) => f.status)).toEqual(['used', 'used']);
    expect(c.unresolved).toHaveLength(1);
  });

  it('the same item in two files with equal values counts once, from the richer copy, told once per pair of files', () => {
    const a = buildPlan([item('1'), item('2')]);
    const b = buildPlan([item('2', { baseline: 5 }), item('3')]);
    const c = consolidate([file('list.xlsx', a), file('sheets.xlsx', b)]);
    expect(c.plan.items.map((i) => i.id)).toEqual(['1', '2', '3']);
    expect(c.origins['2'].file).toBe('sheets.xlsx');
    expect(codes(c)).toEqual(['CON002']);
    expect(c.findings[0].params).toMatchObject({ used: 'sheets.xlsx', other: 'list.xlsx', count: 1 });
    expect(c.duplicates).toEqual([expect.objectContaining({ id: '2', used: 'sheets.xlsx', resolution: 'same', differing: [] })]);
  });

  it('copies that disagree are not summed until the user chooses (CON003), and a choice is reported (CON004)', () => {
    const a = buildPlan([item('1', { rating: 'A', actual: 12 })]);
    const b = buildPlan([item('1', { rating: 'B' })]);
    const refused = consolidate([file('経営企画課.xlsx', a), file('財政課.xlsx', b)]);
    expect(refused.unresolved).toHaveLength(1);
    const f = refused.findings.find((x) => x.code === 'CON003')!;
    expect(f.severity).toBe('error');
    expect(f.sources.map((s) => s.file)).toEqual(['経営企画課.xlsx', '財政課.xlsx']);
    expect(f.message.ja).toContain('評価 A / B');
    expect(f.message.ja).toContain('実績値 12 / 10');
    expect(refused.unresolved[0].differing).toEqual(['rating', 'actual']);

    const preferred = consolidate([file('経営企画課.xlsx', a), file('財政課.xlsx', b)], { prefer: ['財政課.xlsx'] });
    expect(preferred.unresolved).toEqual([]);
    expect(preferred.plan.items[0].rating?.symbol).toBe('B');
    expect(preferred.findings.map((x) => x.code)).toEqual(['CON004']);

    const chosen = consolidate([file('経営企画課.xlsx', a), file('財政課.xlsx', b)], { choices: { '1': '経営企画課.xlsx' } });
    expect(chosen.plan.items[0].rating?.symbol).toBe('A');
    expect(chosen.duplicates[0].resolution).toBe('choice');
  });

  it('files of another report year are left out and named with a file of the year counted (CON005); --fy picks the year', () => {
    const r5 = buildPlan([item('1'), item('2')], { reportFy: 2023 });
    const r6 = buildPlan([item('3')], { reportFy: 2024 });
    const c = consolidate([file('a.xlsx', r5), file('R6.xlsx', r6)]);
    expect(c.reportFy).toBe(2023);
    expect(c.plan.items.map((i) => i.id)).toEqual(['1', '2']);
    const f = c.findings.find((x) => x.code === 'CON005')!;
    expect(f.message.ja).toBe('「R6.xlsx」は令和6年度の報告で、「a.xlsx」などが報告する令和5年度と年度が違うため、集計から除きました。');
    expect(f.message.en).toContain('FY2024');
    const forced = consolidate([file('a.xlsx', r5), file('R6.xlsx', r6)], { fy: 2024 });
    expect(forced.plan.items.map((i) => i.id)).toEqual(['3']);
    // A year no file reports: the message names the year asked for, not an empty file name.
    const none = consolidate([file('a.xlsx', r5)], { fy: 2025 });
    expect(none.findings.find((x) => x.code === 'CON005')!.message.ja).toBe('「a.xlsx」は令和5年度の報告で、指定された令和7年度と年度が違うため、集計から除きました。');
  });

  it('the same policy number with different names stays two groups (CON006): another plan is never merged in', () => {
    const isehara = buildPlan([item('1(1)①', { policy: '1', policyName: '行政サービスの最適化', name: '業務の分析・改善' }), item('1(1)②', { policy: '1', policyName: '行政サービスの最適化', name: 'EBPMの推進' })]);
    const other = buildPlan([item('1-1', { policy: '1', policyName: '持続可能な財政運営', name: '市税収納率の向上' })]);
    const c = consolidate([file('isehara.xlsx', isehara), file('other.xlsx', other)]);
    const s = summarise(c.plan, { evaluations: c.evaluations });
    expect(s.groups.map((g) => [g.key, g.total])).toEqual([
      ['1', 2],
      ['1（other.xlsx）', 1],
    ]);
    const f = c.findings.find((x) => x.code === 'CON006')!;
    expect(f.message.ja).toContain('「other.xlsx」の基本方針 1「持続可能な財政運営」は、「isehara.xlsx」の1「行政サービスの最適化」');
    expect(f.sources.map((x) => x.file)).toEqual(['other.xlsx', 'isehara.xlsx']);
  });

  it('a number used for two different items keeps both (CON007) under distinct ids', () => {
    const c = consolidate([file('a.xlsx', buildPlan([item('1', { name: '窓口の改善' })])), file('b.xlsx', buildPlan([item('1', { name: '公用車の削減' })]))]);
    expect(c.plan.items.map((i) => i.id)).toEqual(['1', '1@b.xlsx']);
    expect(codes(c)).toEqual(['CON007']);
  });

  it('the same name under another number in the same policy is one item (CON008), keeping a number no other item uses', () => {
    const list = buildPlan([item('2(4)①', { name: '指定管理者制度の運用改善' }), item('2(4)⑪', { name: '児童コミュニティクラブの運営委託' })]);
    const sheets = buildPlan([item('2(4)①', { name: '児童コミュニティクラブの運営委託', baseline: 1 })]);
    const c = consolidate([file('list.xlsx', list), file('sheets.xlsx', sheets)]);
    expect(c.plan.items.map((i) => [i.id, i.name])).toEqual([
      ['2(4)①', '指定管理者制度の運用改善'],
      ['2(4)⑪', '児童コミュニティクラブの運営委託'],
    ]);
    expect(codes(c)).toContain('CON008');
  });

  it('items of other departments are never merged by a similar or equal name (one too few is as wrong as one too many)', () => {
    const a = buildPlan([item('1-1', { name: '事務の見直し（総務課）', departments: ['総務課'] }), item('1-2', { name: '窓口改善', departments: ['総務課'] })]);
    const b = buildPlan([item('1-7', { name: '事務の見直し（財政課）', departments: ['財政課'] }), item('1-8', { name: '窓口改善', departments: ['財政課'] })]);
    const c = consolidate([file('総務課.xlsx', a), file('財政課.xlsx', b)]);
    expect(c.plan.items.map((i) => i.id)).toEqual(['1-1', '1-2', '1-7', '1-8']);
    expect(c.findings).toEqual([]);
  });

  it('files that are not workbooks are listed, not read: owner file, CSV, unreadable, empty', () => {
    const inputs: ConsolidationInput[] = [
      { file: '~$a.xlsx', skipped: { kind: 'owner' } },
      { file: 'memo.csv', skipped: { kind: 'not-workbook', format: { ja: 'CSV', en: 'CSV' } } },
      { file: 'broken.xlsx', skipped: { kind: 'unreadable', reason: { ja: '壊れています。', en: 'Damaged.' } } },
      file('empty.xlsx', buildPlan([])),
      file('a.xlsx', buildPlan([item('1')]), 2),
    ];
    const c = consolidate(inputs);
    expect(c.files.map((f) => f.status)).toEqual(['owner', 'not-workbook', 'unreadable', 'empty', 'used']);
    expect(codes(c)).toEqual(['CON009', 'CON010', 'CON011', 'CON012', 'CON014']);
    expect(c.findings[2].message.en).toBe('"broken.xlsx" could not be read and was left out: Damaged.');
    expect(c.findings[2].message.ja).toBe('「broken.xlsx」を読み込めないため集計から除きました: 壊れています。');
  });

  it('【再掲】 repeats are never matched across files', () => {
    const a = buildPlan([item('1'), item('1', { flags: ['repost'], row: 5 })]);
    const c = consolidate([file('a.xlsx', a), file('b.xlsx', buildPlan([item('2')]))]);
    expect(c.plan.items).toHaveLength(3);
    expect(summarise(c.plan).total.total).toBe(2);
  });

  it('majorityYear weighs by items and breaks a tie toward the later year', () => {
    expect(majorityYear([{ fy: 2023, weight: 5 }, { fy: 2024, weight: 1 }])).toBe(2023);
    expect(majorityYear([{ fy: 2023, weight: 1 }, { fy: 2024, weight: 1 }])).toBe(2024);
    expect(majorityYear([{ fy: undefined, weight: 3 }])).toBeUndefined();
  });

  it('every summary figure equals the sum of its sources', () => {
    const a = buildPlan([item('1', { rating: 'A' }), item('2', { policy: '2', rating: 'C', effects: { 2023: { planned: '1,000', actual: '-15,173' } } })]);
    const b = buildPlan([item('3', { rating: undefined }), item('4', { policy: '2' })]);
    const c = consolidate([file('a.xlsx', a), file('b.xlsx', b)]);
    const s = summarise(c.plan, { evaluations: c.evaluations });
    const src = itemSources(c.plan, { origins: c.origins, workbook: '', evaluations: c.evaluations });
    expect(checkSources(s, src)).toEqual([]);
    expect(src.find((x) => x.itemId === '2')).toMatchObject({ file: 'a.xlsx', effectActual: -15173, rating: 'C', cells: { rating: { sheet: '進捗', cell: 'F3' } } });
    // A broken figure is caught.
    expect(checkSources({ ...s, total: { ...s.total, effectActual: s.total.effectActual + 1 } }, src)).toHaveLength(1);
  });
});

describe('the code catalogue', () => {
  it.each(Object.entries(CONSOLIDATION_CODES))('%s: every {param} in its templates is declared, and both languages use the same ones', (_code, spec) => {
    expect(templateParams(spec.ja)).toEqual(templateParams(spec.en));
    for (const p of templateParams(spec.ja)) expect(Object.keys(spec.params)).toContain(p);
    const params = Object.fromEntries(Object.entries(spec.params).map(([p, kind]) => [p, kind === 'count' ? 2 : { ja: 'テスト', en: 'test' }]));
    expect(renderTemplate(spec.ja, params, 'ja', spec.params)).not.toMatch(/[{}]/);
    expect(renderTemplate(spec.en, params, 'en', spec.params)).not.toMatch(/[{}]|テスト/);
    // No English words inside the Japanese text (codes and parameters aside).
    expect(renderTemplate(spec.ja, params, 'ja', spec.params).replace(/\.xlsx|Excel/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('reads like the rest of the product: no English in Japanese, no brackets in brackets, English plurals agree', () => {
    // The catalogue's plural form {n:item|items} renders as the shared lint's {n|# item|# items}.
    const plural = (t: string) => t.replace(/\{(\w+):([^{}|]*)\|([^{}|]*)\}/g, '{$1|# $2|# $3}');
    const table = (lang: 'ja' | 'en') => Object.fromEntries(Object.entries(CONSOLIDATION_CODES).map(([k, v]) => [k, plural(v[lang])]));
    expect(lintMessages(table('ja'), table('en'), { allowInJapanese: [/\.xlsx\b/, /\bExcel\b/] })).toEqual([]);
  });
});
