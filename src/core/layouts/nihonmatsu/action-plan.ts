import { cellText } from '../../grid/sheet-view';
import type { Item } from '../../model/plan';
import { finding } from '../../validation/finding';
import { itemLabel } from '../../validation/shared';
import { parseCircled, parseFiscalYear } from '../../values';
import { defineLayout, type HookContext } from '../kit/define';
import type { ItemRow } from '../kit/rows';
import type { LayoutSpecInput } from '../kit/spec';
import { actualValues, indicatorOf } from './indicator';
import { parseMainActions } from './main-actions';

/**
 * 第2次二本松市市政改革推進行動計画 (seed 002): tables under heading rows
 *   ●重点項目N …   the top level (policy, label 重点項目)
 *   (n) …          a section: the group
 * each with a two-row header (No. / 改革項目 / 推進内容 / 主な取組 / 実施時期 R8–R12 / 実施担当),
 * repeated after page breaks. An item is one numbered row; its id is `重点項目-(n)-No.` (`2-(2)-10`).
 * The KPIs written inside 主な取組 (`交付率 24%⇒30%`) are the hook. docs/layouts/nihonmatsu.md.
 */

export const NIHONMATSU_POLICY_LABEL = '重点項目';
/** The plan's last year (R12), used for KPI targets when the header does not say. */
const PLAN_FINAL_FY = 2030;

export const NIHONMATSU_SPEC = {
  id: 'nihonmatsu',
  label: { ja: '二本松市 実施計画', en: 'Nihonmatsu action plan' },
  policyLabel: NIHONMATSU_POLICY_LABEL,
  scale: 'A-D',
  sample: 'nihonmatsu.xlsx',
  tables: [
    {
      header: { maxRows: 2, minLabels: 3 },
      fields: {
        id: ['No.', 'No', '番号'],
        name: ['改革項目'],
        content: ['推進内容'],
        actions: ['主な取組*'],
        department: ['実施担当', '担当課', '所管課', '担当'],
        actual: ['実績', '実績値'],
        rating: ['評価', '達成状況'],
        status: ['取組状況', '進捗状況'],
      },
      spanning: ['実施時期'],
      required: ['name'],
      oneOf: [['content', 'actions']],
      expected: ['id', 'content', 'actions', 'department', 'schedule'],
      headings: {
        rules: [
          { level: 'policy', match: '^[●○]?\\s*重点項目\\s*(?<key>\\d+)\\s*(?<name>.*)$' },
          { level: 'group', match: 'paren' },
        ],
      },
      carryDown: [],
      continuation: 'none',
    },
  ],
} satisfies LayoutSpecInput;

/**
 * The item's number within its section, and its KPIs: the base⇒target pairs written inside
 * 主な取組, with the year's actuals typed one per KPI, and the circled sub-actions the schedule names.
 */
function nihonmatsuItem(item: Item, ir: ItemRow, ctx: HookContext): void {
  const { row } = ir;
  const pKey = ir.policy?.key ?? '?';
  const gNo = ir.group?.key;
  const noCol = row.col('id');
  const no = noCol ? row.value(noCol) : undefined;
  const number = no?.kind === 'number' && Number.isInteger(no.value) && no.value > 0 ? no.value : undefined;
  item.id = number !== undefined ? `${pKey}-(${gNo ?? '?'})-${number}` : `${pKey}-(${gNo ?? '?'})-r${row.row + 1}`;
  if (number === undefined) ctx.findings.push(finding('LAY009', row.ref(noCol ?? row.col('name')!), { id: item.id, number: { ja: 'No.', en: 'No.' } }, item.id));
  item.policyKey = pKey;
  if (ir.group) {
    item.groupKey = `${pKey}-(${ir.group.key})`;
    item.groupName = ir.group.name;
  }

  const actionsCol = row.col('actions');
  const text = row.text('actions');
  const parsed = actionsCol ? parseMainActions(text, row.ref(actionsCol)) : undefined;
  const subMarks = new Set(parsed?.subActions.map((s) => s.n) ?? []);
  for (const s of parsed?.subActions ?? []) item.notes = { ...item.notes, [`subAction:${s.n}`]: s.text };
  const header = actionsCol?.label ?? '';
  const baseFy = yearIn(/基準値[(（]([^)）]+)[)）]/, header);
  const schedule = row.columns('schedule').map((c) => c.fy!).filter((y) => y !== undefined);
  const targetFy = yearIn(/目標値[(（]([^)）]+)[)）]/, header) ?? (schedule.length ? Math.max(...schedule) : PLAN_FINAL_FY);
  item.indicators = (parsed?.kpis ?? []).map((k) => indicatorOf(k, { ...(baseFy !== undefined ? { baseFy } : {}), targetFy }, row.ref(actionsCol!)));
  for (const seg of parsed?.unreadable ?? []) ctx.findings.push(finding('NHM007', row.ref(actionsCol!), { item: itemLabel(item), text: seg }, item.id));

  // The schedule names sub-actions by their circled number: each must be one 主な取組 lists.
  for (const c of row.columns('schedule')) {
    const t = row.view.text(row.row, c.col);
    for (const ch of t) {
      const n = parseCircled(ch);
      if (n !== undefined && !subMarks.has(n)) ctx.findings.push(finding('NHM004', row.ref(c), { item: itemLabel(item), fy: c.fy, mark: ch }, item.id));
    }
  }

  // 実績: one number per KPI, in the KPIs' order; text where the row has no KPI.
  for (const c of row.columns('actual')) {
    const fy = c.fy ?? ctx.reportFy;
    if (fy === undefined) continue;
    const raw = row.view.value(row.row, c.col);
    if (item.indicators.length === 0) {
      if (cellText(raw)) item.notes = { ...item.notes, [`actual:${fy}`]: cellText(raw) };
      continue;
    }
    const values = actualValues(raw, item.indicators.length, row.ref(c));
    if (!values) {
      ctx.findings.push(finding('NHM005', row.ref(c), { item: item.id, raw: cellText(raw), n: item.indicators.length }, item.id));
      continue;
    }
    values.forEach((value, i) => item.indicators[i].actuals.push({ fy, value }));
  }
}

function yearIn(re: RegExp, text: string): number | undefined {
  const m = re.exec(text);
  return m ? parseFiscalYear(m[1]) : undefined;
}

export const nihonmatsuLayout = defineLayout(NIHONMATSU_SPEC, { item: nihonmatsuItem });
