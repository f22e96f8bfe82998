import type { Plan } from '../model/plan';
import type { RuleConfig } from './config';
import type { Evaluation } from './evaluation';

// Placeholder: replaced by the direction-aware evaluation.
export function evaluatePlan(_plan: Plan, _rules: RuleConfig): Evaluation[] {
  return [];
}
