// Namespaces: `namespaceFormat` only matters for `customformat`, and only `${SOURCE_NAMESPACE}`
// is substituted in it.
import { child, isSet, keyOf, stringValue } from './ast';
import type { Rule, RuleProblem } from './rule';

const KNOWN_VARIABLES = new Set(['${SOURCE_NAMESPACE}']);
const WEB_APP_DEFAULT_FORMAT = '${SOURCE_NAMESPACE}';

export const namespaceRules: Rule = ({ root }) => {
  const problems: RuleProblem[] = [];
  const definitionNode = child(root, 'namespaceDefinition');
  const definition = stringValue(definitionNode) ?? 'source';
  const formatNode = child(root, 'namespaceFormat');
  const format = stringValue(formatNode);

  if (definition === 'customformat') {
    if (format === undefined || format.trim() === '') {
      problems.push({
        node: definitionNode ? keyOf(definitionNode) : root,
        severity: 'warning',
        code: 'namespace-format-missing',
        message:
          'With `customformat` and no `namespaceFormat`, Airbyte writes to the destination\'s default namespace (as `destination` would). Add `"namespaceFormat"`, for example `"${SOURCE_NAMESPACE}_raw"`.',
      });
    }
  } else if (isSet(formatNode) && format !== undefined && format !== '' && format !== WEB_APP_DEFAULT_FORMAT) {
    // The web app sends `${SOURCE_NAMESPACE}` with every definition: no news there.
    problems.push({
      node: keyOf(formatNode),
      severity: 'warning',
      code: 'namespace-format-ignored',
      unnecessary: true,
      message: `Airbyte ignores \`namespaceFormat\` unless \`namespaceDefinition\` is \`customformat\` (it is \`${definition}\`). Set \`"namespaceDefinition": "customformat"\` or remove \`namespaceFormat\`.`,
    });
  }

  if (format && formatNode) {
    for (const variable of format.match(/\$\{[^}]*\}/g) ?? []) {
      if (!KNOWN_VARIABLES.has(variable)) {
        problems.push({
          node: formatNode,
          severity: 'warning',
          code: 'namespace-format-variable',
          message: `Airbyte only substitutes \`\${SOURCE_NAMESPACE}\` in a namespace format; \`${variable}\` is written literally.`,
        });
      }
    }
  }
  return problems;
};
