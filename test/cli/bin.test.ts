import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { InspectJson } from '../../src/cli/json';
import { fixturePath } from '../fixtures/paths';
import { BIN, ensureBuilt } from './shipped-bin';

beforeAll(ensureBuilt, 120_000);

describe('the shinchoku executable', () => {
  it('writes large JSON to a pipe whole, and exits with the command’s code', () => {
    // A reader slower than the writer keeps the pipe full, as `| jq` or `| node -e` do.
    const cmd = `"${process.execPath}" "${BIN}" inspect "${fixturePath('isehara-full.xlsx')}" --json | (sleep 1; cat)`;
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100_000);
    expect(InspectJson.parse(JSON.parse(r.stdout)).items).toHaveLength(71);
  });

  it('exits 2 with a Japanese reason for a missing file', () => {
    const r = spawnSync(process.execPath, [BIN, 'validate', path.join(__dirname, 'missing.xlsx')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ファイルが見つかりません');
  });
});
