import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { SAMPLE_DIR } from '../fixtures/paths';

/**
 * `npm run bench:plain` runs and prints its table (its figures are measured, never asserted here):
 * the bundle's commands against a bare ExcelJS load, on the bundled sample so it takes seconds.
 */
test('bench:plain prints each command against ExcelJS', () => {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'bench', 'plain-node.js'), path.join(SAMPLE_DIR, 'isehara-list.xlsx')], { encoding: 'utf8' });
  const rows = out.split('\n').filter((l) => /^(ExcelJS load|summary --json|validate --json) \| \d+ \| \d+\.\d\d$/.test(l));
  expect(rows.map((r) => r.split(' | ')[0])).toEqual(['ExcelJS load', 'summary --json', 'validate --json']);
  expect(rows[0]).toMatch(/\| 1\.00$/);
}, 120_000);
