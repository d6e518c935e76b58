// Checks schemas/connection.schema.json and snippets/connection.code-snippets against the
// Airbyte v0.44.3 WebBackendConnectionCreate contract. The expected values below are facts of
// that contract, written out here so the test needs nothing outside the project.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, type Diagnostic, type JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import schema from '../../schemas/connection.schema.json';

interface Schema {
  [key: string]: unknown;
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  defaultSnippets?: { label?: string; description?: string; body?: unknown }[];
  deprecated?: boolean;
  deprecationMessage?: string;
}

const root = schema as unknown as Schema & { definitions: Record<string, Schema> };
const defs = root.definitions;
const SCHEMA_ID = 'https://airbyte-connections.local/schemas/connection.schema.json';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SNIPPETS_FILE = path.join(__dirname, '..', '..', 'snippets', 'connection.code-snippets');

// ------------------------------------------------------------------ helpers

function deref(node: Schema): Schema {
  let current = node;
  const seen = new Set<string>();
  while (current.$ref) {
    const ref = current.$ref;
    assert.ok(!seen.has(ref), `circular $ref ${ref}`);
    seen.add(ref);
    const m = /^#\/definitions\/([^/]+)$/.exec(ref);
    assert.ok(m, `unexpected $ref form: ${ref}`);
    const target = defs[m[1]];
    assert.ok(target, `$ref ${ref} does not resolve`);
    current = target;
  }
  return current;
}

/** The effective schema of an object: the node itself plus everything reachable through $ref/allOf. */
function parts(node: Schema): Schema[] {
  const resolved = deref(node);
  return [resolved, ...(resolved.allOf ?? []).flatMap(parts)];
}

function propertyOf(node: Schema, name: string): Schema | undefined {
  for (const p of parts(node)) {
    if (p.properties && p.properties[name]) return p.properties[name];
  }
  return undefined;
}

function requiredOf(node: Schema): string[] {
  return parts(node).flatMap((p) => p.required ?? []);
}

/** Every schema node in the file with a JSON-pointer-like label. */
function walk(node: unknown, at: string, visit: (n: Schema, at: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(n, `${at}/${i}`, visit));
    return;
  }
  if (!node || typeof node !== 'object') return;
  visit(node as Schema, at);
  for (const [k, v] of Object.entries(node)) {
    if (k === 'defaultSnippets' || k === 'examples' || k === 'enum') continue;
    walk(v, `${at}/${k}`, visit);
  }
}

/** Documented schema nodes: definitions, their properties (recursively) and array items. */
function documentedNodes(): { at: string; node: Schema; isProperty: boolean }[] {
  const out: { at: string; node: Schema; isProperty: boolean }[] = [];
  const visit = (node: Schema, at: string, isProperty: boolean) => {
    out.push({ at, node, isProperty });
    for (const [name, prop] of Object.entries(node.properties ?? {})) visit(prop, `${at}.${name}`, true);
    if (node.items && !node.items.$ref) visit(node.items, `${at}[]`, false);
  };
  for (const [name, def] of Object.entries(defs)) visit(def, name, false);
  return out;
}

/** Expands a VS Code snippet the way a user who accepts every default would get it. */
function expandSnippet(text: string): string {
  const values = new Map<string, string>();
  let i = 0;
  const parse = (insidePlaceholder: boolean): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (insidePlaceholder && c === '}') return out;
      if (c === '$') {
        const rest = text.slice(i);
        const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
        if (simple) {
          i += simple[0].length;
          out += values.get(simple[1]) ?? '';
          continue;
        }
        const open = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
        if (open) {
          i += open[0].length;
          const id = open[1];
          if (text[i] === '}') {
            i += 1;
            out += values.get(id) ?? '';
          } else if (text[i] === ':') {
            i += 1;
            const value = parse(true);
            assert.equal(text[i], '}', `unterminated placeholder \${${id}:...`);
            i += 1;
            if (!values.has(id)) values.set(id, value);
            out += value;
          } else if (text[i] === '|') {
            const end = text.indexOf('|}', i + 1);
            assert.ok(end > i, `unterminated choice \${${id}|...`);
            const first = text.slice(i + 1, end).split(',')[0];
            i = end + 2;
            if (!values.has(id)) values.set(id, first);
            out += first;
          } else {
            assert.fail(`unsupported snippet syntax near: ${rest.slice(0, 20)}`);
          }
          continue;
        }
      }
      out += c;
      i += 1;
    }
    assert.ok(!insidePlaceholder, 'unterminated placeholder');
    return out;
  };
  return parse(false);
}

