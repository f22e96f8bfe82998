/* global window, document -- functions passed to page.evaluate run in the browser */
const path = require('node:path');
const { SCREENSHOTS } = require('./helpers.js');

const SAMPLES = path.resolve(__dirname, '..', '..', 'assets', 'samples');
const OWNED_RATIO_HEADER = '達成率（自動）';
const shot = (page, name) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

/** The scenarios, in order; the Isehara ones share one page, as a person would use the pane. */
module.exports = ({ open, expect, grid, sheet, pageErrors }) => {
  let page;
  let beforeFill;

  return [
    [
      'Isehara: header shows the detected layout, sheet and fiscal year',
      async () => {
        page = await open();
        for (const name of ['検証', '計算', '集計', '取り込み', '設定']) {
          expect.equal(await page.getByRole('tab', { name, exact: true }).count(), 1, `tab ${name}`);
        }
        expect.contains(await page.textContent('[data-testid=header]'), '伊勢原市 取組項目一覧', 'layout label');
        expect.contains(await page.textContent('[data-testid=item-count]'), '取組 71 件', 'item count');
        // How the layout was detected is there on demand, not in the way.
        expect.ok(!(await page.isVisible('text=判定理由')), 'reasons folded away');
        await page.click('[data-testid=header-details]');
        const header = await page.textContent('[data-testid=header]');
        expect.contains(header, 'シート: 取組項目一覧', 'sheets');
        expect.contains(header, '判定理由', 'detection reason');
        expect.contains(await page.textContent('[data-testid=fiscal-year]'), '令和5年度', 'fiscal year');
      },
    ],
    [
      'Isehara: 検証 lists the real findings with counts and a pass verdict',
      async () => {
        await page.click('[data-testid=validate-run]');
        await page.waitForSelector('[data-testid=verdict]');
        expect.contains(await page.textContent('[data-testid=verdict]'), '提出できます', 'verdict');
        expect.equal((await page.textContent('[data-testid=counts]')).trim(), 'エラー 0 件 / 警告 6 件 / 情報 1 件', 'counts');
        expect.equal(await page.locator('[data-testid=finding]').count(), 7, 'findings listed');
        expect.contains(await page.textContent('[data-testid=severity-warning]'), 'VLD009 取組項目一覧!F7', 'first warning');
        expect.contains(await page.textContent('[data-testid=announce]'), '提出できます', 'aria-live announcement');
        await shot(page, 'isehara-validate-ja');
      },
    ],
    [
      'Isehara: clicking a finding selects its cell in the workbook',
      async () => {
        const second = page.locator('[data-testid=finding]').nth(1);
        const want = { sheet: await second.getAttribute('data-sheet'), address: await second.getAttribute('data-cell') };
        expect.equal(want, { sheet: '取組項目一覧', address: 'F18' }, 'second finding cell');
        await second.click();
        await page.waitForFunction(() => window.__shinchoku.selection()?.address === 'F18');
        expect.equal(await page.evaluate(() => window.__shinchoku.selection()), want, 'stand-in selection');
        await page.waitForSelector('td.selected[data-address=F18]');
      },
    ],
    [
      'Isehara: highlighting colours the finding cells and can be removed',
      async () => {
        await page.click('[data-testid=highlight-on]');
        await page.waitForFunction(() => Object.keys(window.__shinchoku.standIn.inspect('取組項目一覧').fills).includes('F7'));
        await page.waitForSelector('[data-testid=highlight-on]:not([disabled])');
        await page.click('[data-testid=highlight-off]');
        await page.waitForFunction(() => {
          const f = window.__shinchoku.standIn.inspect('取組項目一覧').fills.F7;
          return !f || f.toUpperCase() === '#FFFFFF';
        });
      },
    ],
    [
      'Isehara: 計算 previews, then writes only the owned 達成率 column; no staff cell changes',
      async () => {
        beforeFill = await grid(page);
        await page.click('[data-testid=tab-fill]');
        await page.click('[data-testid=fill-preview]');
        await page.waitForSelector('[data-testid=fill-preview-result]');
        const preview = await page.textContent('[data-testid=fill-preview-result]');
        expect.contains(preview, '達成率40 セル', 'ratio count');
        // A results sheet (its own 達成状況 column) is not offered progress columns.
        expect.equal(await page.locator('[data-testid=columns-section]').count(), 0, 'no progress columns on a results sheet');
        expect.contains(preview, '合計 41 セル', 'total cells');
        expect.contains(await page.textContent('[data-testid=disagreements]'), '(6 件)', 'disagreements listed');
        await page.click('[data-testid=fill-run]');
        await page.waitForSelector('[data-testid=fill-result]');
        expect.contains(await page.textContent('[data-testid=fill-result]'), '41 セルを書き込みました', 'fill result');
        const after = await grid(page);
        let changed = 0;
        // The settings sheet is the add-in's own (it records the owned column); staff sheets are checked.
        for (const s of beforeFill.sheets.filter((x) => x.name !== '_shinchoku')) {
          const a = sheet(after, s.name);
          const rows = Math.max(s.values.length, a.values.length);
          for (let r = 0; r < rows; r++) {
            const cols = Math.max(s.values[r]?.length ?? 0, a.values[r]?.length ?? 0);
            for (let c = 0; c < cols; c++) {
              const was = s.values[r]?.[c] ?? null;
              const now = a.values[r]?.[c] ?? null;
              if (was === now) continue;
              if (was !== null) throw new Error(`staff cell changed: ${s.name} r${r + 1} c${c + 1}: ${JSON.stringify(was)} → ${JSON.stringify(now)}`);
              changed++;
            }
          }
        }
        expect.equal(changed, 41, 'cells written (all previously blank)');
        await page.click('[data-sheet-tab="取組項目一覧"]');
        const header = page.locator('td.written', { hasText: OWNED_RATIO_HEADER });
        expect.equal(await header.count(), 1, 'owned 達成率 header shown as written in the grid view');
        expect.equal(await page.locator('td.written').count(), 41, 'written cells marked in the grid view');
        await header.scrollIntoViewIfNeeded();
        await shot(page, 'isehara-fill-ja');
      },
    ],
    [
      'Isehara: 集計 writes the summary sheet with the published totals (A17/B43/C11/D0, 228,520 / 797,733)',
      async () => {
        await page.click('[data-testid=tab-summary]');
        await page.click('[data-testid=summary-run]');
        await page.waitForSelector('[data-testid=summary-done]');
        const s = sheet(await grid(page), '行革集計');
        const total = s.values.find((r) => r[0] === '合計');
        expect.equal(total.slice(1, 7), [17, 43, 11, 0, 0, 71], 'count table total row');
        const planned = s.values.findIndex((r) => r[0] === '合計' && r[1] === '(効果見込額)');
        expect.ok(planned > 0, 'effect table total row');
        expect.equal([s.values[planned][2], s.values[planned + 1][2]], [228520, 797733], 'planned / actual effect (千円)');
        expect.equal(await page.evaluate(() => window.__shinchoku.standIn.inspect('行革集計').charts.length), 1, 'chart of A–D counts');
        const paneTotal = await page.textContent('[data-testid=summary-table] [data-row=total]');
        for (const part of ['17', '43', '11', '228,520', '797,733']) expect.contains(paneTotal, part, 'pane summary total row');
        await page.click('[data-sheet-tab="行革集計"]');
        await shot(page, 'isehara-summary-ja');
      },
    ],
    [
      'Isehara: switching language shows English labels',
      async () => {
        await page.click('[data-testid=lang-switch]');
        // By accessible name: Fluent's Tab also renders a hidden copy of its label to reserve bold width.
        for (const name of ['Check', 'Fill', 'Summary', 'Import', 'Settings']) {
          expect.equal(await page.getByRole('tab', { name, exact: true }).count(), 1, `tab ${name}`);
        }
        expect.contains(await page.textContent('[data-testid=summary-table]'), 'Planned effect', 'table header');
        await page.click('[data-testid=tab-validate]');
        expect.contains(await page.textContent('[data-testid=verdict]'), 'Ready to submit', 'verdict');
        expect.contains(await page.textContent('[data-testid=header]'), 'FY2023', 'fiscal year');
        await shot(page, 'isehara-validate-en');
        await page.close();
      },
    ],
    [
      'Office in English opens the pane in English',
      async () => {
        const p = await open('?lang=en');
        expect.equal(await p.getByRole('tab', { name: 'Fill', exact: true }).count(), 1, 'tab label');
        expect.contains(await p.textContent('[data-testid=header]'), 'Isehara', 'layout label in English');
        await p.close();
      },
    ],
    [
      'Nihonmatsu sample: detected and checked',
      async () => {
        const p = await open('?sample=nihonmatsu.xlsx');
        expect.contains(await p.textContent('[data-testid=header]'), '二本松市', 'layout label');
        await p.click('[data-testid=validate-run]');
        await p.waitForSelector('[data-testid=verdict]');
        expect.contains(await p.textContent('[data-testid=counts]'), 'エラー', 'counts shown');
        // A plan with no rating column is not a progress report yet, errors or not: no green verdict.
        const verdict = await p.textContent('[data-testid=verdict]');
        expect.contains(verdict, '進捗報告としてはまだ提出できません', 'verdict on a plan');
        expect.contains(verdict, 'シート「実施計画」の取組 36 件', 'which sheet and how many items');
        expect.ok(!verdict.includes('提出できます'), 'no "ready to submit" on a plan');
        await shot(p, 'nihonmatsu-validate-ja');
        // The verdict's button goes to 計算 with the year field focused; the year is typed as staff write it.
        await p.click('[data-testid=verdict-add-columns]');
        await p.waitForFunction(() => document.activeElement && document.activeElement.id === 'columns-fy-input');
        await p.fill('#columns-fy-input', 'R8');
        expect.contains(await p.textContent('[data-testid=columns-fy]'), '令和8年度として追加します', 'year read from R8');
        await p.fill('#columns-fy-input', 'らいねん');
        expect.ok(await p.isDisabled('[data-testid=columns-run]'), 'an unreadable year disables the button');
        expect.contains(await p.textContent('[data-testid=columns-fy]'), '年度として読めません', 'and says why');
        await p.fill('#columns-fy-input', '令和8年度');
        await p.click('[data-testid=columns-run]');
        await p.waitForSelector('text=令和8年度 実績');
        expect.ok((await p.locator('td.written').count()) > 3, 'progress columns shown as written in the grid view');
        await shot(p, 'nihonmatsu-columns-ja');
        await p.close();
      },
    ],
    [
      '取り込み: two department files read in the pane give one consolidated summary',
      async () => {
        const p = await open('?api=1.12');
        await p.click('[data-testid=tab-import]');
        await p.setInputFiles('[data-testid=import-files]', [path.join(SAMPLES, 'isehara-list.xlsx'), path.join(SAMPLES, 'yuzawa.xlsx')]);
        await p.click('[data-testid=import-run]');
        await p.waitForSelector('[data-testid=import-summary-table]');
        const files = await p.textContent('[data-testid=import-files-table]');
        expect.contains(files, 'isehara-list.xlsx', 'file row');
        expect.contains(files, 'yuzawa.xlsx', 'file row');
        expect.equal(await p.locator('[data-testid=import-inserted]').count(), 0, 'not inserted on ExcelApi 1.12');
        await shot(p, 'import-ja');
        await p.close();
      },
    ],
    [
      '設定: rules saved in the workbook, one row per key',
      async () => {
        const p = await open();
        await p.click('[data-testid=tab-settings]');
        await p.waitForSelector('[data-testid=settings-form]');
        await p.selectOption('[data-testid=settings-form] select >> nth=0', 'thresholds');
        await p.click('[data-testid=settings-save]');
        await p.waitForSelector('text=設定をブックに保存しました。');
        // One row per key in the very hidden settings sheet: row 3 holds `rules`.
        const store = await p.evaluate(() => window.__shinchoku.toGrid().sheets.find((x) => x.name === '_shinchoku'));
        expect.equal([store.visibility, store.values[0][0], store.values[2][0]], ['veryHidden', 'shinchoku-settings', 'rules'], 'settings sheet layout');
        expect.equal(JSON.parse(store.values[2].slice(3).join('')).ratingRule, 'thresholds', 'stored rules');
        await shot(p, 'settings-ja');
        await p.close();
      },
    ],
    [
      'errors: a protected sheet gives the adapter’s Japanese message in a MessageBar',
      async () => {
        const p = await open();
        await p.evaluate(() => window.__shinchoku.standIn.setProtected('取組項目一覧', true));
        await p.click('[data-testid=tab-fill]');
        await p.click('[data-testid=fill-preview]');
        await p.waitForSelector('[data-testid=fill-preview-result]');
        await p.click('[data-testid=fill-run]');
        await p.waitForSelector('[data-testid=error], [data-testid=fill-result]');
        const error = await p.$('[data-testid=error]');
        const text = error ? await error.textContent() : await p.textContent('[data-testid=fill-result]');
        expect.ok(error, `expected an error bar, pane said: ${text}`);
        expect.contains(text, '保護', 'protection message');
        await shot(p, 'error-protected-ja');
        await p.close();
      },
    ],
    ...require('./consolidation-scenarios.js')({ open, expect, grid, sheet }),
    [
      'no uncaught page errors',
      async () => expect.equal(pageErrors, [], 'page errors'),
    ],
  ];
};
