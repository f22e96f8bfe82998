import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { splitSections } from '../../src/core/layouts/aizuwakamatsu/departments';
import { saysNothing, splitDepartments } from '../../src/core/values';
import { aizuwakamatsuLayout } from '../../src/core/layouts/aizuwakamatsu/status-report';
import { detectLayouts } from '../../src/core/layouts/detect';
import type { LayoutRead } from '../../src/core/layouts/types';
import { analyse } from '../../src/core/engine/analyse';
import { ItemSchema } from '../../src/core/model/plan';
import { planProgressColumns } from '../../src/core/plan/progress-columns';
import { fixturePath } from '../fixtures/paths';
import { AIZU_ROWS } from '../fixtures/render/aizuwakamatsu.fixture';

async function read(file: string, reportFy?: number): Promise<LayoutRead> {
  const wb = await readXlsx(fixturePath(file));
  const det = detectLayouts(wb);
  expect(det.chosen.map((c) => c.layout)).toEqual(['aizuwakamatsu']);
  return aizuwakamatsuLayout.read(wb, { sheets: det.chosen[0].sheets, ...(reportFy ? { reportFy } : {}) });
}

/** What the reader says and what the validator says of its cells, in sheet order. */
async function checked(file: string) {
  const a = analyse(await readXlsx(fixturePath(file)));
  const order = (f: { cell: string }) => [Number(f.cell.replace(/^[A-Z]+/, '')), f.cell.replace(/\d+$/, '')] as const;
  return a.findings
    .filter((f) => f.code !== 'VLD016')
    .sort((x, y) => order(x)[0] - order(y)[0] || order(x)[1].localeCompare(order(y)[1]));
}

const essence = (r: LayoutRead) =>
  r.items.map((i) => [i.id, i.policyKey, i.groupKey, i.name, i.departments, i.notes?.status ?? '', i.notes?.note ?? '']);

describe('splitDepartments', () => {
  it.each([
    ['財政課', ['財政課']],
    ['納税課・国保年金課', ['納税課', '国保年金課']],
    ['人事課・情報統計課・財政課', ['人事課', '情報統計課', '財政課']],
    ['納税課ほか関係課', ['納税課', '関係課']],
    ['情報統計課 (とりまとめ)・ほか関係課', ['情報統計課', '関係課']],
    ['市民課（とりまとめ）', ['市民課']],
    ['企画調整課（スマートシティ推進室）', ['企画調整課（スマートシティ推進室）']],
    ['人事課、総務課\n財政課', ['人事課', '総務課', '財政課']],
    ['', []],
  ])('%s', (text, want) => expect(splitDepartments(text)).toEqual(want));
});

describe('splitSections and saysNothing', () => {
  it('splits status text at 【課】 headings', () => {
    expect(splitSections('【人事課】 A を導入した。 【情報統計課】 B を拡大した。')).toEqual([
      { label: '人事課', text: 'A を導入した。' },
      { label: '情報統計課', text: 'B を拡大した。' },
    ]);
    expect(splitSections('前文 【水道事業】 料金改定')).toEqual([
      { label: '', text: '前文' },
      { label: '水道事業', text: '料金改定' },
    ]);
  });
  it.each([['-', true], ['－', true], ['—', true], ['特になし', true], ['同上', true], ['検討した。', false], ['実施', false]])(
    '%s says nothing: %s',
    (t, want) => expect(saysNothing(t)).toBe(want),
  );
});

