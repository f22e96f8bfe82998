import * as fs from 'node:fs';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { defineLayout } from '../../src/core/layouts/kit/define';
import type { LayoutSpecInput } from '../../src/core/layouts/kit/spec';
import { PlanSchema } from '../../src/core/model/plan';
import { summarise } from '../../src/core/summary/summarise';
import { scaleById } from '../../src/core/values/scales';
import { fixturePath } from '../fixtures/paths';
import { KIZUGAWA_GROUPS } from '../fixtures/render/other-cities.fixture';

/**
 * Adding a city's list layout is writing its spec: no reader code, no hook. 木津川市's 進行管理表
 * (test/fixtures/render/other-cities.fixture.ts) as a city layout on the table kit: heading rows
 * 「重点改革項目1 …」 give the top level, S/A/B/C with 「－」 for 評価対象外, a two-row header band.
 */

// spec:start
const KIZUGAWA_SPEC = {
  id: 'kizugawa',
  label: { ja: '木津川市 進行管理表', en: 'Kizugawa progress table' },
  policyLabel: '重点改革項目',
  scale: 'S-C',
  tables: [
    {
      header: { maxRows: 2, minLabels: 4 },
      fields: {
        id: ['No.'],
        name: ['取組項目'],
        department: { labels: ['所管課'], required: 'warning' },
        content: ['取組内容'],
        indicator: ['指標'],
        target: ['目標値'],
        actual: ['実績値'],
        status: ['取組実績*'],
        rating: ['評価'],
      },
      required: ['name', 'rating'],
      headings: { rules: [{ level: 'policy', match: 'word' }] },
      continuation: 'none',
    },
  ],
} satisfies LayoutSpecInput;
// spec:end

const layout = defineLayout(KIZUGAWA_SPEC);
let wb: WorkbookGrid;

beforeAll(async () => {
  wb = await readXlsx(fixturePath('kizugawa-r2.xlsx'));
});

describe('a new list layout defined as a spec', () => {
  it('is a spec of under 100 lines', () => {
    const source = fs.readFileSync(__filename, 'utf8');
    const spec = source.slice(source.indexOf('// spec:start'), source.indexOf('// spec:end')).split('\n');
    expect(spec.length).toBeGreaterThan(10);
    expect(spec.length).toBeLessThan(100);
  });

  it('detects its sheet, with the header cells that matched as the reason', () => {
    const [d] = layout.detect(wb);
    expect(d.sheet).toBe('進行管理表');
    expect(d.score).toBeGreaterThanOrEqual(0.6);
    expect(d.reason.ja).toContain('取組項目');
  });

  it('reads every item under its heading row, counted per group in S/A/B/C with 「－」 apart', () => {
    const read = layout.read(wb, { sheets: ['進行管理表'] });
    const plan = PlanSchema.parse({
      layouts: [read.layout],
      policyLabel: read.policyLabel,
      policies: read.policies,
      items: read.items,
      scale: scaleById('S-C'),
      ...(read.reportFy !== undefined ? { reportFy: read.reportFy } : {}),
    });
    expect(plan.policyLabel).toBe('重点改革項目');
    expect(plan.reportFy).toBe(2020);
    const total = KIZUGAWA_GROUPS.reduce((n, g) => n + g.S + g.A + g.B + g.C + g.na, 0);
    expect(plan.items).toHaveLength(total);
    const s = summarise(plan);
    expect(s.scale.symbols.map((x) => x.symbol)).toEqual(['S', 'A', 'B', 'C']);
    expect(s.groups.map((g) => ({ name: g.name, counts: g.counts, notRated: g.notRated, unrated: g.unrated }))).toEqual(
      KIZUGAWA_GROUPS.map((g) => ({ name: g.name, counts: [g.S, g.A, g.B, g.C], notRated: g.na, unrated: 0 })),
    );
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
