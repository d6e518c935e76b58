// Binds a parsed JSON body to its Shape as Airbyte v0.44.3's Jackson mapper does: null stays
// null, unknown properties are dropped, scalars are coerced ("30" -> 30, 5 -> "5", "true" ->
// true), a single value is accepted where an array is expected. What it cannot convert fails
// with Jackson's message and reference chain, which Micronaut wraps in its 400 answer.
import type { Shape } from './shapes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ConversionFailure extends Error {}

export function convertBody(value: unknown, shape: Shape, rootType: string): unknown {
  return convert(value, shape, [], rootType);
}

function convert(value: unknown, shape: Shape, chain: string[], owner: string): unknown {
  if (value === null || value === undefined || shape.kind === 'any') return value;
  const fail = (message: string): never => {
    throw new ConversionFailure(chain.length ? `${message} (through reference chain: ${chain.join('->')})` : message);
  };
  switch (shape.kind) {
    case 'string':
      if (isScalar(value)) return String(value);
      return fail(`Cannot deserialize value of type \`java.lang.String\` from ${tokenOf(value)}`);
    case 'uuid': {
      if (!isScalar(value)) return fail(`Cannot deserialize value of type \`java.util.UUID\` from ${tokenOf(value)}`);
      const text = String(value);
      if (text === '') return null;
      if (!UUID.test(text)) return fail(`Cannot deserialize value of type \`java.util.UUID\` from String ${quote(text)}: UUID has to be represented by standard 36-char representation`);
      return text;
    }
    case 'integer':
      if (typeof value === 'number') return Math.trunc(value);
      if (typeof value === 'string') {
        if (value.trim() === '') return null;
        if (/^[+-]?\d+$/.test(value.trim())) return Number(value.trim());
        return fail(`Cannot deserialize value of type \`${shape.javaType}\` from String ${quote(value)}: not a valid \`${shape.javaType}\` value`);
      }
      return fail(`Cannot deserialize value of type \`${shape.javaType}\` from ${tokenOf(value)}`);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      if (typeof value === 'string' && value.trim() === '') return null;
      if (typeof value === 'number' && Number.isInteger(value)) return value !== 0;
      if (typeof value === 'string') return fail(`Cannot deserialize value of type \`java.lang.Boolean\` from String ${quote(value)}: only "true" or "false" recognized`);
      return fail(`Cannot deserialize value of type \`java.lang.Boolean\` from ${tokenOf(value)}`);
    case 'enum': {
      if (!isScalar(value)) return fail(`Cannot deserialize value of type \`${shape.javaType}\` from ${tokenOf(value)}`);
      const text = String(value);
      if (shape.values.includes(text)) return text;
      return fail(`Cannot construct instance of \`${shape.javaType}\`, problem: Unexpected value '${text}'`);
    }
    case 'array': {
      const list = Array.isArray(value) ? value : [value]; // ACCEPT_SINGLE_VALUE_AS_ARRAY
      return list.map((item, i) => convert(item, shape.items, [...chain, `java.util.ArrayList[${i}]`], owner));
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        if (value === '') return fail(`Cannot coerce empty String ("") to \`${shape.javaType}\` value (but could if coercion was enabled using \`CoercionConfig\`)`);
        if (Array.isArray(value)) return fail(`Cannot deserialize value of type \`${shape.javaType}\` from Array value (token \`JsonToken.START_ARRAY\`)`);
        return fail(`Cannot construct instance of \`${shape.javaType}\` (although at least one Creator exists): no ${typeof value === 'string' ? 'String' : typeof value === 'number' ? 'int/Int' : 'boolean/Boolean'}-argument constructor/factory method to deserialize from ${typeof value === 'string' ? `String value (${quote(value, "'")})` : `${typeof value === 'number' ? 'Number' : 'Boolean'} value (${String(value)})`}`);
      }
      const record = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const [name, propertyShape] of Object.entries(shape.properties)) {
        if (!(name in record)) continue;
        result[name] = convert(record[name], propertyShape, [...chain, `${shape.javaType}[${quote(name)}]`], shape.javaType);
      }
      return result;
    }
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function tokenOf(value: unknown): string {
  if (Array.isArray(value)) return 'Array value (token `JsonToken.START_ARRAY`)';
  if (typeof value === 'object') return 'Object value (token `JsonToken.START_OBJECT`)';
  if (typeof value === 'boolean') return `Boolean value (token \`JsonToken.VALUE_${value ? 'TRUE' : 'FALSE'}\`)`;
  return `${typeof value === 'number' ? 'Number' : 'String'} value`;
}

function quote(text: string, mark = '"'): string {
  return `${mark}${text.replace(/"/g, '\\"')}${mark}`;
}
