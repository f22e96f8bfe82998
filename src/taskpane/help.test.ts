import * as fs from 'node:fs';
import * as path from 'node:path';
import { OWNED_RATIO_HEADER } from '../core/layouts/owned';
import { DEFAULT_SUMMARY_SHEET } from '../core/plan/summary-sheet';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render, HELP } = require('../../scripts/help-findings.js') as { render: (html: string) => string; HELP: string };

const html = fs.readFileSync(HELP, 'utf8');

/** Every finding code the sources can emit: `'ABC123'` string literals under src/core (the catalogue's list of merged codes aside). */
function emittedCodes(): string[] {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !/catalogue/.test(e.name)) for (const m of fs.readFileSync(p, 'utf8').matchAll(/'([A-Z]{2,3}\d{3})'/g)) codes.add(m[1]);
    }
  };
  walk(path.join(__dirname, '..', 'core'));
  return [...codes].sort();
}

describe('the help page', () => {
  it('has the finding-code table as generated from the docs (npm run help:findings)', () => {
    expect(render(html)).toBe(html);
  });

  it('explains every finding code the product can raise', () => {
    const missing = emittedCodes().filter((c) => !html.includes(`<tr id="${c}">`));
    expect(missing).toEqual([]);
  });

  it('explains the owned columns and sheets, suggested ratings, and what to do about a disagreement', () => {
    for (const part of [OWNED_RATIO_HEADER, DEFAULT_SUMMARY_SHEET, '_shinchoku', '評価の候補', '入力 B / 候補 C', 'アドインは入力された評価を変更しません', 'A4 横', '進捗報告としてはまだ提出できません']) {
      expect([part, html.includes(part)]).toEqual([part, true]);
    }
  });

  it('loads nothing from elsewhere and runs no script (it is also opened from LGWAN)', () => {
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});
