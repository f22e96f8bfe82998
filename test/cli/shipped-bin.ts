import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The executable `npx shinchoku` runs. */
export const BIN = path.join(ROOT, 'bin', 'shinchoku.js');

/**
 * Builds build/cli as `prepare` does if a source is newer than the bundle, so tests of the bin
 * always run what would ship (in CI the bundle `npm ci` built is fresh and used as is).
 */
export function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js'), '--if-stale', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-cli failed: ${r.stderr}`);
}
