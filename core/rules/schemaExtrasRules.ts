// What the JSON schema describes but the JSON language service does not check: `uuid` ids,
// and properties Airbyte does not know (it ignores them silently, so a typo loses a setting).
import type { JSONSchema } from 'vscode-json-languageservice';
import type { Rule, RuleProblem } from './rule';
import { walkWithSchema } from './schemaWalk';
import { closestMatch } from './spelling';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const schemaExtrasRules: Rule = ({ root }) => {
  const problems: RuleProblem[] = [];
  walkWithSchema(root, (node, schema) => {
    if (node.type === 'string' && schema.format === 'uuid' && !UUID.test(node.value)) {
      problems.push({
        node,
        severity: 'error',
        code: 'invalid-uuid',
        message: `\`${truncate(node.value)}\` is not a UUID; Airbyte rejects the request (400). Ids look like \`2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01\`: copy it from the Airbyte web app's URL or from completion (Ctrl+Space).`,
      });
    }
    if (node.type === 'object' && schema.properties && allowsOnlyKnown(schema)) {
      const known = Object.keys(schema.properties);
      for (const prop of node.properties) {
        const key = prop.keyNode.value;
        if (key in schema.properties) continue;
        const suggestion = closestMatch(key, known);
        problems.push({
          node: prop.keyNode,
          severity: 'warning',
          code: 'unknown-property',
          message:
            `Airbyte does not know \`${key}\`${schema.title ? ` in ${schema.title}` : ''} and ignores it.` +
            (suggestion ? ` Did you mean \`${suggestion}\`?` : ` Known properties: ${known.map((k) => `\`${k}\``).join(', ')}.`),
          data: suggestion ? { replaceKeyWith: suggestion } : undefined,
        });
      }
    }
  });
  return problems;
};

function allowsOnlyKnown(schema: JSONSchema): boolean {
  return schema.additionalProperties === undefined || schema.additionalProperties === false;
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
