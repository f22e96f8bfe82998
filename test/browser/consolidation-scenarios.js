/* global window -- functions passed to page.evaluate run in the browser */
const path = require('node:path');
const { SCREENSHOTS } = require('./helpers.js');
const { axeViolations, overflowing } = require('./narrow.js');

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'xlsx', 'consolidation');
const DEPARTMENTS = path.join(FIXTURES, 'r5-departments');
const shot = (page, name) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

const PANE_HEIGHT = 640;

/** The pane at a real width (the playground's ?width=), in a window that leaves room for the grid. */
const openAt = (open, width, query) => open(`?width=${width}&${query}`, { width: width + 600, height: PANE_HEIGHT });

/** Nothing wider than the pane and no axe violation in the pane's own markup (narrow.js's checks). */
async function fits(page, expect, where) {
  expect.equal(await overflowing(page), [], `${where}: overflow`);
  expect.equal(await axeViolations(page), [], `${where}: axe violations`);
}

/** The planning section's job in the pane: 取り込み with consolidation, provenance, compare and hearing list. */
module.exports = ({ open, expect, grid, sheet }) => {
  let page;
  return [
    [
      '取り込み (320 px): department files with a copy, an R6 file, a lock file and a CSV give the published totals; every problem file is named',
      async () => {
        page = await openAt(open, 320, 'sample=isehara-list.xlsx');
        await page.click('[data-testid=tab-import]');
        // This workbook is the plan's own list; its items and the departments' are the same items.
        await page.setInputFiles('[data-testid=import-files]', [
          '企画部_経営企画課.xlsx',
          '企画部_経営企画課（再提出）.xlsx',
          '総務部_職員課.xlsx',
          '総務部_情報政策課.xlsx',
          'R6_企画部_財政課.xlsx',
          '~$企画部_財政課.xlsx',
          '取組状況メモ.csv',
        ].map((f) => path.join(DEPARTMENTS, f)));
        await page.click('[data-testid=import-run]');
        await page.waitForSelector('[data-testid=import-summary-table]');
        const figure = (f) => page.textContent(`[data-testid=import-summary-table] [data-row=total] [data-figure="${f}"]`);
        for (const [f, v] of Object.entries({ A: '17', B: '43', C: '11', D: '0', planned: '228,520', actual: '797,733' })) expect.contains(await figure(f), v, `consolidated total ${f}`);
        const status = await page.$$eval('[data-testid=import-file]', (els) => els.map((e) => [e.getAttribute('data-file'), e.getAttribute('data-status')]));
        const byName = Object.fromEntries(status);
        expect.equal(byName['企画部_経営企画課（再提出）.xlsx'], 'duplicate', 'renamed copy');
        expect.equal(byName['R6_企画部_財政課.xlsx'], 'other-year', 'R6 file');
        expect.equal(byName['~$企画部_財政課.xlsx'], 'owner', 'owner file');
        expect.equal(byName['取組状況メモ.csv'], 'not-workbook', 'CSV');
        const codes = await page.$$eval('[data-testid=consolidation-finding]', (els) => els.map((e) => e.getAttribute('data-code')));
        for (const c of ['CON001', 'CON002', 'CON005', 'CON009', 'CON010']) expect.ok(codes.includes(c), `finding ${c} shown (got ${codes.join(',')})`);
        // Inserted sheets carry the department's name, not 取組項目一覧 (2).
        const inserted = await page.$$eval('[data-testid=import-inserted]', (els) => els.map((e) => e.textContent));
        expect.ok(inserted.some((t) => t.includes('企画部 経営企画課')), `inserted names: ${inserted.join(' | ')}`);
        const names = (await grid(page)).sheets.map((s) => s.name);
        for (const n of ['企画部 経営企画課', '総務部 職員課', '総務部 情報政策課']) expect.ok(names.includes(n), `sheet ${n} inserted (sheets: ${names.join(', ')})`);
        expect.ok(!names.some((n) => /\(\d\)$/.test(n)), `no "(2)" copies: ${names.join(', ')}`);
        await fits(page, expect, 'import results at 320 px');
        await shot(page, 'import-consolidated-320-ja');
      },
    ],
    [
      '取り込み: a count opens the items behind it, and an item opens its cell',
      async () => {
        await page.click('[data-testid=summary-count][data-group="1"][data-column=A]');
        await page.waitForSelector('[data-testid=sources]');
        const items = page.locator('[data-testid=sources] [data-testid=source-item]');
        expect.equal(await items.count(), 4, 'policy 1, rating A: 4 items');
        const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
        expect.equal(ids.sort(), ['1(1)③', '1(1)④', '1(2)①', '1(2)④'].sort(), 'the A items of policy 1');
        const link = page.locator('[data-testid=sources] [data-testid=source-item] button').first();
        const want = { sheet: await link.getAttribute('data-sheet'), address: await link.getAttribute('data-cell') };
        await link.click();
        await page.waitForFunction((w) => JSON.stringify(window.__shinchoku.selection()) === JSON.stringify(w), want);
        await fits(page, expect, 'items behind a count at 320 px');
        await shot(page, 'import-sources-320-ja');
      },
    ],
    [
      '取り込み: the consolidated sheets are written, and 集計 and 検証 do not count the inserted copies again',
      async () => {
        await page.click('[data-testid=import-write]');
        await page.waitForSelector('[data-testid=import-written]');
        const g = await grid(page);
        const breakdown = sheet(g, '行革集計_内訳');
        const head = breakdown.values.findIndex((r) => r[0] === 'No.');
        expect.equal(breakdown.values[head].slice(0, 5), ['No.', '基本方針番号', '基本方針', '取組番号', '取組名'], '内訳 header');
        expect.equal(breakdown.values.filter((r) => typeof r[0] === 'number').length, 71, '内訳: one row per item');
        const links = await page.evaluate(() => window.__shinchoku.standIn.inspect('行革集計_内訳').hyperlinks);
        expect.ok(Object.keys(links).length > 0, '内訳 cells link to the items in this workbook');
        sheet(g, 'ヒアリング候補');
        sheet(g, '行革集計_機械判読用');
        await page.click('[data-testid=tab-summary]');
        await page.click('[data-testid=summary-run]');
        await page.waitForSelector('[data-testid=summary-done]');
        const total = sheet(await grid(page), '行革集計').values.find((r) => r[0] === '合計');
        expect.equal(total.slice(1, 7), [17, 43, 11, 0, 0, 71], '集計 counts each item once');
        await page.click('[data-testid=tab-validate]');
        await page.click('[data-testid=validate-run]');
        await page.waitForSelector('[data-testid=verdict]');
        expect.equal((await page.textContent('[data-testid=counts]')).trim(), 'エラー 0 件 / 警告 6 件 / 情報 1 件', '検証 reads this workbook only, as before the import');
      },
    ],
    [
      '検証: the findings are written into a 検証結果 sheet with links to their cells',
      async () => {
        await page.click('[data-testid=report-write]');
        await page.waitForSelector('[data-testid=report-done]');
        const s = sheet(await grid(page), '検証結果');
        const head = s.values.findIndex((r) => r[0] === 'No.');
        expect.equal(s.values[head], ['No.', '重要度', 'コード', 'シート', 'セル', '取組', '内容'], '検証結果 header');
        expect.equal(s.values.filter((r) => typeof r[0] === 'number').length, 7, 'one row per finding');
        const links = await page.evaluate(() => window.__shinchoku.standIn.inspect('検証結果').hyperlinks);
        expect.equal(links.E6, "'取組項目一覧'!F7", 'first finding links to its cell');
        // Checking again gives the same result: the report sheet is not read as data.
        await page.click('[data-testid=validate-run]');
        await page.waitForSelector('[data-testid=verdict]');
        expect.equal((await page.textContent('[data-testid=counts]')).trim(), 'エラー 0 件 / 警告 6 件 / 情報 1 件', 'same counts after writing the report');
        await page.close();
      },
    ],
    ...[320, 380, 450].flatMap((width) =>
      ['ja', 'en'].map((lang) => [
        `取り込み at ${width} px, ${lang}: files, findings, figures, the items behind a count, the plan's list and the hearing list fit and pass axe`,
        async () => {
          const p = await openAt(open, width, `sample=isehara-list.xlsx&api=1.12&lang=${lang}`);
          await p.click('[data-testid=tab-import]');
          await fits(p, expect, 'before picking');
          await p.locator('[data-testid=import-include-own]').uncheck();
          await p.setInputFiles(
            '[data-testid=import-files]',
            ['企画部_経営企画課.xlsx', '企画部_経営企画課（再提出）.xlsx', '総務部_職員課.xlsx', 'R6_企画部_財政課.xlsx', '~$企画部_財政課.xlsx', '取組状況メモ.csv'].map((f) => path.join(DEPARTMENTS, f)),
          );
          await p.getByRole('button', { name: lang === 'ja' ? /前年度との比較/ : /Compare with last year/ }).click();
          await p.setInputFiles('[data-testid=import-master]', [path.join(FIXTURES, '..', 'isehara-list.xlsx')]);
          await fits(p, expect, 'files picked, options open');
          await p.click('[data-testid=import-run]');
          await p.waitForSelector('[data-testid=import-summary-table] [data-row=total]');
          await p.waitForSelector('[data-testid=reconcile]');
          await fits(p, expect, 'results');
          if (width === 320) await p.locator('#root').screenshot({ path: path.join(SCREENSHOTS, `pane-320-${lang}-import-results.png`) });
          await p.click('[data-testid=summary-count][data-group=total][data-column=total]');
          await p.waitForSelector('[data-testid=sources] [data-testid=source-item]');
          await fits(p, expect, 'the items behind a count');
          await p.locator('[data-testid=hearing]').scrollIntoViewIfNeeded();
          if (width === 320) await p.locator('#root').screenshot({ path: path.join(SCREENSHOTS, `pane-320-${lang}-import-hearing.png`) });
          await p.close();
        },
      ]),
    ),
    [
      '取り込み: copies that disagree wait for a choice, then the summary uses the chosen file',
      async () => {
        const p = await open('?sample=isehara-list.xlsx&api=1.12');
        await p.click('[data-testid=tab-import]');
        await p.setInputFiles('[data-testid=import-files]', [path.join(FIXTURES, 'conflict', '企画部_経営企画課（修正版）.xlsx')]);
        await p.click('[data-testid=import-run]');
        await p.waitForSelector('[data-testid=import-conflicts]');
        expect.equal(await p.locator('[data-testid=import-summary-table]').count(), 0, 'no summary while the conflict is open');
        expect.contains(await p.textContent('[data-testid=import-conflicts]'), '1(1)③', 'the conflicting item is named');
        await p.getByRole('radio', { name: /企画部_経営企画課（修正版）\.xlsx/ }).check();
        await p.click('[data-testid=import-apply-choices]');
        await p.waitForSelector('[data-testid=import-summary-table]');
        const count = (f) => p.textContent(`[data-testid=import-summary-table] [data-row=total] [data-figure="${f}"] dd`);
        expect.equal([(await count('A')).trim(), (await count('B')).trim()], ['16', '44'], 'A and B after choosing the corrected copy');
        const codes = await p.$$eval('[data-testid=consolidation-finding]', (els) => els.map((e) => e.getAttribute('data-code')));
        expect.ok(codes.includes('CON004'), 'the choice is reported');
        await shot(p, 'import-conflict-ja');
        await p.close();
      },
    ],
    [
      '取り込み: last year’s file gives 前年度/増減 and the hearing list (English)',
      async () => {
        const p = await openAt(open, 320, 'sample=nihonmatsu.xlsx&api=1.12&lang=en');
        await p.click('[data-testid=tab-import]');
        await p.locator('[data-testid=import-include-own]').uncheck();
        await p.setInputFiles('[data-testid=import-files]', [path.join(FIXTURES, 'two-year', 'R6_進捗管理シート.xlsx')]);
        await p.getByRole('button', { name: /Compare with last year/ }).click();
        await p.setInputFiles('[data-testid=import-last]', [path.join(FIXTURES, 'two-year', 'R5_進捗管理シート.xlsx')]);
        await p.click('[data-testid=import-run]');
        await p.waitForSelector('[data-testid=compare]');
        const row2 = await p.textContent('[data-testid=compare-row][data-group="2"]');
        expect.contains(row2, 'B 15 (last year 17, change -2)', 'policy 2, rating B');
        const fell = await p.$$eval('[data-testid=compare] [data-testid=compare-item]', (els) => els.map((e) => e.getAttribute('data-item')));
        expect.equal(fell, ['2(5)③', '3(6)⑨', '4(7)⑦'], 'fell, new and dropped items');
        const hearing = await p.$$eval('[data-testid=hearing-item]', (els) => els.map((e) => e.getAttribute('data-item')));
        expect.equal(hearing, ['1(2)⑤', '2(4)④', '2(5)③', '3(6)⑥', '5(8)⑤', '5(8)⑩', '5(8)⑪'], 'hearing list');
        expect.contains(await p.textContent('[data-testid=hearing]'), 'The rating fell from B last year to C.', 'reason in English');
        await fits(p, expect, 'compare and hearing list at 320 px');
        await p.locator('[data-testid=hearing]').scrollIntoViewIfNeeded();
        await shot(p, 'import-compare-hearing-320-en');
        await p.close();
      },
    ],
  ];
};
