import * as os from 'node:os';
import { benchCore } from './core';
import { benchFiles } from './files';
import { benchPane } from './pane';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { benchStartup } = require('./startup.js') as { benchStartup: () => void };

/**
 * `npm run bench`: the figures issue 12 asks for, side by side in one run on this machine at its
 * present load — each command against a bare ExcelJS load and an unzip-and-scan floor at 71, 710,
 * 7,100 and 21,300 items, the cost of 1,000 more items, peak memory per item, a stray cell at
 * XFD1048576, start-up against `node -e 0`, and the task pane in headless Chromium. Never run in CI
 * (timings are figures to read, not assertions). `-- --all` adds the core's own sections (bench:core).
 */
async function main(): Promise<void> {
  const all = process.argv.includes('--all');
  console.log(`shinchoku bench — node ${process.version}, ${os.cpus().length} cores, load average at start ${os.loadavg()[0].toFixed(1)}`);
  await benchFiles();
  console.log('');
  benchStartup();
  await benchPane();
  if (all) await benchCore();
  console.log(`\nload average at end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (figures on a busy machine are slower; the ratios, measured in the same run, less so)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
