/* global window, document -- functions passed to page.evaluate / addInitScript run in the browser */
/**
 * The self-hosted build (office.js from the add-in's own origin, for LGWAN) in headless Chromium with
 * every other origin blocked: the real taskpane.html and bundle, office.js from /office/, Excel played
 * by the stand-in behind office.js's own runtime (a test-only script put after office.js, as the host
 * would be there). It must open, run 検証, request nothing from another origin and break no rule of
 * its Content-Security-Policy.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ensureBuild, serve, ROOT } = require('../../scripts/playground.js');
const { SCREENSHOTS } = require('./helpers.js');

const OUT = path.join(ROOT, 'test-artifacts', 'selfhost-dist');

function build(log) {
  return ensureBuild({
    outDir: OUT,
    marker: 'taskpane.html',
    webpackArgs: ['--mode', 'production', '--env', 'officejs=self', '--env', 'minimize=false', '--env', 'only=taskpane,harness', '--env', `out=${path.relative(ROOT, OUT)}`],
    log,
  });
}

module.exports = ({ browser, expect }) => {
  let server;
  let base;
  return {
    async setup(log) {
      const built = build(log);
      const started = await serve(OUT, 0, { index: 'taskpane.html', mounts: { '__test/samples': path.join(ROOT, 'assets', 'samples') } });
      server = started.server;
      base = `http://127.0.0.1:${started.port}`;
      return built;
    },
    teardown() {
      server?.close();
    },
    tests: [
      [
        'self-hosted build: only its own origin, CSP clean, 検証 runs on Isehara',
        async () => {
          expect.ok(fs.existsSync(path.join(OUT, 'office', 'office.js')), 'office.js copied into the build');
          const html = fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
          expect.ok(/src="?office\/office\.js/.test(html), 'taskpane.html loads office.js from its own origin');
          expect.contains(html, "script-src 'self';", 'CSP allows scripts from self only');
          const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
          const blocked = [];
          await context.route('**/*', async (route) => {
            const url = route.request().url();
            if (!url.startsWith(base)) {
              blocked.push(url);
              return route.abort('blockedbyclient');
            }
            // The host's part: the stand-in for Excel, right after the page's own office.js.
            if (new URL(url).pathname === '/taskpane.html') {
              const res = await route.fetch();
              const body = (await res.text()).replace(/(<script[^>]*office\/office\.js[^>]*><\/script>)/, '$1<script src=harness.js></script>');
              return route.fulfill({ response: res, body });
            }
            return route.continue();
          });
          const page = await context.newPage();
          page.setDefaultTimeout(30000);
          const errors = [];
          const consoleErrors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
          await page.addInitScript(() => {
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} from ${e.sourceFile}:${e.lineNumber}`));
          });
          await page.goto(`${base}/taskpane.html?sample=isehara-list.xlsx`);
          await page.waitForSelector('[data-testid=layout-label], [role=alert]');
          const alert = await page.$('[role=alert]');
          if (alert) {
            const probe = await page.evaluate(() =>
              window.Excel.run(async (ctx) => {
                ctx.workbook.load('name');
                await ctx.sync();
                return ctx.workbook.name;
              }).then(
                (x) => `probe ok: ${x}`,
                (e) => `probe: ${e && e.code} ${e && e.message} ${e && e.stack}`,
              ),
            );
            throw new Error(`pane shows an error on load: ${await alert.textContent()}\n${[...errors, ...consoleErrors, probe].join('\n')}`);
          }
          expect.contains(await page.textContent('[data-testid=header]'), '伊勢原市 取組項目一覧', 'layout detected through office.js');
          await page.click('[data-testid=validate-run]');
          await page.waitForSelector('[data-testid=verdict]');
          expect.contains(await page.textContent('[data-testid=verdict]'), '提出できます', 'verdict');
          expect.equal((await page.textContent('[data-testid=counts]')).trim(), 'エラー 0 件 / 警告 6 件 / 情報 1 件', 'counts');
          await page.screenshot({ path: path.join(SCREENSHOTS, 'selfhost-validate-ja.png') });
          const requests = await page.evaluate(() => window.__standin.richApi.exchanges.length);
          expect.ok(requests > 0, 'the pane talked to Excel through office.js');
          expect.equal(blocked, [], 'requests to other origins');
          // office.js (outside Office, its O15 path) tries to frame Microsoft's telemetry service; the
          // policy blocks that on purpose. Nothing else may be blocked.
          const violations = (await page.evaluate(() => window.__csp)).filter((v) => !/^frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com /.test(v));
          expect.equal(violations, [], 'CSP violations');
          expect.equal(errors, [], 'page errors');
          await context.close();
        },
      ],
      [
        'office.js blocked: the pane says office.js could not load instead of staying blank',
        async () => {
          const context = await browser.newContext({ viewport: { width: 380, height: 700 } });
          await context.route('**/office/office.js', (route) => route.abort('blockedbyclient'));
          const page = await context.newPage();
          await page.goto(`${base}/taskpane.html`);
          const alert = await page.waitForSelector('[data-testid=office-boot-failure]', { timeout: 20000 });
          expect.contains(await alert.textContent(), 'office.js', 'message names office.js');
          expect.contains(await alert.textContent(), '読み込めませんでした', 'message says it could not load');
          await context.close();
        },
      ],
    ],
  };
};
