// The peer's schema: `WebBackendConnectionCreate` from the official Airbyte v0.44.3 OpenAPI
// (kept beside this file), converted to a JSON schema the way one would configure VS Code's
// JSON support with it: the component schemas as definitions, references rewritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';

export const SPEC_PATH = path.join(__dirname, 'airbyte-config-api-v0.44.3.yaml');

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', '#/definitions/') : rewriteRefs(inner)]),
    );
  }
  return value;
}

export function peerSchema(): Record<string, unknown> {
  const spec = load(fs.readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Record<string, unknown> } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $ref: '#/definitions/WebBackendConnectionCreate',
    definitions: rewriteRefs(spec.components.schemas),
  };
}
