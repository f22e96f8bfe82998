import { CATALOGUE, FINDING_CODES, type CatalogueEntry, type FindingCode } from './catalogue';

/**
 * docs/findings.md, generated from the catalogue (`npm run docs:findings`); a test keeps the
 * committed page equal to this output, so the docs cannot drift from the codes that are raised.
 */

const SECTIONS: [prefix: string, title: string, about: string][] = [
  ['LAY', 'Reading a layout', 'Raised while a sheet is read, whatever its layout.'],
  ['FY', 'The report year', 'Which fiscal year the values are for.'],
  ['VLD', 'Cells and items', 'Raised by the one validator on every plan, from the cell schemas and the checks across cells.'],
  ['SCH', 'Schedules', 'Schedule cells (実施時期, year columns with 実施/検討/→/●) checked against the plan period and the reported status.'],
  ['SET', 'Settings', 'The settings saved in the workbook (docs/settings.md).'],
  ['SUM', 'Summary', 'The summary of rating counts and effect amounts.'],
  ['CON', 'Consolidating department files', 'The planning section’s consolidation of department workbooks (docs/consolidation.md): these name files and, where known, sheet and cell.'],
  ['REC', 'Reconciling with the plan', 'Submitted items against the plan’s list of items.'],
  ['HRG', 'The hearing list', 'Why an item is on the hearing list (ヒアリング候補).'],
  ['ISS', 'Hook: Isehara list and item sheets', 'Reconciling the 取組項目一覧 with the 実施項目・進捗管理シート.'],
  ['NHM', 'Hook: KPIs inside 主な取組 (Nihonmatsu)', 'Indicators written inside the action text.'],
  ['TKB', 'Hook: the 7×3 grid (Tsukubamirai)', 'Placing items in the 推進手段 × 基本姿勢 grid.'],
  ['AIZ', 'Hook: status split by department (Aizuwakamatsu)', 'Status texts split into 【課名】 sections.'],
];

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function row(code: FindingCode, e: CatalogueEntry): string {
  const params = Object.keys(e.params).join(', ');
  return `| ${code} | ${e.severity} | ${cellText(e.when)} | ${cellText(e.cell)} | ${e.tags.join(', ')} | ${params || '-'} | ${cellText(e.ja)} |`;
}

export function findingsMarkdown(): string {
  const lines: string[] = [
    '# Findings',
    '',
    '<!-- Generated from src/core/validation/catalogue.ts by `npm run docs:findings`; a test keeps it current. -->',
    '',
    'Every finding has a stable code, a severity, the sheet and A1 cell to look at, the item id, its parameters',
    '(`params`: the raw value, the year, the field …) and a message in Japanese and English rendered from the',
    'templates below. One code means one thing for every layout: the same mistake gets the same code and severity',
    'whether the sheet is Isehara’s list, a Nihonmatsu plan or a city nobody configured. Codes that belong to a',
    'city’s real quirk (a hook of its layout spec) keep that city’s prefix.',
    '',
    'The help page of the task pane (src/taskpane/help.html) lists these codes too: `npm run help:findings` after a change.',
    '',
    'Items flagged `template` are not validated; items flagged `repost` (【再掲】) are checked for values but not',
    'for ratings or duplicate ids (the original row carries them).',
    '',
  ];
  for (const [prefix, title, about] of SECTIONS) {
    const codes = FINDING_CODES.filter((c) => c.replace(/\d+$/, '') === prefix);
    if (codes.length === 0) continue;
    lines.push(`## ${title} (${prefix})`, '', about, '', '| code | severity | when | cell | tags | params | message (ja) |', '|---|---|---|---|---|---|---|');
    for (const c of codes) lines.push(row(c, CATALOGUE[c]));
    lines.push('');
  }
  const retired = FINDING_CODES.flatMap((c) => ((CATALOGUE[c] as CatalogueEntry).replaces ?? []).map((old) => [old, c] as const)).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const byOld = new Map<string, FindingCode[]>();
  for (const [old, now] of retired) byOld.set(old, [...(byOld.get(old) ?? []), now]);
  lines.push(
    '## Codes that were merged',
    '',
    'Earlier versions had a code per layout for the same meaning. They are no longer raised; this is where each went.',
    '',
    '| old code | now |',
    '|---|---|',
    ...[...byOld.entries()].map(([old, now]) => `| ${old} | ${now.join(', ')} |`),
    '',
  );
  return lines.join('\n');
}
