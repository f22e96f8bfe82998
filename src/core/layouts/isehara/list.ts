import { headerKey } from '../../grid/sheet-view';
import { finding } from '../../validation/finding';
import { defineLayout, type HookContext } from '../kit/define';
import type { TableMatch } from '../kit/find-table';
import type { SheetView } from '../../grid/sheet-view';
import type { ItemRow } from '../kit/rows';
import type { LayoutSpecInput } from '../kit/spec';
import type { Item } from '../../model/plan';
import {
  formatIseharaCode,
  iseharaDepartments,
  iseharaGroup,
  iseharaPolicy,
  isIseharaPolicyText,
  ISEHARA_POLICIES,
  ISEHARA_POLICY_LABEL,
  parseGroupCell,
  parseIseharaCode,
  parsePolicyCell,
  splitItemName,
} from './common';

/**
 * Isehara 【参考①】取組項目一覧 (seed 004): one row per 実施項目 under a 3-row merged header,
 * 区分 (基本方針) and 取組番号 (推進項目) merged over their rows, the R5 target/actual and effect
 * amounts, the rating and the responsible department. The item id is the plan's code `1(2)④`,
 * built from those three numbers by the hook below. docs/layouts/isehara-list.md.
 */

export const LIST_LAYOUT_ID = 'isehara-list';

export const ISEHARA_LIST_SPEC = {
  id: LIST_LAYOUT_ID,
  label: { ja: '伊勢原市 取組項目一覧', en: 'Isehara item list' },
  policyLabel: ISEHARA_POLICY_LABEL,
  policies: [...ISEHARA_POLICIES],
  scale: 'A-D',
  rulePack: 'isehara',
  sample: 'isehara-list.xlsx',
  tables: [
    {
      header: { maxRows: 4 },
      fields: {
        policy: ['区分', '基本方針'],
        group: ['取組番号', '改革の推進項目', '推進項目'],
        name: ['取組項目', '実施項目'],
        indicator: ['指標の内容', '指標', '指標名', '成果指標の内容'],
        unit: ['単位'],
        rating: ['達成状況', '評価', '達成度'],
        status: ['取組内容', '取組実績', '取組状況'],
        target: ['目標値', '目標'],
        actual: ['実績値', '実績'],
        effectPlanned: ['見込額', '効果見込額'],
        effectActual: ['実績額', '実績効果額'],
        department: ['部局', '所属名', '所属', '所管課', '担当課'],
      },
      spanning: ['取組と位置付け', '成果指標', '効果額千円', '効果額', '取組主管'],
      context: [{ over: ['効果額'], map: { target: 'effectPlanned', actual: 'effectActual' } }],
      required: ['name', 'rating'],
      expected: ['policy', 'group', 'indicator', 'unit', 'target', 'actual', 'effectPlanned', 'effectActual', 'department', 'status'],
      oneOf: [['policy', 'group']],
      carryDown: ['policy', 'group'],
      continuation: 'none',
      yearColumns: 'none',
    },
  ],
} satisfies LayoutSpecInput;

/** `1(2)` or `1(2)-` in front of an item name; the circled number after it is read by splitItemName. */
const LEADING_CODE = /^\s*[1-9１-９]\s*[(（]\s*[0-9０-９]{1,2}\s*[)）]\s*[-－ー]?\s*/u;

/**
 * The plan's code from the row's 区分, 取組番号 and the circled number before the name (a full code
 * typed in 取組番号 or before the name wins), the plan's own names for policy and group, and the
 * department as 部局 + 所属名.
 */
