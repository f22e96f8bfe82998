/* global window -- functions passed to page.evaluate run in the browser */
const assert = require('node:assert/strict');
const path = require('node:path');

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

/** Small assertions with messages that say what the pane showed. */
const expect = {
  equal: (actual, expected, what) => assert.deepStrictEqual(actual, expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`),
  ok: (value, what) => assert.ok(value, what),
  contains: (text, part, what) => assert.ok(String(text).includes(part), `${what}: expected to contain ${JSON.stringify(part)}, got ${JSON.stringify(String(text).slice(0, 300))}`),
};

/** The stand-in's workbook, through the playground's test hook. */
const grid = (page) => page.evaluate(() => window.__shinchoku.toGrid());
const sheet = (g, name) => {
  const s = g.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; sheets: ${g.sheets.map((x) => x.name).join(', ')}`);
  return s;
};

module.exports = { expect, grid, sheet, SCREENSHOTS };