/** What vscode-json-languageservice inserts for a defaultSnippets body ("^" marks raw text). */
function snippetBodyToText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(snippetBodyToText).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${snippetBodyToText(v)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string' && value.startsWith('^')) return value.slice(1);
  return JSON.stringify(value);
}

/** Validates a document with vscode-json-languageservice against the whole schema or one definition. */
async function validate(doc: unknown, definition?: string): Promise<Diagnostic[]> {
  let target: JSONSchema;
  if (definition) {
    const { $id: _ignored, allOf: _root, ...rest } = root;
    target = { ...rest, allOf: [{ $ref: `#/definitions/${definition}` }] } as JSONSchema;
  } else {
    target = root as unknown as JSONSchema;
  }
  const service = getLanguageService({});
  service.configure({
    validate: true,
    schemas: [{ uri: definition ? `${SCHEMA_ID}#${definition}` : SCHEMA_ID, fileMatch: ['*'], schema: target }],
  });
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
  const document = TextDocument.create('file:///work/test.connection.json', 'json', 1, text);
  return service.doValidation(document, service.parseJSONDocument(document));
}

const describeDiagnostics = (d: Diagnostic[]) => d.map((x) => `${x.message} @${x.range.start.line}:${x.range.start.character}`).join('\n');

/** Checks every string whose schema says format "uuid" (the language service does not). */
function checkUuids(value: unknown, node: Schema, at: string): void {
  const all = parts(node);
  if (typeof value === 'string' && all.some((p) => p.format === 'uuid')) {
    assert.match(value, UUID_RE, `${at} must be a uuid`);
  }
  if (Array.isArray(value)) {
    const items = all.find((p) => p.items)?.items;
    if (items) value.forEach((v, i) => checkUuids(v, items, `${at}[${i}]`));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const prop = propertyOf(node, k);
      if (prop) checkUuids(v, prop, `${at}.${k}`);
    }
  }
}

// ------------------------------------------------------------------ facts of v0.44.3

const EXPECTED_ENUMS: Record<string, string[]> = {
  NamespaceDefinitionType: ['source', 'destination', 'customformat'],
  SyncMode: ['full_refresh', 'incremental'],
  DestinationSyncMode: ['append', 'overwrite', 'append_dedup'],
  ConnectionScheduleTimeUnit: ['minutes', 'hours', 'days', 'weeks', 'months'],
  ConnectionScheduleType: ['manual', 'basic', 'cron'],
  ConnectionScheduleDataBasicScheduleTimeUnit: ['minutes', 'hours', 'days', 'weeks', 'months'],
  ConnectionStatus: ['active', 'inactive', 'deprecated'],
  OperatorType: ['normalization', 'dbt', 'webhook'],
  OperatorNormalizationOption: ['basic'],
  OperatorWebhookWebhookType: ['dbtCloud'],
  Geography: ['auto', 'us', 'eu'],
  NonBreakingChangesPreference: ['ignore', 'disable'],
};

