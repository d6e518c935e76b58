// Schema problems built from the schema node each value is checked against (its type, enum,
// required list, maxLength, deprecation), judged the way Airbyte v0.44.3 reads a body: Micronaut
// applies no bean validation, and its Jackson mapper treats null as omitted, coerces scalars
// ("30" -> 30) and a single value where an array is expected, and answers 400 only for what it
// cannot convert. The JSON language service's schema validation is not used: its verdicts
// (null is a type error, "30" is not an integer) are not Airbyte's.
import type { ASTNode, JSONSchema, ObjectASTNode } from 'vscode-json-languageservice';
import type { RuleProblem } from '../rules/rule';
import { closestMatch } from '../rules/spelling';
import { connectionSchema, resolveSchemaRef } from '../schema/connectionSchema';
import { requiredPropertyProblem } from './requiredProperties';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER_TEXT = /^[+-]?\d+$/;

/**
 * Problems of `root` against `schema` (the whole connection schema by default; a definition
 * such as `#/definitions/AirbyteStreamAndConfiguration` checks one catalog entry alone).
 */
export function schemaProblems(root: ASTNode, schema: JSONSchema = connectionSchema): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const stack: Array<[ASTNode, JSONSchema]> = [[root, schema]];
  while (stack.length > 0) {
    const [node, rawSchema] = stack.pop()!;
    const nodeSchema = resolveSchemaRef(rawSchema);
    if (node.type === 'object') reportDuplicateKeys(node, problems);
    if (!typeMatches(node, nodeSchema, problems)) continue;
    if (node.type === 'string') checkString(node.value, node, nodeSchema, problems);
    if (node.type === 'object' && nodeSchema.properties) {
      checkObject(node, nodeSchema, problems);
      for (const prop of node.properties) {
        const propSchema = nodeSchema.properties[prop.keyNode.value];
        if (!prop.valueNode || !propSchema || typeof propSchema !== 'object') continue;
        if (prop.valueNode.type === 'null') continue; // read as omitted
        if (propSchema.deprecated) problems.push(deprecation(prop.keyNode, propSchema));
        stack.push([prop.valueNode, propSchema]);
      }
    } else if (node.type === 'array' && isSchema(nodeSchema.items)) {
      const itemSchema = resolveSchemaRef(nodeSchema.items);
      for (const item of node.items) {
        if (item.type === 'null') {
          if (itemSchema.type === 'object') problems.push(nullEntry(item));
        } else {
          stack.push([item, nodeSchema.items]);
        }
      }
    }
  }
  return problems;
}

function isSchema(value: unknown): value is JSONSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the value can be read as the schema's type (maybe coerced, then reported here). */
function typeMatches(node: ASTNode, schema: JSONSchema, problems: RuleProblem[]): boolean {
  const expected = typeof schema.type === 'string' ? schema.type : schema.enum ? 'string' : undefined;
  if (!expected) return true;
  const found = node.type;
  if (found === expected || (expected === 'integer' && found === 'number' && Number.isInteger(node.value))) return true;
  if (found === 'null') return true;
  const shown = shortText(node);

  if (expected === 'array') {
    // ACCEPT_SINGLE_VALUE_AS_ARRAY: a lone value becomes a one-element array (recursively).
    const canonical = wrapAsSchema(node, schema);
    if (canonical !== undefined) {
      problems.push({
        node,
        severity: 'warning',
        code: 'coerced-array',
        message: `Airbyte reads ${shown} as ${JSON.stringify(canonical)}. Write the array.`,
        data: { replaceValueWithJson: canonical },
      });
      return false;
    }
  }
  if (expected === 'integer' && found === 'string') {
    const text = String(node.value).trim();
    if (INTEGER_TEXT.test(text)) return coerced(node, Number(text), `Airbyte reads ${shown} as the number ${Number(text)}. Write it as a number.`, problems);
    if (text === '') return coerced(node, undefined, 'Airbyte reads an empty string here as no value. Remove the property or write a number.', problems);
  }
  if (expected === 'integer' && found === 'number') {
    return coerced(node, Math.trunc(node.value), `Airbyte drops the fraction: ${shown} is read as ${Math.trunc(node.value)}. Write a whole number.`, problems);
  }
  if (expected === 'string' && !schema.enum && schema.format !== 'uuid' && (found === 'number' || found === 'boolean')) {
    return coerced(node, String(node.value), `Airbyte reads ${shown} as the text "${String(node.value)}". Write it as a string.`, problems);
  }
  if (expected === 'boolean' && found === 'string' && (node.value === 'true' || node.value === 'false')) {
    return coerced(node, node.value === 'true', `Airbyte reads ${shown} as ${node.value}. Write it without quotes.`, problems);
  }
  if (expected === 'boolean' && found === 'number' && Number.isInteger(node.value)) {
    return coerced(node, node.value !== 0, `Airbyte reads ${shown} as ${node.value !== 0}. Write true or false.`, problems);
  }
  if (expected === 'object' && schema.additionalProperties === true) {
    // A free-form JsonNode (a stream's JSON schema): the mapper takes any value.
    problems.push({ node, severity: 'warning', code: 'wrong-type', message: `Airbyte stores ${shown} as given, but this should be an object (a JSON schema); what the source and destination make of it is untested.` });
    return false;
  }
  const wanted = schema.enum ? `one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` : article(expected);
  problems.push({
    node,
    severity: 'error',
    code: 'wrong-type',
    message: `Airbyte cannot read ${shown} as ${wanted}: v0.44.3 answers 400 (Failed to convert argument).`,
  });
  return false;
}

function coerced(node: ASTNode, canonical: unknown, message: string, problems: RuleProblem[]): boolean {
  problems.push({ node, severity: 'warning', code: 'coerced-value', message, data: canonical === undefined ? undefined : { replaceValueWithJson: canonical } });
  return false;
}

