// One row per diagnostic code, both directions: the body that breaks the rule gets exactly that
// diagnostic, with its severity, at its node; the nearest body that keeps the rule gets none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-json-languageservice';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { validateConnection } from '../../core/language/validateConnection';
import { IncrementalValidation } from '../../core/language/incrementalValidation';
import { scanLayout } from '../../core/language/catalogLayout';
import { entrySkeleton } from '../../core/language/entrySkeleton';
import { runRules } from '../../core/rules';

const service = createConnectionLanguageService();
const SOURCE = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';
const WORKSPACE = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';
const base = { sourceId: SOURCE, destinationId: DESTINATION, status: 'active' };
const E = DiagnosticSeverity.Error;
const W = DiagnosticSeverity.Warning;

type Body = Record<string, unknown>;
const streamOf = (config: Body, stream: Body = {}) => ({
  stream: { name: 'orders', namespace: 'public', jsonSchema: { type: 'object', properties: { id: {}, updated_at: {} } }, supportedSyncModes: ['full_refresh', 'incremental'], ...stream },
  config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true, ...config },
});
const nested = { jsonSchema: { type: 'object', properties: { id: {}, updated_at: {}, user: { type: 'object', properties: { login: { type: 'string' } } } } } };
const catalog = (...streams: unknown[]) => ({ ...base, syncCatalog: { streams } });
const fs = (fields: string[][], config: Body = {}) => ({ fieldSelectionEnabled: true, selectedFields: fields.map((fieldPath) => ({ fieldPath })), ...config });
const op = (configuration: Body, extra: Body = {}) => ({ ...base, operations: [{ workspaceId: WORKSPACE, name: 'op', operatorConfiguration: configuration, ...extra }] });
const cron = (cronExpression: string, cronTimeZone = 'UTC') => ({ ...base, scheduleType: 'cron', scheduleData: { cron: { cronExpression, cronTimeZone } } });

interface Row {
  code: string;
  severity: DiagnosticSeverity;
  /** The text the diagnostic covers. */
  at: string;
  bad: Body | string;
  near: Body | string;
  tag?: DiagnosticTag;
}

