// A tiny description of request bodies, enough to report what Airbyte's bean validation (and
// Jackson's type checks) would: missing required fields, wrong types, values outside an enum.

export type Shape =
  | { kind: 'string' }
  | { kind: 'integer' }
  | { kind: 'boolean' }
  | { kind: 'any' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; items: Shape }
  | ObjectShape;

export interface ObjectShape {
  kind: 'object';
  properties: Record<string, Shape>;
  required?: readonly string[];
}

export const string: Shape = { kind: 'string' };
export const integer: Shape = { kind: 'integer' };
export const boolean: Shape = { kind: 'boolean' };
export const anything: Shape = { kind: 'any' };
export const oneOf = (values: readonly string[]): Shape => ({ kind: 'enum', values });
export const arrayOf = (items: Shape): Shape => ({ kind: 'array', items });
export const object = (properties: Record<string, Shape>, required: readonly string[] = []): ObjectShape => ({
  kind: 'object',
  properties,
  required,
});
