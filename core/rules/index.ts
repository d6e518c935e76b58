// Every rule family, in the order their problems are listed.
//
// Per-stream (each depends on one `syncCatalog.streams[i]` entry alone): streamRules.ts
//   (`streamProblems(entry)`, run over all entries by `streamEntryRules`).
// Document-level (the header, or several entries together): schedule, namespace, connection,
//   operations, resources, and catalogRules.ts (`duplicate-stream`, `nothing-selected`).
// Whole body, outside the rules: the 413 size check (core/language/bodySize.ts); schema problems
//   (core/language/schemaProblems.ts, which can also check one entry against its definition).
import { catalogRules, streamEntryRules } from './catalogRules';
import { connectionRules } from './connectionRules';
import { namespaceRules } from './namespaceRules';
import { operationRules } from './operationRules';
import { resourceRules } from './resourceRules';
import type { Rule, RuleContext, RuleProblem } from './rule';
import { scheduleRules } from './scheduleRules';

/** Rules over the whole document except the per-stream ones. */
export const DOCUMENT_RULES: Rule[] = [connectionRules, scheduleRules, namespaceRules, catalogRules, operationRules, resourceRules];

export const ALL_RULES: Rule[] = [...DOCUMENT_RULES, streamEntryRules];

export function runRules(context: RuleContext, rules: Rule[] = ALL_RULES): RuleProblem[] {
  if (context.root.type !== 'object') return []; // the schema check already says the root must be an object
  return rules.flatMap((rule) => rule(context));
}

export { streamProblems } from './streamRules';
export type { Rule, RuleContext, RuleProblem, RuleSeverity, ServerFacts } from './rule';
export { serverFactsFor, type SourceWorkspaces } from './serverFacts';
