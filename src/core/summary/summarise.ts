import type { Plan } from '../model/plan';
import type { Evaluation } from '../rules/evaluation';
import type { Summary } from './types';

export interface SummariseOptions {
  /** Group by policy (default) or by a classification axis in item.classes. */
  axis?: 'policy' | string;
  /** Count suggested ratings for items with none entered (default false: published counts use entered ratings). */
  includeSuggested?: boolean;
  evaluations?: Evaluation[];
}

// Placeholder: replaced by the real summary.
export function summarise(plan: Plan, _opts: SummariseOptions = {}): Summary {
  const zero = { A: 0, B: 0, C: 0, D: 0, unrated: 0 };
  const row = { key: 'total', name: '合計', counts: zero, total: 0, shares: { A: null, B: null, C: null, D: null }, effectPlanned: 0, effectActual: 0, effectRatio: null };
  return { groupLabel: plan.policyLabel, axis: 'policy', groups: [], total: row, suggestedUsed: [] };
}
