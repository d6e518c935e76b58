// The bundled JSON schema of WebBackendConnectionCreate (Airbyte v0.44.3). Imported, never
// fetched: esbuild inlines it into every bundle that needs it.
import schemaJson from '../../schemas/connection.schema.json';
import type { JSONSchema } from 'vscode-json-languageservice';

export const CONNECTION_SCHEMA_URI = 'https://airbyte-connections.local/schemas/connection.schema.json';

export const connectionSchema = schemaJson as unknown as JSONSchema;

/** Resolves a local `#/definitions/...` reference of the bundled schema. */
export function resolveSchemaRef(schema: JSONSchema): JSONSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 16; hops++) {
    const name = current.$ref.replace(/^#\/definitions\//, '');
    const target = (connectionSchema.definitions as Record<string, JSONSchema> | undefined)?.[name];
    if (!target) break;
    current = target;
  }
  return current;
}