const ROWS: Row[] = [
  // schema, as Airbyte's mapper reads it
  { code: 'wrong-type', severity: E, at: '{"first":"x"}', bad: { ...base, name: { first: 'x' } }, near: { ...base, name: 'x' } },
  { code: 'invalid-value', severity: E, at: '"actve"', bad: { ...base, status: 'actve' }, near: base },
  { code: 'invalid-uuid', severity: E, at: '"42"', bad: { ...base, sourceId: '42' }, near: base },
  { code: 'too-long', severity: E, at: JSON.stringify('n'.repeat(257)), bad: { ...base, name: 'n'.repeat(257) }, near: { ...base, name: 'n'.repeat(256) } },
  { code: 'missing-property', severity: E, at: '{', bad: { sourceId: SOURCE, destinationId: DESTINATION }, near: base },
  { code: 'missing-property', severity: E, at: '"sourceId"', bad: { ...base, sourceId: null }, near: base },
  { code: 'missing-property', severity: E, at: '"selected"', bad: catalog(streamOf({ selected: null })), near: catalog(streamOf({})) },
  { code: 'missing-property', severity: E, at: '"streams"', bad: { ...base, syncCatalog: { streams: null } }, near: { ...base, syncCatalog: { streams: [] } } },
  { code: 'wrong-type', severity: W, at: '"{}"', bad: catalog(streamOf({}, { jsonSchema: '{}' })), near: catalog(streamOf({})) },
  { code: 'null-entry', severity: E, at: 'null', bad: { ...base, syncCatalog: { streams: [null] } }, near: { ...base, syncCatalog: { streams: [] } } },
  { code: 'coerced-value', severity: W, at: '"30"', bad: { ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'minutes', units: '30' } } }, near: { ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'minutes', units: 30 } } } },
  { code: 'coerced-array', severity: W, at: '"updated_at"', bad: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: 'updated_at' })), near: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'] })) },
  { code: 'coerced-array', severity: W, at: '"id"', bad: catalog(streamOf({ destinationSyncMode: 'append_dedup', syncMode: 'incremental', cursorField: ['updated_at'], primaryKey: ['id'] })), near: catalog(streamOf({ destinationSyncMode: 'append_dedup', syncMode: 'incremental', cursorField: ['updated_at'], primaryKey: [['id']] })) },
  { code: 'unknown-property', severity: W, at: '"destinationID"', bad: { sourceId: SOURCE, destinationId: DESTINATION, destinationID: DESTINATION, status: 'active' }, near: base },
  { code: 'duplicate-key', severity: W, at: '"status"', bad: '{"sourceId":"2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01","destinationId":"7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01","status":"inactive","status":"active"}', near: base, tag: DiagnosticTag.Unnecessary },
  { code: 'deprecated', severity: W, at: '"schedule"', bad: { ...base, schedule: { units: 1, timeUnit: 'hours' } }, near: { ...base, schedule: null }, tag: DiagnosticTag.Deprecated },
  { code: 'discover-response-pasted', severity: W, at: '"syncCatalog"', bad: { ...base, syncCatalog: { catalog: { streams: [] }, catalogId: SOURCE } }, near: { ...base, syncCatalog: { streams: [] } } },
  // connection
  { code: 'created-deprecated', severity: W, at: '"deprecated"', bad: { ...base, status: 'deprecated' }, near: { ...base, status: 'inactive' } },
  { code: 'same-source-destination', severity: E, at: `"${SOURCE}"`, bad: { ...base, destinationId: SOURCE }, near: base },
  { code: 'operation-ids-dropped', severity: W, at: '"operationIds"', bad: { ...base, operationIds: [WORKSPACE] }, near: { ...base, operationIds: [] }, tag: DiagnosticTag.Unnecessary },
  { code: 'schedule-units', severity: W, at: '0', bad: { ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 0 } } }, near: { ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 } } } },
  // schedule
  { code: 'schedule-conflict', severity: E, at: '"schedule"', bad: { ...base, schedule: { units: 1, timeUnit: 'hours' }, scheduleType: 'manual' }, near: { ...base, schedule: null, scheduleType: 'manual' } },
  { code: 'schedule-data-without-type', severity: W, at: '"scheduleData"', bad: { ...base, scheduleData: { cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'UTC' } } }, near: { ...base, scheduleData: null } },
  { code: 'schedule-data-ignored', severity: W, at: '"scheduleData"', bad: { ...base, scheduleType: 'manual', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 } } }, near: { ...base, scheduleType: 'manual', scheduleData: null } },
  { code: 'schedule-data-missing', severity: E, at: '"scheduleType"', bad: { ...base, scheduleType: 'basic' }, near: { ...base, scheduleType: 'manual' } },
  { code: 'basic-schedule-missing', severity: E, at: '"scheduleData"', bad: { ...base, scheduleType: 'basic', scheduleData: {} }, near: { ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 } } } },
  { code: 'cron-ignored', severity: W, at: '"cron"', bad: { ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 }, cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'UTC' } } }, near: { ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 } } } },
  { code: 'basic-schedule-ignored', severity: W, at: '"basicSchedule"', bad: { ...base, scheduleType: 'cron', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 }, cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'UTC' } } }, near: cron('0 0 12 * * ?') },
  { code: 'cron-missing', severity: E, at: '"scheduleData"', bad: { ...base, scheduleType: 'cron', scheduleData: {} }, near: cron('0 0 12 * * ?') },
  { code: 'invalid-cron', severity: E, at: '"0 12 * * *"', bad: cron('0 12 * * *'), near: cron('0 0 12 * * ? 2100') },
  { code: 'invalid-cron-time-zone', severity: E, at: '"Etc/UTC"', bad: cron('0 0 12 * * ?', 'Etc/UTC'), near: cron('0 0 12 * * ?', 'UTC') },
  // namespace
  { code: 'namespace-format-missing', severity: W, at: '"namespaceDefinition"', bad: { ...base, namespaceDefinition: 'customformat' }, near: { ...base, namespaceDefinition: 'customformat', namespaceFormat: 'raw_${SOURCE_NAMESPACE}' } },
  { code: 'namespace-format-ignored', severity: W, at: '"namespaceFormat"', bad: { ...base, namespaceDefinition: 'source', namespaceFormat: 'raw' }, near: { ...base, namespaceDefinition: 'source', namespaceFormat: '${SOURCE_NAMESPACE}' }, tag: DiagnosticTag.Unnecessary },
  { code: 'namespace-format-variable', severity: W, at: '"${STREAM_NAME}"', bad: { ...base, namespaceDefinition: 'customformat', namespaceFormat: '${STREAM_NAME}' }, near: { ...base, namespaceDefinition: 'customformat', namespaceFormat: '${SOURCE_NAMESPACE}' } },
  // catalog (document-level)
  { code: 'duplicate-stream', severity: W, at: '"orders"', bad: catalog(streamOf({}), streamOf({})), near: catalog(streamOf({}), streamOf({}, { name: 'customers' })) },
  { code: 'nothing-selected', severity: W, at: '"streams"', bad: catalog(streamOf({ selected: false })), near: catalog(streamOf({})) },
  // one stream
  { code: 'supported-sync-modes-missing', severity: E, at: '"stream"', bad: catalog(streamOf({}, { supportedSyncModes: null })), near: catalog(streamOf({ selected: false }, { supportedSyncModes: null }), streamOf({}, { name: 'b' })) },
  { code: 'sync-mode-unsupported', severity: W, at: '"incremental"', bad: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['id'] }, { supportedSyncModes: ['full_refresh'] })), near: catalog(streamOf({}, { supportedSyncModes: ['full_refresh'] })) },
  { code: 'sync-mode-pair', severity: W, at: '"append_dedup"', bad: catalog(streamOf({ destinationSyncMode: 'append_dedup', primaryKey: [['id']] })), near: catalog(streamOf({ destinationSyncMode: 'append' })) },
  { code: 'cursor-field-omitted', severity: E, at: '"incremental"', bad: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', ...fs([['id']]) }, { sourceDefinedCursor: true, defaultCursorField: ['id'] })), near: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: [], ...fs([['id']]) }, { sourceDefinedCursor: true, defaultCursorField: ['id'] })) },
  { code: 'cursor-missing', severity: W, at: '"incremental"', bad: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append' })), near: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'] })) },
  { code: 'cursor-ignored', severity: W, at: '["updated_at"]', bad: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'] }, { sourceDefinedCursor: true, defaultCursorField: ['id'] })), near: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['id'] }, { sourceDefinedCursor: true, defaultCursorField: ['id'] })), tag: DiagnosticTag.Unnecessary },
  { code: 'primary-key-omitted', severity: E, at: '"append_dedup"', bad: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', ...fs([['id'], ['updated_at']]) }, { sourceDefinedPrimaryKey: [['id']] })), near: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id']], ...fs([['id'], ['updated_at']]) }, { sourceDefinedPrimaryKey: [['id']] })) },
  { code: 'primary-key-empty-path', severity: E, at: '[[]]', bad: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [[]], ...fs([['id'], ['updated_at']]) })), near: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id']], ...fs([['id'], ['updated_at']]) })) },
  { code: 'primary-key-missing', severity: W, at: '"append_dedup"', bad: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup' })), near: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: ['id'] })) },
  { code: 'unknown-field', severity: W, at: '["modified"]', bad: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['modified'] })), near: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'] })) },
  // a nested path is checked segment by segment (`user` exists, `user.nope` does not)
  { code: 'unknown-field', severity: W, at: '["user","nope"]', bad: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['user', 'nope'] }, nested)), near: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['user', 'login'] }, nested)) },
  { code: 'unknown-field', severity: W, at: '[["id"],["user","nope"]]', bad: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id'], ['user', 'nope']] }, nested)), near: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id'], ['user', 'login']] }, nested)) },
  { code: 'selected-fields-ignored', severity: W, at: '"selectedFields"', bad: catalog(streamOf({ fieldSelectionEnabled: false, selectedFields: [{ fieldPath: ['id'] }] })), near: catalog(streamOf({ fieldSelectionEnabled: false, selectedFields: [] })), tag: DiagnosticTag.Unnecessary },
  { code: 'selected-fields-missing', severity: E, at: '"fieldSelectionEnabled"', bad: catalog(streamOf({ fieldSelectionEnabled: true })), near: catalog(streamOf(fs([['id']]))) },
  { code: 'selected-fields-no-properties', severity: E, at: '"fieldSelectionEnabled"', bad: catalog(streamOf(fs([['id']]), { jsonSchema: { type: 'object' } })), near: catalog(streamOf(fs([['id']]))) },
  { code: 'selected-field-empty', severity: E, at: '[]', bad: catalog(streamOf(fs([[]]))), near: catalog(streamOf(fs([['id']]))) },
  { code: 'selected-field-nested', severity: E, at: '["id","x"]', bad: catalog(streamOf(fs([['id', 'x']]))), near: catalog(streamOf(fs([['id']]))) },
  { code: 'selected-field-unknown', severity: E, at: '["nope"]', bad: catalog(streamOf(fs([['nope']]))), near: catalog(streamOf(fs([['id']]))) },
  { code: 'cursor-deselected', severity: E, at: '"selectedFields"', bad: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'], ...fs([['id']]) })), near: catalog(streamOf({ syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'], ...fs([['id'], ['updated_at']]) })) },
  { code: 'primary-key-deselected', severity: E, at: '"selectedFields"', bad: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id']], ...fs([['updated_at']]) })), near: catalog(streamOf({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id']], ...fs([['id'], ['updated_at']]) })) },
  // operations
  { code: 'operator-settings-missing', severity: E, at: '"dbt"', bad: op({ operatorType: 'dbt' }), near: op({ operatorType: 'dbt', dbt: { gitRepoUrl: 'https://github.com/o/r.git' } }) },
  { code: 'dbt-cloud-missing', severity: E, at: '"dbtCloud"', bad: op({ operatorType: 'webhook', webhook: { webhookType: 'dbtCloud' } }), near: op({ operatorType: 'webhook', webhook: { webhookType: 'dbtCloud', dbtCloud: { accountId: 1, jobId: 2 } } }) },
  { code: 'operator-settings-ignored', severity: W, at: '"dbt"', bad: op({ operatorType: 'normalization', normalization: { option: 'basic' }, dbt: { gitRepoUrl: 'x' } }), near: op({ operatorType: 'normalization', normalization: { option: 'basic' } }), tag: DiagnosticTag.Unnecessary },
  // resources
  { code: 'invalid-quantity', severity: W, at: '"2 GB"', bad: { ...base, resourceRequirements: { memory_limit: '2 GB' } }, near: { ...base, resourceRequirements: { memory_limit: '2Gi' } } },
  { code: 'request-above-limit', severity: W, at: '"2"', bad: { ...base, resourceRequirements: { cpu_request: '2', cpu_limit: '500m' } }, near: { ...base, resourceRequirements: { cpu_request: '250m', cpu_limit: '500m' } } },
];

