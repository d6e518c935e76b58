// Every rule family, in the order their problems are listed.
import { catalogRules } from './catalogRules';
import { connectionRules } from './connectionRules';
import { crossStreamRules } from './crossStreamRules';
import { namespaceRules } from './namespaceRules';
import { operationRules } from './operationRules';
import { resourceRules } from './resourceRules';
import type { Rule, RuleContext, RuleProblem } from './rule';
import { scheduleRules } from './scheduleRules';
import { schemaExtrasRules } from './schemaExtrasRules';

export const ALL_RULES: Rule[] = [schemaExtrasRules, connectionRules, scheduleRules, namespaceRules, catalogRules, crossStreamRules, operationRules, resourceRules];

export function runRules(context: RuleContext, rules: Rule[] = ALL_RULES): RuleProblem[] {
  if (context.root.type !== 'object') return []; // the schema already says the root must be an object
  return rules.flatMap((rule) => rule(context));
}

export type { Rule, RuleContext, RuleProblem, RuleSeverity } from './rule';