describe('Aizuwakamatsu R5 status report (seed 001)', () => {
  let r: LayoutRead;
  beforeAll(async () => {
    r = await read('aizuwakamatsu.xlsx');
  });

  it('reads 78 entries under 37 具体的取組, 8 改革項目 and 3 視点 for FY2023', () => {
    expect(r.items).toHaveLength(78);
    for (const i of r.items) ItemSchema.parse(i);
    expect(new Set(r.items.map((i) => i.classes?.['具体的取組'])).size).toBe(37);
    expect(new Set(r.items.map((i) => i.groupKey)).size).toBe(8);
    expect(r.policies.map((p) => p.name)).toEqual(['持続可能な財政運営', '公共施設の管理・運営の最適化', '行政サービスの質の向上と効率化']);
    expect(r.reportFy).toBe(2023);
    expect(r.items.map((i) => i.departments.join('・'))).toEqual(
      AIZU_ROWS.map((x) => splitDepartments(x.所管課).join('・')),
    );
    expect(r.items.map((i) => i.name)).toEqual(AIZU_ROWS.map((x) => x.具体的取組));
  });

  it('fills 改革項目 and 具体的取組 down and numbers rows within their measure', () => {
    const rows = r.items.filter((i) => i.name === '財務状況の見える化の推進');
    expect(rows.map((i) => [i.id, i.departments[0]])).toEqual([
      ['1-①-5.1', '財政課'],
      ['1-①-5.2', '観光課'],
      ['1-①-5.3', '農政課'],
    ]);
    const dg = r.items.filter((i) => i.groupKey === '3-①');
    expect(dg).toHaveLength(21);
    expect(new Set(dg.map((i) => i.groupName))).toEqual(new Set(['デジタルガバメントの推進']));
  });

  it('splits multi-department status text by 【課】 and reports what the seed itself lacks', async () => {
    const ai = r.items.find((i) => i.departments.join('・') === '人事課・情報統計課・財政課')!;
    expect(ai.notes?.['status@人事課']).toMatch(/AI-OCR/);
    const found = await checked('aizuwakamatsu.xlsx');
    expect(found.map((f) => [f.code, f.severity, f.itemId ?? ''])).toEqual([
      ['VLD018', 'warning', '2-①-3.3'], // 企画調整課（庁舎整備室）: 今後の課題 empty in the seed
      ['AIZ005', 'warning', ai.id], // its status has 【人事課】【情報統計課】 but no 【財政課】
      ['LAY013', 'info', ''], // デジタルガバナメント typo on one page
    ]);
    for (const f of found) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it.each(['aizuwakamatsu-edited.xlsx', 'aizuwakamatsu-filled.xlsx'])('reads %s the same', async (file) => {
    const e = await read(file);
    expect(essence(e)).toEqual(essence(r));
    expect(e.findings.map((f) => f.code)).toEqual(r.findings.map((f) => f.code));
  });

  it('reports what a status report must contain before submission', async () => {
    const inc = await checked('aizuwakamatsu-incomplete.xlsx');
    const got = inc.map((f) => [f.code, f.severity, f.cell]);
    expect(got).toEqual([
      ['VLD017', 'error', 'E5'],
      ['VLD019', 'warning', 'E28'],
      ['VLD019', 'warning', 'E43'],
      ['VLD017', 'error', 'D58'],
      ['VLD018', 'warning', 'F68'],
      ['VLD018', 'warning', 'F92'],
      ['AIZ005', 'warning', 'E104'],
      ['LAY013', 'info', 'A108'],
    ]);
    expect(inc[0].message.ja).toContain('令和5年度の取組状況');
  });

  it('planning R5 columns adds only 実績 and 評価 (R5取組状況 is there), and then nothing', () => {
    const plan = planProgressColumns(r, 2023, 'ja');
    const headers = plan.writes.filter((w) => w.reason === 'owned-header');
    expect(new Set(headers.map((h) => h.value))).toEqual(new Set(['令和5年度 実績', '令和5年度 評価']));
    expect(headers).toHaveLength(16 * 2);
    expect(plan.writes.every((w) => w.expect === null && /^[GH]\d+$/.test(w.address))).toBe(true);
  });

  it('falls back to the R5 column when asked for a year the sheet has no column for', async () => {
    const r6 = await read('aizuwakamatsu.xlsx', 2024);
    expect(r6.findings.filter((f) => f.code === 'FY003')).toHaveLength(1);
    expect(r6.items[0].reportFy).toBe(2023);
  });
});
