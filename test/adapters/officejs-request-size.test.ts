import { runItem } from '../../src/adapters/excel/apply';
import { createExcelHost } from '../../src/adapters/excel/host';
import { CELL_FILL_BYTES } from '../../src/adapters/excel/highlight';
import { sendWrites, type WriteItem } from '../../src/adapters/excel/batches';
import { rangeLoadBytes, SYNC_BYTES } from '../../src/adapters/excel/request-size';
import { worksheet } from '../../src/adapters/excel/proxies';
import type { Run } from '../../src/adapters/excel/runs';
import { toA1 } from '../../src/core/grid/a1';
import type { CellWrite } from '../../src/core/plan/write-plan';
import { createStandIn, type StandIn } from '../../src/standin';
import { installOfficeJs } from '../helpers/officejs';
import { NOTE_PROBE_BYTES, noteItems, noteReader, THREAD_COUNT_BYTES, THREAD_LOCATION_BYTES, type NoteDecision } from '../../src/adapters/excel/notes';
import { printBytes, queuePrint } from '../../src/adapters/excel/print';
import { noteText } from '../../src/core/plan/notes';

/**
 * The adapter sizes its syncs by estimating what office.js will send. Here office.js itself
 * serialises the same calls: the estimate must never be below the real request (or a sync could pass
 * 5 MB unseen) and not far above it (or syncs are wasted).
 */
const g = globalThis as unknown as Record<string, unknown>;

function standIn(): StandIn {
  const values: (string | number | null)[][] = Array.from({ length: 3000 }, (_, r) => [r, `取組${r}`, null, null]);
  const si = createStandIn({ name: 'x', sheets: [{ name: '一覧', values, merges: [] }] });
  installOfficeJs(g, si);
  return si;
}

const write = (r: number, c: number, value: string | number, extra: Partial<CellWrite> = {}): CellWrite => ({
  sheet: '一覧',
  address: toA1(r, c),
  value,
  expect: null,
  reason: 'ratio',
  ...extra,
});

function runs(count: number, length: number, make: (r: number) => CellWrite): Run[] {
  return Array.from({ length: count }, (_, i) => ({ sheet: '一覧', col: 2, top: i * (length + 1), writes: Array.from({ length }, (_, k) => make(i * (length + 1) + k)) }));
}

async function realBytes(si: StandIn, queue: (ctx: Excel.RequestContext) => Promise<unknown>): Promise<number> {
  const before = si.richApi.exchanges.length;
  await Excel.run(async (ctx) => {
    await queue(ctx);
  });
  return Math.max(...si.richApi.exchanges.slice(before).map((x) => x.requestBytes));
}

const cases: [string, () => Run[]][] = [
  ['one number', () => runs(1, 1, (r) => write(r, 2, 0.95, { numberFormat: '0.0%' }))],
  ['1,000 runs of 3 ratios', () => runs(1000, 3, (r) => write(r, 2, 0.123456789, { numberFormat: '0.0%' }))],
  ['200 runs of 10 ratings with a drop-down list', () => runs(200, 10, (r) => write(r, 2, 'B', { validationList: ['A', 'B', 'C', 'D'] }))],
  ['one run of 2,500 Japanese texts (office.js splits it by rows)', () => runs(1, 2500, (r) => write(r, 2, `令和5年度の取組状況 ${r}`))],
  ['300 styled header runs', () => runs(300, 1, (r) => write(r, 2, '達成率(参考)', { style: { bold: true, fill: '#DDEBF7', align: 'center', wrap: true, border: true } }))],
];

describe('request size: the adapter estimate against office.js', () => {
  test.each(cases)('%s', async (_, make) => {
    const si = standIn();
    const items: WriteItem[] = make().map((r) => runItem(r, { dataValidation: true }, true));
    const estimate = SYNC_BYTES + items.reduce((n, i) => n + i.bytes, 0);
    const real = await realBytes(si, (ctx) => sendWrites(ctx, items, { budget: Number.MAX_SAFE_INTEGER }));
    expect(estimate).toBeGreaterThanOrEqual(real);
    expect(estimate).toBeLessThan(real * 1.6 + SYNC_BYTES);
  });

  test('highlight: reading and setting the fill of 3,000 cells', async () => {
    const si = standIn();
    const host = createExcelHost({ requestBudget: Number.MAX_SAFE_INTEGER });
    si.richApi.exchanges.length = 0;
    const cells = Array.from({ length: 3000 }, (_, i) => ({ sheet: '一覧', address: `B${i + 1}`, severity: 'warning' as const }));
    await host.highlight(cells);
    const sizes = si.richApi.exchanges.map((x) => x.requestBytes).sort((a, b) => b - a);
    // The two largest syncs: the fill reads and the fill writes, one each at this budget.
    const estimate = SYNC_BYTES + cells.reduce((n, c) => n + CELL_FILL_BYTES + c.address.length + 2, 0);
    for (const real of sizes.slice(0, 2)) {
      expect(estimate).toBeGreaterThanOrEqual(real);
      expect(estimate).toBeLessThan(real * 1.6 + SYNC_BYTES);
    }
  });

  test('a check load of every target cell', async () => {
    const si = standIn();
    const addresses = Array.from({ length: 2000 }, (_, i) => `C${i * 2 + 1}:C${i * 2 + 2}`);
    const estimate = SYNC_BYTES + addresses.reduce((n, a) => n + rangeLoadBytes(a, ['values', 'formulas']), 0);
    const real = await realBytes(si, async (ctx) => {
      for (const a of addresses) worksheet(ctx, '一覧').getRange(a).load('values,formulas');
      await ctx.sync();
    });
    expect(estimate).toBeGreaterThanOrEqual(real);
    expect(estimate).toBeLessThan(real * 1.6 + SYNC_BYTES);
  });
});