/** Where each enum is used (JSON path through definitions -> enum definition). */
const ENUM_USES: [string, string, string][] = [
  ['WebBackendConnectionCreate', 'namespaceDefinition', 'NamespaceDefinitionType'],
  ['WebBackendConnectionCreate', 'scheduleType', 'ConnectionScheduleType'],
  ['WebBackendConnectionCreate', 'status', 'ConnectionStatus'],
  ['WebBackendConnectionCreate', 'geography', 'Geography'],
  ['WebBackendConnectionCreate', 'nonBreakingChangesPreference', 'NonBreakingChangesPreference'],
  ['AirbyteStreamConfiguration', 'syncMode', 'SyncMode'],
  ['AirbyteStreamConfiguration', 'destinationSyncMode', 'DestinationSyncMode'],
  ['ConnectionSchedule', 'timeUnit', 'ConnectionScheduleTimeUnit'],
  ['ConnectionScheduleDataBasicSchedule', 'timeUnit', 'ConnectionScheduleDataBasicScheduleTimeUnit'],
  ['OperatorConfiguration', 'operatorType', 'OperatorType'],
  ['OperatorNormalization', 'option', 'OperatorNormalizationOption'],
  ['OperatorWebhook', 'webhookType', 'OperatorWebhookWebhookType'],
];

/** required lists: the contract's, plus what the v0.44.3 server needs (see $comment in the schema). */
const EXPECTED_REQUIRED: Record<string, string[]> = {
  WebBackendConnectionCreate: ['sourceId', 'destinationId', 'status'],
  AirbyteCatalog: ['streams'],
  AirbyteStreamAndConfiguration: ['stream', 'config'],
  AirbyteStream: ['name'],
  AirbyteStreamConfiguration: ['syncMode', 'destinationSyncMode', 'selected'],
  ConnectionSchedule: ['units', 'timeUnit'],
  ConnectionScheduleDataBasicSchedule: ['timeUnit', 'units'],
  ConnectionScheduleDataCron: ['cronExpression', 'cronTimeZone'],
  OperationCreate: ['name', 'operatorConfiguration', 'workspaceId'],
  OperatorConfiguration: ['operatorType'],
  OperatorDbt: ['gitRepoUrl'],
  OperatorWebhookDbtCloud: ['accountId', 'jobId'],
};

const EXPECTED_PROPERTIES: Record<string, string[]> = {
  WebBackendConnectionCreate: [
    'name', 'namespaceDefinition', 'namespaceFormat', 'prefix', 'sourceId', 'destinationId', 'operationIds',
    'syncCatalog', 'schedule', 'scheduleType', 'scheduleData', 'status', 'resourceRequirements', 'operations',
    'sourceCatalogId', 'geography', 'nonBreakingChangesPreference',
  ],
  AirbyteCatalog: ['streams'],
  AirbyteStreamAndConfiguration: ['stream', 'config'],
  AirbyteStream: ['name', 'jsonSchema', 'supportedSyncModes', 'sourceDefinedCursor', 'defaultCursorField', 'sourceDefinedPrimaryKey', 'namespace'],
  AirbyteStreamConfiguration: [
    'syncMode', 'cursorField', 'destinationSyncMode', 'primaryKey', 'aliasName', 'selected', 'suggested',
    'fieldSelectionEnabled', 'selectedFields',
  ],
  SelectedFieldInfo: ['fieldPath'],
  ConnectionSchedule: ['units', 'timeUnit'],
  ConnectionScheduleData: ['basicSchedule', 'cron'],
  ConnectionScheduleDataBasicSchedule: ['timeUnit', 'units'],
  ConnectionScheduleDataCron: ['cronExpression', 'cronTimeZone'],
  ResourceRequirements: ['cpu_request', 'cpu_limit', 'memory_request', 'memory_limit'],
  OperationCreate: ['workspaceId', 'name', 'operatorConfiguration'],
  OperatorConfiguration: ['operatorType', 'normalization', 'dbt', 'webhook'],
  OperatorNormalization: ['option'],
  OperatorDbt: ['gitRepoUrl', 'gitRepoBranch', 'dockerImage', 'dbtArguments'],
  OperatorWebhook: ['webhookConfigId', 'webhookType', 'dbtCloud', 'executionUrl', 'executionBody'],
  OperatorWebhookDbtCloud: ['accountId', 'jobId'],
};

