import type { Plan } from '../model/plan';
import type { RuleConfig } from '../rules/config';
import type { Evaluation } from '../rules/evaluation';
import type { Finding } from './finding';

// Placeholder: replaced by the full rule set.
export function validatePlan(_plan: Plan, _evaluations: Evaluation[], _rules: RuleConfig): Finding[] {
  return [];
}
