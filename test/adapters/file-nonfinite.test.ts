import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileHost } from '../../src/adapters/file/file-host';
import { analyse } from '../../src/core/engine/analyse';
import { fixturePath } from '../fixtures/paths';
import { runCli } from '../helpers/cli';

/**
 * Effect amounts of 1e308 are finite, their sum is not: the core says so where it arises (SUM001)
 * and the file writer refuses to put Infinity or NaN into a sheet, leaving no output behind.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-nonfinite-'));

async function hugeAmounts(): Promise<string> {
  const host = new FileHost(fixturePath('isehara-list.xlsx'));
  const grid = await host.read();
  const a = analyse(grid);
  // The planned amounts of two items of one policy, in the report year: their sum overflows.
  const policy = a.plan.items[0].policyKey;
  const planned = a.plan.items
    .filter((i) => i.policyKey === policy)
    .map((i) => i.effects?.byYear.find((y) => y.fy === a.plan.reportFy)?.planned)
    .filter((v) => v?.kind === 'number' && v.cell)
    .slice(0, 2);
  expect(planned).toHaveLength(2);
  await host.apply({
    label: 'test',
    writes: planned.map((v) => ({ sheet: v!.cell!.sheet, address: v!.cell!.address, value: 1e308, expect: v!.kind === 'number' ? v!.value : null, reason: 'summary' as const })),
    sheets: [],
  });
  const file = path.join(tmp, 'huge.xlsx');
  await host.save(file, { force: true });
  return file;
}

describe('non-finite numbers', () => {
  it('are a finding where they arise and are never written into a sheet', async () => {
    const file = await hugeAmounts();
    const v = await runCli('validate', file, '--json');
    const found = JSON.parse(v.out).issues.filter((i: { code: string }) => i.code === 'SUM001');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].cell).toMatch(/^[A-Z]+\d+$/);
    const out = path.join(tmp, 'summary.xlsx');
    const s = await runCli('summary', file, '-o', out);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/数値として扱えません.*何も書き込んでいません/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