/** [definition, property] pairs that are uuids in the contract. */
const UUID_PROPERTIES: [string, string][] = [
  ['WebBackendConnectionCreate', 'sourceId'],
  ['WebBackendConnectionCreate', 'destinationId'],
  ['WebBackendConnectionCreate', 'sourceCatalogId'],
  ['OperationCreate', 'workspaceId'],
  ['OperatorWebhook', 'webhookConfigId'],
];

const INTEGER_PROPERTIES: [string, string][] = [
  ['ConnectionSchedule', 'units'],
  ['ConnectionScheduleDataBasicSchedule', 'units'],
  ['OperatorWebhookDbtCloud', 'accountId'],
  ['OperatorWebhookDbtCloud', 'jobId'],
];

const SNIPPET_PREFIXES = [
  'airbyte-connection',
  'airbyte-stream',
  'airbyte-schedule-basic',
  'airbyte-schedule-cron',
  'airbyte-operation-normalization',
  'airbyte-operation-dbt',
];

const MINIMAL = {
  sourceId: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01',
  destinationId: '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01',
  status: 'active',
};

/** Puts an expanded snippet where it belongs in a connection file, by prefix. */
function placeSnippet(prefix: string, expanded: string): unknown {
  if (prefix === 'airbyte-connection') return JSON.parse(expanded);
  if (prefix === 'airbyte-stream') return { ...MINIMAL, syncCatalog: { streams: [JSON.parse(expanded)] } };
  if (prefix.startsWith('airbyte-schedule-')) return { ...MINIMAL, ...JSON.parse(`{${expanded}}`) };
  if (prefix.startsWith('airbyte-operation-')) return { ...MINIMAL, operations: [JSON.parse(expanded)] };
  throw new Error(`no placement known for snippet prefix ${prefix}; add it to placeSnippet`);
}

// ------------------------------------------------------------------ tests

