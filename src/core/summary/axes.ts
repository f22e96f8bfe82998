import { headerKey } from '../grid/sheet-view';
import type { Plan } from '../model/plan';

/**
 * The classifications a plan can be counted by: its top level (基本方針 or whatever the city calls
 * it), the responsible department, and every class axis the reader found (Tsukubamirai 推進手段,
 * 基本姿勢; Yuzawa 種別 …). `summary --by` takes any of their names.
 */
export const DEPARTMENT_AXIS = 'department';
export const POLICY_AXIS = 'policy';

export interface Axis {
  /** What summarise() and crossTab() take: 'policy', 'department' or a key of Item.classes. */
  id: string;
  /** The name to show (the city's own word where it has one). */
  label: string;
  /** Names a person may type for it. */
  names: string[];
}

const DEPARTMENT_NAMES = ['所管課', '担当課', '実施担当', '所属', '所属名', '担当', '課', 'department', 'dept'];

export function availableAxes(plan: Plan): Axis[] {
  const axes: Axis[] = [{ id: POLICY_AXIS, label: plan.policyLabel, names: [plan.policyLabel, '基本方針', 'policy'] }];
  const classKeys = new Set<string>();
  for (const item of plan.items) for (const k of Object.keys(item.classes ?? {})) classKeys.add(k);
  // A class axis that is the policy level under another name (Tsukubamirai's 推進手段) is that axis.
  for (const k of classKeys) if (k !== plan.policyLabel) axes.push({ id: k, label: k, names: [k] });
  if (plan.items.some((i) => i.departments.length > 0)) axes.push({ id: DEPARTMENT_AXIS, label: '所管課', names: DEPARTMENT_NAMES });
  return axes;
}

/** The axis a typed name means (width, case and spacing ignored), or undefined. */
export function resolveAxis(plan: Plan, typed: string): Axis | undefined {
  const k = headerKey(typed);
  return availableAxes(plan).find((a) => a.names.some((n) => headerKey(n) === k));
}