async function diagnose(body: Body | string) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const document = TextDocument.create('file:///t.connection.json', 'airbyte-connection', 1, text);
  return (await validateConnection(service, document)).map((d) => ({ ...d, at: text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)) }));
}

describe('every diagnostic, both directions', () => {
  for (const row of ROWS) {
    it(`${row.code} at ${row.at.slice(0, 30)}`, async () => {
      const found = (await diagnose(row.bad)).filter((d) => d.code === row.code);
      assert.equal(found.length, 1, JSON.stringify(found.map((d) => [d.at, d.message])));
      assert.equal(found[0].at, row.at);
      assert.equal(found[0].severity, row.severity, found[0].message);
      if (row.tag) assert.ok(found[0].tags?.includes(row.tag), `${row.code} is tagged ${row.tag}`);
      const near = await diagnose(row.near);
      assert.deepEqual(near.filter((d) => d.code === row.code).map((d) => d.message), []);
      assert.deepEqual(near.filter((d) => d.severity === E).map((d) => `${d.code}: ${d.message}`), []);
    });
  }

  it('body-too-large: over 10 MiB as sent is a 413, just under is fine', async () => {
    const big = (n: number) => JSON.stringify({ ...base, name: 'n'.repeat(n) });
    const over = await diagnose(big(10 * 1024 * 1024));
    assert.deepEqual(over.filter((d) => d.code === 'body-too-large').map((d) => d.severity), [E]);
    assert.match(over.find((d) => d.code === 'body-too-large')!.message, /413.*max-request-size/);
    const under = await diagnose(big(10 * 1024 * 1024 - 200));
    assert.deepEqual(under.filter((d) => d.code === 'body-too-large'), []);
  });

  it("operation-workspace: only with the source's workspace known, and only when it differs", () => {
    const parse = (body: Body) => service.parseJSONDocument(TextDocument.create('file:///t.json', 'json', 1, JSON.stringify(body))).root!;
    const other = '0f4c2a1e-3b5d-4e6f-9a7b-8c9d0e1f2a3b';
    const body = op({ operatorType: 'normalization', normalization: { option: 'basic' } });
    const codes = (server?: { sourceWorkspaceId?: string }) => runRules({ root: parse(body), server }).map((p) => [p.code, p.severity]);
    assert.deepEqual(codes({ sourceWorkspaceId: other }), [['operation-workspace', 'error']]);
    assert.deepEqual(codes({ sourceWorkspaceId: WORKSPACE }), []);
    assert.deepEqual(codes(), []);
  });
});