function iseharaItem(item: Item, ir: ItemRow, ctx: HookContext): void {
  const { row } = ir;
  const policyText = row.text('policy') || ir.carried.policy || '';
  const groupText = row.text('group') || ir.carried.group || '';
  const itemText = row.text('name');
  const at = (f: 'policy' | 'group' | 'name') => {
    const c = row.col(f) ?? row.col('name')!;
    return row.ref(c);
  };

  const typedCode = parseIseharaCode(row.text('group')) ?? parseIseharaCode(itemText);
  const { itemNo, name } = splitItemName(itemText.replace(LEADING_CODE, ''));
  const groupNo = typedCode?.groupNo ?? (groupText ? parseGroupCell(groupText) : undefined);
  const group = groupNo !== undefined ? iseharaGroup(groupNo) : undefined;
  let policyKey = typedCode?.policyKey ?? (policyText ? parsePolicyCell(policyText) : undefined);
  if (!typedCode && policyKey === undefined && group) {
    policyKey = group.policyKey;
    ctx.findings.push(finding('LAY011', at('policy'), { level: '区分', from: '取組番号', value: groupText || `(${group.no})`, key: group.policyKey }));
  } else if (!typedCode && policyKey !== undefined && group && group.policyKey !== policyKey) {
    ctx.findings.push(
      finding('LAY012', at('group'), { what: { ja: '基本方針', en: 'policy' }, first: `区分 ${policyKey}`, second: `取組番号 (${group.no}) → ${group.policyKey}`, used: `区分 ${policyKey}` }),
    );
  }
  const num = typedCode?.itemNo ?? itemNo;
  if (policyKey !== undefined && groupNo !== undefined && num !== undefined) {
    item.id = formatIseharaCode({ policyKey, groupNo, itemNo: num });
  } else {
    const missing = [
      policyKey === undefined ? { ja: '区分', en: '区分 (policy)' } : undefined,
      groupNo === undefined ? { ja: '取組番号', en: '取組番号 (group)' } : undefined,
      num === undefined ? { ja: '取組項目の丸数字', en: 'the circled item number' } : undefined,
    ].filter((x): x is { ja: string; en: string } => !!x);
    ctx.findings.push(
      finding(
        'LAY009',
        at(num === undefined ? 'name' : groupNo === undefined ? 'group' : 'policy'),
        { id: item.id, number: { ja: `取組番号(${missing.map((m) => m.ja).join('・')})`, en: `item code (${missing.map((m) => m.en).join(', ')})` } },
        item.id,
      ),
    );
  }
  item.name = name;
  const policy = policyKey !== undefined ? iseharaPolicy(policyKey) : undefined;
  item.policyKey = policyKey ?? '';
  item.policyName = policy?.name ?? policyText;
  if (group) {
    item.groupKey = group.key;
    item.groupName = group.name;
  } else {
    delete item.groupKey;
    delete item.groupName;
  }
  // 部局 + 所属名: the joint entry keeps the second department's own bureau.
  const depts = row.columns('department');
  const bureau = depts.find((c) => headerKey(c.label) === '部局');
  const sections = depts.filter((c) => c !== bureau);
  item.departments = iseharaDepartments(bureau ? row.view.text(row.row, bureau.col) : '', sections.map((c) => row.view.text(row.row, c.col)).filter(Boolean).join('、'));
  const section = sections[0] ?? bureau;
  if (section) item.cells.department = row.ref(section);
}

/** Rows below the header looked at for the city's own policies and codes. */
const EVIDENCE_ROWS = 400;

/**
 * Other cities head their lists with the same words (基本方針 | 取組項目 | 評価 | 効果見込額); Isehara's
 * list names its own five 基本方針 in 区分, or codes its 推進項目 (① …, 1(2)) in 取組番号. A sheet whose
 * cells there mostly name something else is not Isehara's: read as Isehara's, its policies would be
 * renamed to Isehara's and its items put under them.
 */
function iseharaEvidence(view: SheetView, band: TableMatch): number {
  const last = band.headerRows[band.headerRows.length - 1];
  const end = Math.min(view.rowCount, last + 1 + EVIDENCE_ROWS);
  const share = (col: number | undefined, fits: (t: string) => boolean): number | undefined => {
    if (col === undefined) return undefined;
    const seen = new Set<string>();
    let fit = 0;
    for (let r = last + 1; r < end; r++) {
      const t = view.text(r, col);
      if (t === '' || seen.has(t)) continue;
      seen.add(t);
      if (fits(t)) fit++;
    }
    return seen.size ? fit / seen.size : undefined;
  };
  const policies = share(band.columns.find((c) => c.field === 'policy')?.col, isIseharaPolicyText);
  const groups = share(band.columns.find((c) => c.field === 'group')?.col, (t) => parseGroupCell(t) !== undefined || parseIseharaCode(t) !== undefined);
  const shown = policies ?? groups;
  return shown === undefined || shown >= 0.5 ? 1 : 0.5;
}

export const iseharaListLayout = defineLayout(ISEHARA_LIST_SPEC, { item: iseharaItem, evidence: iseharaEvidence });
