#!/usr/bin/env node
/**
 * Builds the `shinchoku` command: src/cli/main.ts bundled into build/cli/main.js (plain CommonJS for
 * Node 20), with packages left as `require`s into node_modules. Runs from `prepare`, so `npm ci` on a
 * fresh clone leaves a working `npx shinchoku`; nothing built is committed.
 *
 * Command modules are imported dynamically in main.ts; esbuild turns those into lazily initialised
 * modules, so `--help` runs no module that needs zod or the workbook reader.
 *
 * `node scripts/build-cli.js --if-stale` builds only when a source is newer than the bundle (the
 * tests call it so they always run what `prepare` would ship).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'build', 'cli');
const OUT = path.join(OUT_DIR, 'main.js');
const INPUTS = ['src', 'package.json', 'scripts/build-cli.js'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

function isStale() {
  if (!fs.existsSync(OUT)) return true;
  const built = fs.statSync(OUT).mtimeMs;
  return INPUTS.some((p) => newestMtime(path.join(ROOT, p)) > built);
}

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'external',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

/** Bundles into temporary names and renames them into place, so a reader never sees half a file. */
async function build() {
  const esbuild = require('esbuild');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const jobs = [{ file: 'main.js', options: { entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')] } }];
  const tmp = (file) => path.join(OUT_DIR, `.${process.pid}.${file}`);
  try {
    for (const job of jobs) await esbuild.build({ ...COMMON, ...job.options, outfile: tmp(job.file) });
    for (const job of jobs) {
      fs.renameSync(`${tmp(job.file)}.map`, path.join(OUT_DIR, `${job.file}.map`));
      fs.renameSync(tmp(job.file), path.join(OUT_DIR, job.file));
    }
  } finally {
    for (const job of jobs) for (const f of [tmp(job.file), `${tmp(job.file)}.map`]) fs.rmSync(f, { force: true });
  }
  writeCodeCache(jobs.map((j) => path.join(OUT_DIR, j.file)));
}

/**
 * V8 code cache for each bundle (see bin/load-bundle.js), made by loading the bundles in a fresh
 * node: the same binary that `npx shinchoku` will run after `npm ci`. Best effort: without a cache
 * the command is only slower.
 */
function writeCodeCache(files) {
  const { spawnSync } = require('node:child_process');
  for (const f of files) fs.rmSync(`${f}.cache`, { force: true });
  const code = `require(${JSON.stringify(path.join(ROOT, 'bin', 'load-bundle.js'))}).install(${JSON.stringify(OUT_DIR)}, { write: true });
for (const f of ${JSON.stringify(files)}) require(f);`;
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) console.warn(`shinchoku: no code cache (${(r.stderr || '').split('\n')[0]}); the command still works, a little slower.`);
}

async function main() {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) return;
  const t0 = Date.now();
  await build();
  if (!process.argv.includes('--quiet')) console.log(`shinchoku: built ${path.relative(ROOT, OUT)} in ${Date.now() - t0} ms`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e && e.message ? e.message : e);
    process.exitCode = 1;
  });
}
module.exports = { build, isStale, OUT, ROOT };