/**
 * The body with every stream's JSON schema made large, so the incremental path reads it without
 * a tree; `schemaFirst` moves it before the stream's other fields, whose offsets then move too.
 */
function withLargeSchemas(body: Body | string, schemaFirst: boolean): string {
  if (typeof body === 'string') return body;
  const copy = JSON.parse(JSON.stringify(body)) as Body;
  const streams = (copy.syncCatalog as { streams?: unknown } | undefined)?.streams;
  for (const entry of Array.isArray(streams) ? streams : []) {
    const stream = (entry as { stream?: Body } | null)?.stream;
    const schema = stream?.jsonSchema;
    if (!stream || !schema || typeof schema !== 'object' || Array.isArray(schema)) continue;
    (schema as Body).description = 'A discovered stream. '.repeat(40);
    if (schemaFirst) (entry as { stream: Body }).stream = { jsonSchema: schema, ...stream };
  }
  return JSON.stringify(copy, null, 2);
}

describe('the incremental path gives every row the same diagnostics as a fresh open', () => {
  it('with large stream schemas read without a syntax tree', async () => {
    let skeletons = 0;
    for (const row of ROWS) {
      for (const text of [row.bad, row.near].flatMap((body) => [withLargeSchemas(body, false), withLargeSchemas(body, true)])) {
        const layout = scanLayout(text);
        for (let i = 0; i < (layout?.starts.length ?? 0); i++) if (entrySkeleton(text.slice(layout!.starts[i], layout!.ends[i]), layout!.places[i])) skeletons++;
        const fresh = await validateConnection(service, TextDocument.create('file:///t.connection.json', 'airbyte-connection', 1, text));
        const incremental = await new IncrementalValidation(service, 'file:///t.connection.json', 1, text).diagnostics();
        assert.deepEqual(incremental, fresh, `${row.code}: ${text.slice(0, 200)}`);
      }
    }
    assert.ok(skeletons > 80, `${skeletons} entries were read without a tree`);
  });
});
