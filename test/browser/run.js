#!/usr/bin/env node
/**
 * Browser tests: the real task pane on the stand-in, in Debian's chromium driven by playwright-core.
 * Builds the playground (development mode, into test-artifacts/playground-dist) unless that build is
 * newer than every source, serves it on a free localhost port and walks the Isehara sample through
 * 検証 → select → 計算 → 集計 → language switch, then opens other cities' samples; then the self-hosted
 * add-in build with every other origin blocked (selfhost.js). Screenshots go to
 * test-artifacts/screenshots/. The last line printed is always `browser: N passed, M failed`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ensureBuild, serve, ROOT } = require('../../scripts/playground.js');
const { expect, grid, sheet, SCREENSHOTS } = require('./helpers.js');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-artifacts', 'playground-dist');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const results = { passed: 0, failed: 0 };
function finish(code) {
  console.log(`browser: ${results.passed} passed, ${results.failed} failed`);
  process.exit(code);
}

async function main() {
  const started = Date.now();
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`chromium が見つかりません / chromium not found at ${CHROMIUM}.`);
    console.error('  Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk   (or set CHROMIUM_PATH)');
    results.failed++;
    return finish(1);
  }
  // The consolidation scenarios pick department files made by the fixture generator (test/fixtures).
  if (!fs.existsSync(path.join(ROOT, 'test', 'fixtures', 'xlsx', 'consolidation'))) {
    console.log('generating test fixtures (test/fixtures/generate.ts) …');
    const r = require('node:child_process').spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'fixtures', 'generate.ts')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('fixture generation failed');
  }
  const built = ensureBuild({ outDir: OUT, webpackArgs: ['--mode', 'development', '--env', 'only=playground', '--env', `out=${path.relative(ROOT, OUT)}`] });
  console.log(built ? `built the playground in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'reusing the playground build (newer than every source)');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  const { chromium } = require('playwright-core');
  const { server, port } = await serve(OUT, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const base = `http://127.0.0.1:${port}/playground.html`;
  const pageErrors = [];
  const open = async (query = '', viewport = { width: 1400, height: 900 }) => {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(20000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const errorsBefore = pageErrors.length;
    await page.goto(base + query);
    // A broken bundle shows an alert or throws at once; do not wait the full timeout for the header.
    await page.waitForSelector('[data-testid=layout-label], [role=alert]');
    if (pageErrors.length > errorsBefore) throw new Error(`page error on load: ${pageErrors.slice(errorsBefore).join('; ')}`);
    const alert = await page.$('[role=alert]');
    if (alert) throw new Error(`pane shows an error on load: ${await alert.textContent()}`);
    return page;
  };

  const tests = [...require('./scenarios.js')({ open, expect, grid, sheet, pageErrors }), ...require('./narrow.js')({ open, expect })];
  // The page-error check stays last, after every scenario.
  tests.push(...tests.splice(tests.findIndex(([name]) => name === 'no uncaught page errors'), 1));
  const selfhost = require('./selfhost.js')({ browser, expect });
  const t1 = Date.now();
  const builtSelfhost = await selfhost.setup(console.log);
  console.log(builtSelfhost ? `built the self-hosted add-in in ${((Date.now() - t1) / 1000).toFixed(1)} s` : 'reusing the self-hosted build (newer than every source)');
  try {
    for (const [name, fn] of [...tests, ...selfhost.tests]) {
      const t0 = Date.now();
      try {
        await fn();
        results.passed++;
        console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
      } catch (e) {
        results.failed++;
        console.log(`  ✕ ${name}\n      ${String(e && e.message ? e.message : e).split('\n').join('\n      ')}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
    selfhost.teardown();
  }
  console.log(`screenshots: ${path.relative(ROOT, SCREENSHOTS)}/ — ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  finish(results.failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  results.failed++;
  finish(1);
});