describe('connection.schema.json', () => {
  test('is a draft-07 schema with the project $id, a title and a root description', () => {
    assert.equal(root.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(root.$id, SCHEMA_ID);
    assert.equal(typeof root.title, 'string');
    assert.ok((root.markdownDescription ?? '').length > 40);
    assert.ok((root.description ?? '').length > 10);
  });

  test('every $ref resolves to a definition, and every definition is used', () => {
    const used = new Set<string>();
    walk(root, '#', (node, at) => {
      if (node.$ref !== undefined) {
        const m = /^#\/definitions\/([^/]+)$/.exec(node.$ref);
        assert.ok(m, `${at}: $ref must point into #/definitions: ${node.$ref}`);
        assert.ok(defs[m[1]], `${at}: $ref ${node.$ref} does not resolve`);
        used.add(m[1]);
      }
    });
    assert.deepEqual(Object.keys(defs).filter((d) => !used.has(d)), [], 'unused definitions');
  });

  test('contains every type WebBackendConnectionCreate reaches', () => {
    const expected = [
      'WebBackendConnectionCreate', 'NamespaceDefinitionType', 'SourceId', 'DestinationId', 'OperationId', 'WorkspaceId',
      'AirbyteCatalog', 'AirbyteStreamAndConfiguration', 'AirbyteStream', 'StreamJsonSchema', 'AirbyteStreamConfiguration',
      'SelectedFieldInfo', 'SyncMode', 'DestinationSyncMode', 'ConnectionSchedule', 'ConnectionScheduleTimeUnit',
      'ConnectionScheduleType', 'ConnectionScheduleData', 'ConnectionScheduleDataBasicSchedule',
      'ConnectionScheduleDataBasicScheduleTimeUnit', 'ConnectionScheduleDataCron', 'ConnectionStatus', 'ResourceRequirements',
      'OperationCreate', 'OperatorConfiguration', 'OperatorType', 'OperatorNormalization', 'OperatorNormalizationOption',
      'OperatorDbt', 'OperatorWebhook', 'OperatorWebhookWebhookType', 'OperatorWebhookDbtCloud', 'Geography',
      'NonBreakingChangesPreference',
    ];
    assert.deepEqual([...Object.keys(defs)].sort(), [...expected].sort());
  });

  test('object definitions have exactly the contract property names', () => {
    for (const [def, props] of Object.entries(EXPECTED_PROPERTIES)) {
      assert.deepEqual(Object.keys(defs[def].properties ?? {}).sort(), [...props].sort(), def);
    }
  });

  test('every definition, property and array item has a description and a markdownDescription', () => {
    for (const { at, node, isProperty } of documentedNodes()) {
      assert.equal(typeof node.description, 'string', `${at}: description`);
      assert.equal(typeof node.markdownDescription, 'string', `${at}: markdownDescription`);
      assert.ok(node.description!.trim().length > 10, `${at}: description too short`);
      assert.ok(node.markdownDescription!.trim().length > 20, `${at}: markdownDescription too short`);
      assert.doesNotMatch(node.description!, /[`*\n]/, `${at}: description must be plain text on one line`);
      if (isProperty || at.indexOf('.') === -1) {
        assert.match(node.markdownDescription!, /Example:/, `${at}: markdownDescription needs an example`);
        assert.match(node.markdownDescription!, /Default when omitted|No default/, `${at}: markdownDescription must state the default`);
      }
    }
  });

  test('no text anywhere says N/A', () => {
    const text = JSON.stringify(schema);
    assert.doesNotMatch(text, /N\/A/);
  });

  test('the root requires exactly sourceId, destinationId and status', () => {
    assert.deepEqual([...requiredOf(root)].sort(), ['destinationId', 'sourceId', 'status']);
  });

  test('required lists match the contract and the server', () => {
    for (const [def, required] of Object.entries(EXPECTED_REQUIRED)) {
      assert.deepEqual([...(defs[def].required ?? [])].sort(), [...required].sort(), def);
    }
    for (const [name, def] of Object.entries(defs)) {
      for (const r of def.required ?? []) assert.ok(def.properties?.[r], `${name} requires unknown property ${r}`);
    }
  });

  test('enum values are those of v0.44.3 and every enum is described value by value', () => {
    const enumDefs: string[] = [];
    walk(root, '#', (node, at) => {
      if (!node.enum) return;
      enumDefs.push(at);
      assert.ok(Array.isArray(node.enumDescriptions), `${at}: enumDescriptions`);
      assert.ok(Array.isArray(node.markdownEnumDescriptions), `${at}: markdownEnumDescriptions`);
      assert.equal(node.enumDescriptions!.length, node.enum.length, `${at}: enumDescriptions length`);
      assert.equal(node.markdownEnumDescriptions!.length, node.enum.length, `${at}: markdownEnumDescriptions length`);
      for (const d of [...node.enumDescriptions!, ...node.markdownEnumDescriptions!]) {
        assert.ok(typeof d === 'string' && d.trim().length > 5, `${at}: empty enum description`);
      }
    });
    assert.deepEqual(enumDefs.sort(), Object.keys(EXPECTED_ENUMS).map((n) => `#/definitions/${n}`).sort());
    for (const [name, values] of Object.entries(EXPECTED_ENUMS)) {
      assert.deepEqual(defs[name].enum, values, name);
      assert.equal(defs[name].type, 'string', name);
    }
    for (const [def, prop, enumDef] of ENUM_USES) {
      assert.equal(defs[def].properties?.[prop]?.$ref, `#/definitions/${enumDef}`, `${def}.${prop}`);
    }
    assert.equal(defs.AirbyteStream.properties?.supportedSyncModes.items?.$ref, '#/definitions/SyncMode');
  });

  test('ids are uuid strings', () => {
    for (const [def, prop] of UUID_PROPERTIES) {
      const resolved = deref(defs[def].properties![prop]);
      assert.equal(resolved.type, 'string', `${def}.${prop}`);
      assert.equal(resolved.format, 'uuid', `${def}.${prop}`);
    }
    const opIds = defs.WebBackendConnectionCreate.properties!.operationIds;
    assert.equal(opIds.type, 'array');
    assert.equal(deref(opIds.items!).format, 'uuid');
    for (const name of ['SourceId', 'DestinationId', 'OperationId', 'WorkspaceId']) {
      assert.equal(defs[name].format, 'uuid', name);
    }
  });

  test('int64/integer fields are integers and the free-form stream schema is an object', () => {
    for (const [def, prop] of INTEGER_PROPERTIES) {
      assert.equal(defs[def].properties![prop].type, 'integer', `${def}.${prop}`);
    }
    assert.equal(defs.StreamJsonSchema.type, 'object');
  });

  test('additionalProperties is never false, and true only on commented free-form objects', () => {
    walk(root, '#', (node, at) => {
      if (!('additionalProperties' in node)) return;
      assert.equal(node.additionalProperties, true, `${at}: additionalProperties must be unset or true`);
      assert.match(String(node.$comment ?? ''), /free-form/i, `${at}: free-form objects need a $comment`);
    });
  });

  test('deprecated fields carry a deprecation message', () => {
    const expected: [string, string][] = [
      ['WebBackendConnectionCreate', 'schedule'],
      ['OperatorWebhook', 'executionUrl'],
      ['OperatorWebhook', 'executionBody'],
    ];
    for (const [def, prop] of expected) {
      const node = defs[def].properties![prop];
      assert.equal(node.deprecated, true, `${def}.${prop}`);
      assert.ok((node.deprecationMessage ?? '').length > 10, `${def}.${prop}`);
    }
    walk(root, '#', (node, at) => {
      if (node.deprecated) assert.ok(node.deprecationMessage, `${at}: deprecated without deprecationMessage`);
    });
  });

  test('the language service accepts a minimal file and rejects broken ones', async () => {
    assert.deepEqual(await validate(MINIMAL), []);
    const missingStatus = await validate({ sourceId: MINIMAL.sourceId, destinationId: MINIMAL.destinationId });
    assert.ok(missingStatus.some((d) => /status/.test(d.message)), describeDiagnostics(missingStatus));
    const badEnum = await validate({ ...MINIMAL, scheduleType: 'hourly' });
    assert.ok(badEnum.length > 0);
    const badUnits = await validate({ ...MINIMAL, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1.5 } } });
    assert.ok(badUnits.length > 0);
    const deprecated = await validate({ ...MINIMAL, schedule: { units: 24, timeUnit: 'hours' } });
    assert.ok(deprecated.some((d) => /scheduleType/.test(d.message)), describeDiagnostics(deprecated));
  });

  test('every defaultSnippets body expands to a valid value of its definition', async () => {
    let count = 0;
    for (const [name, def] of Object.entries(defs)) {
      for (const snippet of def.defaultSnippets ?? []) {
        assert.ok(snippet.label && snippet.description && snippet.body !== undefined, `${name}: snippet needs label, description, body`);
        const expanded = expandSnippet(snippetBodyToText(snippet.body));
        const value = JSON.parse(expanded) as unknown;
        const problems = await validate(value, name);
        assert.deepEqual(problems, [], `${name} / ${snippet.label}:\n${describeDiagnostics(problems)}`);
        checkUuids(value, def, `${name} / ${snippet.label}`);
        count += 1;
      }
    }
    const withSnippets = Object.keys(defs).filter((n) => (defs[n].defaultSnippets ?? []).length > 0);
    for (const n of ['AirbyteStreamAndConfiguration', 'AirbyteCatalog', 'ConnectionScheduleData', 'ResourceRequirements', 'OperationCreate']) {
      assert.ok(withSnippets.includes(n), `${n} should offer defaultSnippets`);
    }
    assert.ok(count >= 8);
  });
});

describe('connection.code-snippets', () => {
  const raw = readFileSync(SNIPPETS_FILE, 'utf8');

  test('parses as JSON and offers the expected prefixes', () => {
    const snippets = JSON.parse(raw) as Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>;
    const prefixes = Object.values(snippets).flatMap((s) => [s.prefix].flat());
    for (const p of SNIPPET_PREFIXES) assert.ok(prefixes.includes(p), `missing snippet prefix ${p}`);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.description && s.description.length > 10, `${name}: description`);
      assert.ok([s.body].flat().length > 0, `${name}: body`);
    }
  });

  test('every snippet, with its defaults, is a valid connection file', async () => {
    const snippets = JSON.parse(raw) as Record<string, { prefix: string | string[]; body: string | string[] }>;
    for (const [name, s] of Object.entries(snippets)) {
      const prefix = [s.prefix].flat()[0];
      const expanded = expandSnippet([s.body].flat().join('\n'));
      let doc: unknown;
      assert.doesNotThrow(() => {
        doc = placeSnippet(prefix, expanded);
      }, `${name}: body is not JSON after expansion:\n${expanded}`);
      const problems = await validate(doc);
      assert.deepEqual(problems, [], `${name}:\n${describeDiagnostics(problems)}`);
      checkUuids(doc, root, name);
    }
  });

  test('the whole-file snippet fills in the demo ids and the usual settings', () => {
    const snippets = JSON.parse(raw) as Record<string, { prefix: string | string[]; body: string | string[] }>;
    const file = Object.values(snippets).find((s) => [s.prefix].flat().includes('airbyte-connection'));
    assert.ok(file);
    const doc = JSON.parse(expandSnippet([file.body].flat().join('\n'))) as Record<string, unknown>;
    assert.equal(doc.sourceId, '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01');
    assert.equal(doc.destinationId, '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01');
    assert.equal(doc.status, 'active');
    assert.equal(doc.scheduleType, 'basic');
    for (const key of ['name', 'namespaceDefinition', 'scheduleData', 'nonBreakingChangesPreference', 'geography', 'syncCatalog']) {
      assert.ok(key in doc, `whole-file snippet lacks ${key}`);
    }
    const streams = (doc.syncCatalog as { streams: unknown[] }).streams;
    assert.equal(streams.length, 1);
  });
});

