// What a rule is: a function from a parsed connection file to problems, each at a node.
import type { ASTNode } from 'vscode-json-languageservice';

/**
 * `error`: Airbyte v0.44.3 rejects the request (400/404/413/422), fails on it (500), or every
 * sync of the connection certainly fails.
 * `warning`: Airbyte accepts it but ignores or coerces it, or only its web app forbids it.
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
  /** Marks deprecated code (rendered struck through). */
  deprecated?: boolean;
}

/** What the server knows, when the caller has it; rules that need it are silent without it. */
export interface ServerFacts {
  /** The workspace of the source named by `sourceId`. */
  sourceWorkspaceId?: string;
}

export interface RuleContext {
  root: ASTNode;
  server?: ServerFacts;
}

export type Rule = (context: RuleContext) => RuleProblem[];
