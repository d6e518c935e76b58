// Walks a request body against its Shape and lists every violation with a bean-validation
// style path (`webBackendCreateConnection.arg0.syncCatalog.streams[0].config.syncMode`).
import type { InvalidInputProperty } from '../errors';
import type { Shape } from './shapes';

export function checkShape(value: unknown, shape: Shape, path: string): InvalidInputProperty[] {
  const violations: InvalidInputProperty[] = [];
  visit(value, shape, path, violations);
  return violations;
}

function visit(value: unknown, shape: Shape, path: string, out: InvalidInputProperty[]): void {
  // Absent and null optional values are both fine: Jackson maps them to null.
  if (value === null || value === undefined) return;
  const mismatch = typeMismatch(value, shape);
  if (mismatch) {
    out.push({ propertyPath: path, invalidValue: describeValue(value), message: mismatch });
    return;
  }
  if (shape.kind === 'array') {
    (value as unknown[]).forEach((item, i) => visit(item, shape.items, `${path}[${i}]`, out));
  } else if (shape.kind === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of shape.required ?? []) {
      if (record[name] === undefined || record[name] === null) {
        out.push({ propertyPath: `${path}.${name}`, invalidValue: 'null', message: 'must not be null' });
      }
    }
    for (const [name, propertyShape] of Object.entries(shape.properties)) {
      visit(record[name], propertyShape, `${path}.${name}`, out);
    }
  }
}

function typeMismatch(value: unknown, shape: Shape): string | undefined {
  switch (shape.kind) {
    case 'any':
      return undefined;
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'must be an integer';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? undefined
        : `must be one of [${shape.values.join(', ')}]`;
    case 'array':
      return Array.isArray(value) ? undefined : 'must be an array';
    case 'object':
      return typeof value === 'object' && !Array.isArray(value) ? undefined : 'must be an object';
  }
}

/** Bean validation reports the value's toString(); JSON is the closest readable equivalent. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