describe('schema problems read from the schema node', () => {
  const defs = (schema as unknown as { definitions: Record<string, { properties: Record<string, { maxLength?: number }> }> }).definitions;

  test('the varchar(256) columns carry maxLength 256', () => {
    for (const name of ['name', 'prefix', 'namespaceFormat']) assert.equal(defs.WebBackendConnectionCreate.properties[name].maxLength, 256, name);
    assert.equal(defs.OperationCreate.properties.name.maxLength, 256);
  });

  test('one catalog entry can be checked alone against its definition', async () => {
    const { schemaProblems } = await import('../../core/language/schemaProblems');
    const { createConnectionLanguageService } = await import('../../core/language/connectionLanguageService');
    const text = JSON.stringify({ stream: { name: 'a', supportedSyncModes: 'incremental' }, config: { syncMode: 'incremental', destinationSyncMode: 'upsert', selected: null } });
    const root = createConnectionLanguageService().parseJSONDocument(TextDocument.create('file:///e.json', 'json', 1, text)).root!;
    const problems = schemaProblems(root, { $ref: '#/definitions/AirbyteStreamAndConfiguration' });
    assert.deepEqual(problems.map((p) => [p.code, p.severity]).sort(), [['coerced-array', 'warning'], ['invalid-value', 'error'], ['missing-property', 'error']]);
  });
});
