// What a rule is: a function from a parsed connection file to problems, each at a node.
import type { ASTNode } from 'vscode-json-languageservice';

/**
 * `error`: Airbyte rejects the request, or the connection's syncs fail.
 * `warning`: Airbyte accepts it but ignores it, or will misbehave.
 * `info`: worth knowing, nothing goes wrong.
 */
export type RuleSeverity = 'error' | 'warning' | 'info';

export interface RuleProblem {
  node: ASTNode;
  message: string;
  severity: RuleSeverity;
  /** Stable id, shown in the Problems panel and used by quick fixes. */
  code: string;
  /** Extra data a quick fix needs (for example a suggested replacement). */
  data?: Record<string, unknown>;
  /** Marks unneeded code (rendered faded) for ignored settings. */
  unnecessary?: boolean;
}

export interface RuleContext {
  root: ASTNode;
}

export type Rule = (context: RuleContext) => RuleProblem[];
