// Field paths of a discovered stream, read from its own `jsonSchema`: what `cursorField`,
// `primaryKey` and `selectedFields[].fieldPath` may name. Nested object properties are paths
// of several segments (`["user", "login"]`).
import type { JsonSchema } from './types';

export interface FieldPathInfo {
  path: string[];
  /** `string (date-time)`, `integer | null`, `object`… */
  type: string;
}

/** Deep enough for real connector schemas; bounds the work on pathological ones. */
const MAX_DEPTH = 6;
const MAX_PATHS = 2000;

export function listFieldPaths(schema: unknown): FieldPathInfo[] {
  const result: FieldPathInfo[] = [];
  const walk = (node: unknown, prefix: string[]) => {
    const properties = propertiesOf(node);
    if (!properties || prefix.length >= MAX_DEPTH) return;
    for (const [name, child] of Object.entries(properties)) {
      if (result.length >= MAX_PATHS) return;
      const path = [...prefix, name];
      result.push({ path, type: describeType(child) });
      walk(child, path);
    }
  };
  walk(schema, []);
  return result;
}

/** The schema of the field at `path`, or undefined when the stream's schema has no such field. */
export function fieldAt(schema: unknown, path: readonly string[]): JsonSchema | undefined {
  if (path.length === 0) return undefined;
  let node: unknown = schema;
  for (const segment of path) {
    const properties = propertiesOf(node);
    if (!properties || !Object.prototype.hasOwnProperty.call(properties, segment)) return undefined;
    node = properties[segment];
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : {};
}

export function describeType(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'any';
  const { type, format, airbyte_type: airbyteType } = schema as JsonSchema;
  const types = (Array.isArray(type) ? type : type ? [type] : []).filter((t): t is string => typeof t === 'string');
  const named = types.filter((t) => t !== 'null').map((t) => (t === 'number' && airbyteType === 'integer' ? 'integer' : t));
  let text = named.length ? named.join(' | ') : types.length ? 'null' : 'any';
  const detail = typeof format === 'string' ? format : typeof airbyteType === 'string' && airbyteType !== 'integer' ? airbyteType : undefined;
  if (detail) text += ` (${detail})`;
  if (types.includes('null') && named.length) text += ' | null';
  return text;
}

export function formatPath(path: readonly string[]): string {
  return path.join('.');
}

/** The `properties` object of a JSON schema, if it has one. */
export function propertiesOf(node: unknown): Record<string, unknown> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const properties = (node as JsonSchema).properties;
  return properties && typeof properties === 'object' && !Array.isArray(properties) ? properties : undefined;
}
