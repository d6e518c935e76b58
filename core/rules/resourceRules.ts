// Resource requirements are Kubernetes quantities handed to the sync's pods: a malformed one
// makes Kubernetes refuse the pod, and a request above its limit is refused too.
import type { ASTNode } from 'vscode-json-languageservice';
import { child, stringValue } from './ast';
import type { Rule, RuleProblem } from './rule';

const QUANTITY = /^(\d+(\.\d*)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+)?$/;
const FACTORS: Record<string, number> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

export const resourceRules: Rule = ({ root }) => {
  const problems: RuleProblem[] = [];
  const requirements = child(root, 'resourceRequirements');
  if (!requirements) return problems;
  for (const kind of ['cpu', 'memory'] as const) {
    const requestNode = child(requirements, `${kind}_request`);
    const limitNode = child(requirements, `${kind}_limit`);
    const request = checkQuantity(requestNode, kind, problems);
    const limit = checkQuantity(limitNode, kind, problems);
    if (request !== undefined && limit !== undefined && request > limit) {
      problems.push({
        node: requestNode!,
        severity: 'warning',
        code: 'request-above-limit',
        message: `\`${kind}_request\` (${stringValue(requestNode)}) is above \`${kind}_limit\` (${stringValue(limitNode)}); Kubernetes refuses such pods, so syncs would not start.`,
      });
    }
  }
  return problems;
};

function checkQuantity(node: ASTNode | undefined, kind: 'cpu' | 'memory', problems: RuleProblem[]): number | undefined {
  const text = stringValue(node);
  if (text === undefined || text === '') return undefined;
  const match = QUANTITY.exec(text.trim());
  if (!match) {
    problems.push({
      node: node!,
      severity: 'warning',
      code: 'invalid-quantity',
      message: `\`${text}\` is not a Kubernetes quantity; on Kubernetes the sync's pods would not start. Use ${kind === 'cpu' ? '`0.5`, `500m` or `2`' : '`512Mi`, `2Gi` or `1G`'}.`,
    });
    return undefined;
  }
  const suffix = match[3] ?? '';
  const base = parseFloat(match[1]);
  return /^[eE]/.test(suffix) ? base * 10 ** Number(suffix.slice(1)) : base * (FACTORS[suffix] ?? 1);
}
