/* global window -- the function passed to page.evaluate runs in the browser */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { listWorkbook } from './files';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuild, serve } = require('../scripts/playground.js') as {
  ensureBuild: (o?: { log?: (s: string) => void }) => boolean;
  serve: (dir: string, port: number) => Promise<{ server: { close: () => void }; port: number }>;
};

/**
 * The task pane in headless Chromium on the production playground (the stand-in answers office.js
 * as Excel would): the Isehara list repeated to N items is served in place of the Isehara sample,
 * and the pane's first render, 検証, 集計, then 検証 and 集計 again after one cell was edited
 * (as another user's edit reaches the workbook) are timed in the page, from the click until the
 * pane is no longer busy. One run each (the pane keeps state between commands, as a person's
 * session does); part of `npm run bench`, never of CI.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SIZES = [71, 21300];
const SHEET = '取組項目一覧';
/**
 * What a person types on an item's row between two commands: a rating (達成状況, F7 of item 1(1)②,
 * B in the sample) before 集計, then an actual value (実績, I7) before 検証.
 */
const EDITS = [
  ['F7', 'A'],
  ['I7', 123],
] as const;
const TIMEOUT = 600000;

/**
 * Clicks `selector` and resolves with the ms until the pane's busy indicator has come and gone.
 * Written as source text: tsx names functions with a helper the page does not have.
 */
async function timedClick(page: Page, selector: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    let seen = false;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (document.querySelector('[data-testid=busy]')) seen = true;
      else if (seen) {
        obs.disconnect();
        // The result is on screen once the next frame is painted.
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }
    });
    obs.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => reject(new Error(${JSON.stringify(selector)} + ': still busy after ${TIMEOUT} ms')), ${TIMEOUT});
    document.querySelector(${JSON.stringify(selector)}).click();
  })`) as Promise<number>;
}

interface PaneFigures {
  items: number;
  standIn: number;
  firstRender: number;
  validate: number;
  findings: number;
  summary: number;
  revalidate: number;
  resummary: number;
}

/**
 * With PANE_PROFILE=DIR, a Chrome CPU profile of the step is written to DIR/<name>.cpuprofile (open it
 * in Chrome's DevTools, Performance panel); without it, nothing is recorded.
 */
async function profile(page: Page, name: string): Promise<() => Promise<void>> {
  const dir = process.env.PANE_PROFILE;
  if (!dir) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return async () => {
    const { profile: p } = await cdp.send('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(p));
  };
}

async function measure(page: Page, port: number, file: string, items: number): Promise<PaneFigures> {
  const body = fs.readFileSync(file);
  await page.route('**/samples/isehara-list.xlsx', (route) => route.fulfill({ body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  // Marks taken in the page as they happen: when the playground hands the workbook to the stand-in
  // (window.__shinchoku is set just before the pane mounts), and when the pane first shows its header.
  await page.addInitScript(`(() => {
    const marks = (window.__benchMarks = {});
    let hook;
    Object.defineProperty(window, '__shinchoku', { configurable: true, get: () => hook, set: (v) => { hook = v; marks.standIn ??= performance.now(); } });
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid=item-count]')) { marks.header = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  })()`);
  const stopOpen = await profile(page, `open-${items}`);
  await page.goto(`http://127.0.0.1:${port}/playground.html?sample=isehara-list.xlsx&width=380`);
  await page.waitForSelector('[data-testid=item-count]', { timeout: TIMEOUT });
  await stopOpen();
  const { standIn, header: shown } = (await page.evaluate('window.__benchMarks')) as { standIn: number; header: number };
  const count = (await page.textContent('[data-testid=item-count]')) ?? '';
  if (!count.includes(items.toLocaleString('en-US')) && !count.includes(String(items))) throw new Error(`pane shows "${count}" for ${items} items`);

  const validate = await timedClick(page, '[data-testid=validate-run]');
  await page.waitForSelector('[data-testid=verdict]', { timeout: TIMEOUT });
  const findings = await page.locator('[data-testid=finding]').count();
  await page.click('[data-testid=tab-summary]');
  const summary = await timedClick(page, '[data-testid=summary-run]');
  await page.waitForSelector('[data-testid=summary-done]', { timeout: TIMEOUT });

  await page.evaluate(([sheet, cell, value]) => window.__shinchoku!.standIn.coauthorEdit(sheet, cell, value), [SHEET, ...EDITS[0]] as const);
  const stop = await profile(page, `resummary-${items}`);
  const resummary = await timedClick(page, '[data-testid=summary-run]');
  await stop();
  await page.evaluate(([sheet, cell, value]) => window.__shinchoku!.standIn.coauthorEdit(sheet, cell, value), [SHEET, ...EDITS[1]] as const);
  await page.click('[data-testid=tab-validate]');
  const stopValidate = await profile(page, `revalidate-${items}`);
  const revalidate = await timedClick(page, '[data-testid=validate-run]');
  await stopValidate();
  return { items, standIn, firstRender: shown - standIn, validate, findings, summary, revalidate, resummary };
}

export async function benchPane(): Promise<void> {
  console.log('\n# Task pane in headless Chromium (production playground, stand-in for Excel), pane width 380 px');
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`skipped: no chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return;
  }
  const t = Date.now();
  if (ensureBuild({ log: () => {} })) console.log(`(built the playground in ${((Date.now() - t) / 1000).toFixed(0)} s)`);
  const dir = path.join(os.tmpdir(), 'shinchoku-bench-files');
  fs.mkdirSync(dir, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const { server, port } = await serve(path.join(__dirname, '..', 'out', 'playground'), 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    console.log('items | stand-in loaded (playground, ms) | first render of the pane | 検証 | findings listed | 集計 | 集計 after one edit | 検証 after one edit');
    console.log('--- | --- | --- | --- | --- | --- | --- | ---');
    for (const n of SIZES) {
      const file = path.join(dir, `pane-items-${n}.xlsx`);
      fs.writeFileSync(file, listWorkbook(n));
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      try {
        const f = await measure(page, port, file, n);
        const ms = (x: number) => x.toFixed(0);
        console.log(`${n} | ${ms(f.standIn)} | ${ms(f.firstRender)} | ${ms(f.validate)} | ${f.findings} | ${ms(f.summary)} | ${ms(f.resummary)} | ${ms(f.revalidate)}`);
      } catch (e) {
        console.log(`${n} | failed: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (require.main === module) {
  benchPane().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
