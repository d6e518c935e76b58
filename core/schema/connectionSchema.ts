// The bundled JSON schema of WebBackendConnectionCreate (Airbyte v0.44.3). Imported, never
// fetched: esbuild inlines it into every bundle that needs it.
import schemaJson from '../../schemas/connection.schema.json';
import type { JSONSchema } from 'vscode-json-languageservice';

export const CONNECTION_SCHEMA_URI = 'https://airbyte-connections.local/schemas/connection.schema.json';

export const connectionSchema = schemaJson as unknown as JSONSchema;

/** Resolves local `#/definitions/...` references (also one wrapped in a lone `allOf`). */
export function resolveSchemaRef(schema: JSONSchema): JSONSchema {
  let current = schema;
  for (let hops = 0; hops < 16; hops++) {
    if (!current.$ref && current.allOf?.length === 1 && typeof current.allOf[0] === 'object' && !current.properties) {
      current = current.allOf[0];
      continue;
    }
    if (!current.$ref) break;
    const name = current.$ref.replace(/^#\/definitions\//, '');
    const target = (connectionSchema.definitions as Record<string, JSONSchema> | undefined)?.[name];
    if (!target) break;
    current = target;
  }
  return current;
}
