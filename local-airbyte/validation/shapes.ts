// A tiny description of request bodies: enough to bind them as Airbyte v0.44.3's Jackson mapper
// does (types, enums, Java class names for its error messages). Nothing is "required" here:
// Micronaut runs no bean validation, the handlers meet the nulls.

export type Shape =
  | { kind: 'string' }
  | { kind: 'uuid' }
  | { kind: 'integer'; javaType: 'java.lang.Integer' | 'java.lang.Long' }
  | { kind: 'boolean' }
  | { kind: 'any' }
  | { kind: 'enum'; values: readonly string[]; javaType: string }
  | { kind: 'array'; items: Shape }
  | ObjectShape;

export interface ObjectShape {
  kind: 'object';
  properties: Record<string, Shape>;
  /** The generated model class, as Jackson names it in messages. */
  javaType: string;
}

const MODEL_PACKAGE = 'io.airbyte.api.model.generated';

export const string: Shape = { kind: 'string' };
export const uuid: Shape = { kind: 'uuid' };
export const integer: Shape = { kind: 'integer', javaType: 'java.lang.Integer' };
export const long: Shape = { kind: 'integer', javaType: 'java.lang.Long' };
export const boolean: Shape = { kind: 'boolean' };
export const anything: Shape = { kind: 'any' };
export const oneOf = (values: readonly string[], model: string): Shape => ({ kind: 'enum', values, javaType: `${MODEL_PACKAGE}.${model}` });
export const arrayOf = (items: Shape): Shape => ({ kind: 'array', items });
export const object = (model: string, properties: Record<string, Shape>): ObjectShape => ({
  kind: 'object',
  properties,
  javaType: `${MODEL_PACKAGE}.${model}`,
});

/** Micronaut's name for the body argument: the model's simple name, lower camel case. */
export function argumentName(shape: ObjectShape): string {
  const simple = shape.javaType.slice(shape.javaType.lastIndexOf('.') + 1);
  return simple.charAt(0).toLowerCase() + simple.slice(1);
}
