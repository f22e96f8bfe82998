import type { Plan } from '../model/plan';

/**
 * Several department workbooks → one plan for a consolidated summary. Policies are joined by key
 * in first-seen order; an item id that appears in two files is kept once per file but renamed so
 * the duplicate stays visible (validation reports duplicate ids within one file only).
 */
export function mergePlans(plans: { source: string; plan: Plan }[]): Plan {
  if (plans.length === 1) return plans[0].plan;
  const policies = new Map<string, Plan['policies'][number]>();
  const seen = new Set<string>();
  const items: Plan['items'] = [];
  for (const { source, plan } of plans) {
    for (const p of plan.policies) if (!policies.has(p.key)) policies.set(p.key, { ...p, order: policies.size });
    for (const it of plan.items) {
      const id = seen.has(it.id) ? `${it.id}@${source}` : it.id;
      seen.add(id);
      items.push({ ...it, id });
    }
  }
  const years = plans.map((p) => p.plan.reportFy).filter((y): y is number => y !== undefined);
  return {
    layouts: [...new Set(plans.flatMap((p) => p.plan.layouts))],
    policyLabel: plans[0].plan.policyLabel,
    policies: [...policies.values()],
    items,
    ...(years.length ? { reportFy: Math.max(...years) } : {}),
    ...(plans.some((p) => p.plan.classNames) ? { classNames: mergeClassNames(plans.map((p) => p.plan.classNames)) } : {}),
  };
}

/** Class names of several reads, by axis; the first read that names a key wins. */
export function mergeClassNames(all: (Record<string, Record<string, string>> | undefined)[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const names of all) for (const [axis, keys] of Object.entries(names ?? {})) out[axis] = { ...keys, ...out[axis] };
  return out;
}
