import { headerKey } from '../../grid/sheet-view';
import type { Item } from '../../model/plan';
import { finding } from '../../validation/finding';
import { itemLabel } from '../../validation/shared';
import { parseNumbering } from '../../values';
import { defineLayout, type HookContext } from '../kit/define';
import type { ItemRow } from '../kit/rows';
import type { LayoutSpecInput } from '../kit/spec';
import { isDepartmentLabel, sameDepartment, splitSections } from './departments';

/**
 * 会津若松市 「行財政改革～未来へつなぐ自治体経営に向けて～」 status report (seed 001): tables under
 * `(n) …` heading rows (取組の視点, the top level) with the header
 *   改革項目 | 具体的取組 | 内容 | 所管課 | R5取組状況 | 今後の課題・方向性
 * 改革項目 and 具体的取組 are merged downward (or left blank below their first row).
 *
 * An item is one report row: one department's entry for one 具体的取組 (78 in the R5 report).
 * groupKey is the 改革項目 (`1-①`; 8), classes['具体的取組'] the measure (`1-①-5`; 37), and the id
 * `1-①-5.2` numbers the row within its measure (hook below). docs/layouts/aizuwakamatsu.md.
 */

export const AIZUWAKAMATSU_POLICY_LABEL = '取組の視点';

export const AIZUWAKAMATSU_SPEC = {
  id: 'aizuwakamatsu',
  label: { ja: '会津若松市 取組状況報告', en: 'Aizuwakamatsu status report' },
  policyLabel: AIZUWAKAMATSU_POLICY_LABEL,
  scale: 'A-D',
  sample: 'aizuwakamatsu.xlsx',
  tables: [
    {
      header: { maxRows: 1, minLabels: 3 },
      fields: {
        group: ['改革項目'],
        name: ['具体的取組', '具体的な取組'],
        content: ['内容', '取組内容'],
        department: { labels: ['所管課', '担当課', '所管部署'], required: 'error' },
        status: { labels: ['取組状況'], required: 'error', says: true },
        note: { labels: ['今後の課題*'], required: 'warning', says: true },
      },
      required: ['group', 'name'],
      oneOf: [['department', 'status']],
      expected: ['content', 'department', 'status', 'note'],
      headings: { rules: [{ level: 'policy', match: 'paren' }] },
      carryDown: ['group', 'name'],
      minCells: 2,
      continuation: 'none',
      yearColumns: 'none',
    },
  ],
} satisfies LayoutSpecInput;

interface GroupInfo {
  key: string;
  name: string;
  mark: string;
  measures: string[];
  rowsPerMeasure: Map<string, number>;
}

/** Numbers each row within its 具体的取組 and each 具体的取組 within its 改革項目, as the report is read. */
function aizuItem(item: Item, ir: ItemRow, ctx: HookContext): void {
  const groups = (ctx.state.get('groups') as Map<string, GroupInfo> | undefined) ?? new Map<string, GroupInfo>();
  const variants = (ctx.state.get('variants') as Set<string> | undefined) ?? new Set<string>();
  ctx.state.set('groups', groups);
  ctx.state.set('variants', variants);

  const { row } = ir;
  const pKey = item.policyKey === '-' ? '?' : item.policyKey;
  const groupText = row.text('group') || ir.carried.group || '';
  const num = parseNumbering(groupText);
  const circled = num?.numbering.kind === 'circled';
  const groupName = circled ? num!.rest : groupText;
  const mark = circled ? [...groupText.trim()][0] : '';
  const gKey = `${pKey}-${circled ? mark : headerKey(groupName)}`;
  let g = groups.get(gKey);
  if (!g) {
    g = { key: gKey, name: groupName, mark: mark || String(groups.size + 1), measures: [], rowsPerMeasure: new Map() };
    groups.set(gKey, g);
  } else if (headerKey(g.name) !== headerKey(groupName) && !variants.has(`${gKey}|${groupName}`)) {
    variants.add(`${gKey}|${groupName}`);
    ctx.findings.push(finding('LAY013', row.ref(row.col('group')!), { level: '改革項目', name: groupName, other: g.name }));
  }
  const mKey = headerKey(item.name);
  if (!g.measures.includes(mKey)) g.measures.push(mKey);
  const k = g.measures.indexOf(mKey) + 1;
  const j = (g.rowsPerMeasure.get(mKey) ?? 0) + 1;
  g.rowsPerMeasure.set(mKey, j);

  item.id = `${pKey}-${g.mark}-${k}.${j}`;
  item.policyKey = pKey;
  item.groupKey = gKey;
  item.groupName = g.name;
  item.classes = { 具体的取組: `${gKey}-${k}` };

  // A status written per department (【人事課】 … 【財政課】 …): one note per section, and each department named.
  const fy = ctx.reportFy;
  const key = fy !== undefined ? (`status:${fy}` as const) : ('status' as const);
  const status = item.notes?.[key];
  if (!status) return;
  const sections = splitSections(status).filter((s) => s.label);
  for (const s of sections) item.notes![`status@${s.label}`] = s.text;
  const deptSections = sections.filter((s) => isDepartmentLabel(s.label));
  if (deptSections.length && item.departments.length > 1) {
    const at = item.cells[key] ?? item.cells.name!;
    for (const d of item.departments) {
      if (!deptSections.some((s) => sameDepartment(s.label, d))) ctx.findings.push(finding('AIZ005', at, { item: itemLabel(item), dept: d }, item.id));
    }
  }
}

export const aizuwakamatsuLayout = defineLayout(AIZUWAKAMATSU_SPEC, { item: aizuItem });