describe('notes and print setup: the estimates against office.js', () => {
  const body = (r: number) => `評価の候補「B」（行革進捗アシスタントが実績から計算）。所管課で確認し、違う場合は書き換えてください。\n理由: 実績${r}が目標どおり`;
  const targets = (n: number) => Array.from({ length: n }, (_, i) => ({ sheet: '一覧', address: `C${i + 1}`, text: noteText(body(i)) }));

  test('reading 1,000 cells’ notes and where 40 threads are', async () => {
    const si = standIn();
    for (let i = 0; i < 40; i++) si.addThread('一覧', `D${i + 1}`, 'スレッド', '山田 花子');
    const writes = targets(1000).map((t) => write(Number(t.address.slice(1)) - 1, 2, 'B', { note: body(0) }));
    const before = si.richApi.exchanges.length;
    await Excel.run((ctx) => noteReader(ctx, writes, true).finish(Number.MAX_SAFE_INTEGER));
    const [probes, locations] = si.richApi.exchanges.slice(before).map((x) => x.requestBytes);
    const probeEstimate = SYNC_BYTES + 1000 * NOTE_PROBE_BYTES + THREAD_COUNT_BYTES;
    expect(probeEstimate).toBeGreaterThanOrEqual(probes);
    expect(probeEstimate).toBeLessThan(probes * 1.6 + SYNC_BYTES);
    const locationEstimate = SYNC_BYTES + 40 * THREAD_LOCATION_BYTES;
    expect(locationEstimate).toBeGreaterThanOrEqual(locations);
    expect(locationEstimate).toBeLessThan(locations * 1.6 + SYNC_BYTES);
  });

  test.each(['add', 'update'] as const)('%s 1,000 notes of Japanese text', async (kind) => {
    const si = standIn();
    const t = targets(1000);
    if (kind === 'update') for (const x of t) si.addNote('一覧', x.address, noteText('前の候補'), '山田 花子');
    const d: NoteDecision = { add: kind === 'add' ? t : [], update: kind === 'update' ? t : [], notWritten: [] };
    const items = noteItems(d, Number.MAX_SAFE_INTEGER, () => new Set(), { added: 0, updated: 0 });
    expect(items).toHaveLength(1);
    const estimate = SYNC_BYTES + items[0].bytes;
    const real = await realBytes(si, (ctx) => sendWrites(ctx, items, { budget: Number.MAX_SAFE_INTEGER }));
    expect(estimate).toBeGreaterThanOrEqual(real);
    expect(estimate).toBeLessThan(real * 1.6 + SYNC_BYTES);
    expect(si.inspect('一覧').notes.C1000.content).toBe(t[999].text);
  });

  test('print setup with six page breaks', async () => {
    const si = standIn();
    const p = { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: '1:3', area: 'A1:H120', rowBreaks: [20, 40, 60, 80, 100, 110] } as const;
    const estimate = SYNC_BYTES + printBytes({ ...p, rowBreaks: [...p.rowBreaks] });
    const real = await realBytes(si, async (ctx) => {
      queuePrint(ctx, '一覧', { ...p, rowBreaks: [...p.rowBreaks] });
      await ctx.sync();
    });
    expect(estimate).toBeGreaterThanOrEqual(real);
    expect(estimate).toBeLessThan(real * 1.6 + SYNC_BYTES);
    expect(si.inspect('一覧').rowBreaks).toEqual([20, 40, 60, 80, 100, 110]);
  });
});

describe('the stand-in on its own (the playground) charges about what office.js sends', () => {
  test('a 2,000-item fill and highlight: largest request within a third of office.js’s', async () => {
    const { syntheticWorkbook } = await import('../../bench/synthetic');
    const { analyse } = await import('../../src/core/engine/analyse');
    const { planFill } = await import('../../src/core/plan/fill');
    const { installStandIn } = await import('../../src/standin');
    const measure = async (through: 'officejs' | 'direct') => {
      const si = createStandIn(syntheticWorkbook(2000));
      if (through === 'officejs') installOfficeJs(g, si);
      else installStandIn(g, si);
      const host = createExcelHost();
      const grid = await host.read();
      const a = analyse(grid);
      si.resetStats();
      await host.apply(planFill(grid, a).plan);
      await host.highlight(a.findings.filter((f) => f.sheet && f.cell).map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity })));
      return si.stats.maxRequestBytes;
    };
    const real = await measure('officejs');
    const direct = await measure('direct');
    expect(direct).toBeGreaterThan(real * 0.67);
    expect(direct).toBeLessThan(real * 1.5);
  }, 60_000);
});