/** The array Jackson builds from a lone value, or undefined when it cannot. */
function wrapAsSchema(node: ASTNode, schema: JSONSchema): unknown[] | undefined {
  if (!isSchema(schema.items)) return undefined;
  const itemSchema = resolveSchemaRef(schema.items);
  if (itemSchema.type === 'array') {
    const inner = node.type === 'array' ? (node.items.every((i) => i.type === 'string') ? node.items.map((i) => i.value) : undefined) : wrapAsSchema(node, itemSchema);
    return inner ? [inner] : undefined;
  }
  if (itemSchema.type === 'string' && node.type === 'string' && !itemSchema.enum) return [node.value];
  if (itemSchema.type === 'string' && node.type === 'string' && itemSchema.enum?.includes(node.value)) return [node.value];
  return undefined;
}

function checkString(value: string, node: ASTNode, schema: JSONSchema, problems: RuleProblem[]): void {
  if (schema.enum && !schema.enum.includes(value)) {
    const allowed = schema.enum.filter((e): e is string => typeof e === 'string');
    const suggestion = closestMatch(value, allowed);
    problems.push({
      node,
      severity: 'error',
      code: 'invalid-value',
      message:
        `Airbyte rejects ${JSON.stringify(value)} here (400): v0.44.3 cannot convert it to one of the allowed values.` +
        (suggestion ? ` Did you mean "${suggestion}"?` : '') +
        ` Allowed: ${allowed.map((a) => `"${a}"`).join(', ')}.`,
      data: suggestion ? { replaceValueWith: suggestion } : undefined,
    });
  }
  if (schema.format === 'uuid' && !UUID.test(value)) {
    problems.push({
      node,
      severity: 'error',
      code: 'invalid-uuid',
      message:
        value === ''
          ? 'An empty id is read as no id: Airbyte v0.44.3 fails on it. Copy the id from the Airbyte web app\'s URL or from completion (Ctrl+Space).'
          : `\`${truncate(value)}\` is not a UUID: Airbyte v0.44.3 answers 400 (Cannot deserialize value of type \`java.util.UUID\`). Ids look like \`2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01\`: copy it from the Airbyte web app's URL or from completion (Ctrl+Space).`,
    });
  }
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) {
    problems.push({
      node,
      severity: 'error',
      code: 'too-long',
      message: `${value.length} characters: Airbyte stores this in a column of at most ${schema.maxLength}, so v0.44.3 fails the request (500). Shorten it.`,
    });
  }
}

function checkObject(node: ObjectASTNode, schema: JSONSchema, problems: RuleProblem[]): void {
  for (const name of schema.required ?? []) {
    const prop = node.properties.find((p) => p.keyNode.value === name);
    if (prop && !prop.valueNode) continue; // a syntax error, reported as such
    if (prop?.valueNode && prop.valueNode.type !== 'null') continue;
    problems.push(requiredPropertyProblem(name, node, prop?.keyNode));
  }
  if (!schema.properties || !(schema.additionalProperties === undefined || schema.additionalProperties === false)) return;
  if (isDiscoverResponse(node, schema)) return; // one problem says it all
  const known = Object.keys(schema.properties);
  for (const prop of node.properties) {
    const key = prop.keyNode.value;
    if (key in schema.properties) continue;
    const suggestion = closestMatch(key, known);
    problems.push({
      node: prop.keyNode,
      severity: 'warning',
      code: 'unknown-property',
      unnecessary: !suggestion,
      message:
        `Airbyte does not know \`${key}\`${schema.title ? ` in ${schema.title}` : ''} and ignores it.` +
        (suggestion ? ` Did you mean \`${suggestion}\`?` : ` Known properties: ${known.map((k) => `\`${k}\``).join(', ')}.`),
      data: suggestion ? { replaceKeyWith: suggestion } : undefined,
    });
  }
}

/** A `syncCatalog` holding a whole discover_schema answer (`catalog`, `jobInfo`, `catalogId`). */
export function isDiscoverResponse(node: ObjectASTNode, schema: JSONSchema): boolean {
  return !!schema.properties?.streams && !node.properties.some((p) => p.keyNode.value === 'streams') && node.properties.some((p) => p.keyNode.value === 'catalog');
}

function reportDuplicateKeys(node: ObjectASTNode, problems: RuleProblem[]): void {
  if (node.properties.length < 2) return;
  const last = new Map<string, number>();
  node.properties.forEach((p, i) => last.set(p.keyNode.value, i));
  if (last.size === node.properties.length) return;
  node.properties.forEach((p, i) => {
    if (last.get(p.keyNode.value) === i) return;
    problems.push({
      node: p.keyNode,
      severity: 'warning',
      code: 'duplicate-key',
      unnecessary: true,
      message: `Duplicate key "${p.keyNode.value}": Airbyte keeps only the last value and drops this one. Remove the extra one.`,
    });
  });
}

function deprecation(keyNode: ASTNode, schema: JSONSchema): RuleProblem {
  const text = (schema as { deprecationMessage?: string }).deprecationMessage ?? 'Deprecated.';
  return { node: keyNode, severity: 'warning', code: 'deprecated', deprecated: true, message: `${text} Airbyte v0.44.3 still reads it.` };
}

function nullEntry(item: ASTNode): RuleProblem {
  return { node: item, severity: 'error', code: 'null-entry', message: 'A `null` entry: Airbyte v0.44.3 fails on it (500, a null pointer). Remove it.' };
}

function shortText(node: ASTNode): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return JSON.stringify(truncate(node.value));
    default:
      return String(node.value);
  }
}

function article(type: string): string {
  return type === 'integer' || type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`;
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
