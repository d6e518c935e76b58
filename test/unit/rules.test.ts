// Airbyte's own rules, checked through the same validation the language server runs, without
// an editor: each problem has the right code, severity and place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { validateConnection } from '../../core/language/validateConnection';

const service = createConnectionLanguageService();
const SOURCE = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';
const base = { sourceId: SOURCE, destinationId: DESTINATION, status: 'active' };

async function problems(value: object) {
  const text = JSON.stringify(value, null, 2);
  const document = TextDocument.create('file:///t.connection.json', 'airbyte-connection', 1, text);
  const diagnostics = await validateConnection(service, document);
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, at: text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)) }));
}

function stream(name: string, config: object, extra: object = {}) {
  return {
    stream: { name, namespace: 'public', jsonSchema: { type: 'object', properties: { id: { type: 'integer' }, updated_at: { type: 'string' } } }, supportedSyncModes: ['full_refresh', 'incremental'], ...extra },
    config: { selected: true, ...config },
  };
}

describe('schedule rules', () => {
  it('accepts manual, basic and cron schedules written correctly', async () => {
    assert.deepEqual(await problems({ ...base, scheduleType: 'manual' }), []);
    assert.deepEqual(await problems({ ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 24 } } }), []);
    assert.deepEqual(await problems({ ...base, scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 2 * * ?', cronTimeZone: 'Europe/Berlin' } } }), []);
  });
  it('rejects a basic schedule without basicSchedule and a cron schedule without cron', async () => {
    const basic = await problems({ ...base, scheduleType: 'basic', scheduleData: {} });
    assert.deepEqual(basic.map((p) => [p.code, p.severity, p.at]), [['basic-schedule-missing', 1, '"scheduleData"']]);
    const cron = await problems({ ...base, scheduleType: 'cron', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 } } });
    assert.deepEqual(cron.map((p) => p.code).sort(), ['basic-schedule-ignored', 'cron-missing']);
  });
  it('explains a Unix cron with the Quartz form to use', async () => {
    const [p] = await problems({ ...base, scheduleType: 'cron', scheduleData: { cron: { cronExpression: '*/15 * * * *', cronTimeZone: 'UTC' } } });
    assert.equal(p.code, 'invalid-cron');
    assert.equal(p.at, '"*/15 * * * *"');
    assert.match(p.message, /6 or 7 fields|seconds/);
  });
  it('rejects the legacy schedule beside scheduleType (422), and warns about scheduleData without scheduleType', async () => {
    const both = await problems({ ...base, schedule: { timeUnit: 'hours', units: 1 }, scheduleType: 'manual' });
    assert.deepEqual(both.map((p) => [p.code, p.severity]), [['schedule-conflict', 1]]);
    const orphan = await problems({ ...base, scheduleData: { basicSchedule: { timeUnit: 'hours', units: 1 } } });
    assert.deepEqual(orphan.map((p) => [p.code, p.severity]), [['schedule-data-without-type', 2]]);
  });
});

describe('namespace rules', () => {
  it('warns about customformat without a format and a format that is ignored', async () => {
    assert.deepEqual((await problems({ ...base, namespaceDefinition: 'customformat' })).map((p) => p.code), ['namespace-format-missing']);
    assert.deepEqual((await problems({ ...base, namespaceDefinition: 'destination', namespaceFormat: 'raw' })).map((p) => p.code), ['namespace-format-ignored']);
    assert.deepEqual(await problems({ ...base, namespaceDefinition: 'customformat', namespaceFormat: '${SOURCE_NAMESPACE}_raw' }), []);
    assert.deepEqual((await problems({ ...base, namespaceDefinition: 'customformat', namespaceFormat: '${STREAM_NAME}' })).map((p) => p.code), ['namespace-format-variable']);
  });
});

describe('catalog rules', () => {
  it('accepts a well-formed incremental dedup stream', async () => {
    const ok = await problems({ ...base, syncCatalog: { streams: [stream('orders', { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id']] })] } });
    assert.deepEqual(ok, []);
  });
  it('warns (web-app rules the server does not apply) about a missing cursor, a missing primary key, and a mode pair the web app does not offer', async () => {
    const found = await problems({
      ...base,
      syncCatalog: {
        streams: [
          stream('a', { syncMode: 'incremental', destinationSyncMode: 'append' }),
          stream('b', { syncMode: 'full_refresh', destinationSyncMode: 'append_dedup', primaryKey: [['id']] }),
          stream('c', { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup' }),
        ],
      },
    });
    assert.deepEqual(found.map((p) => p.code).sort(), ['cursor-missing', 'primary-key-missing', 'sync-mode-pair']);
    assert.ok(found.every((p) => p.severity === 2));
  });
  it('checks field selection as Airbyte does', async () => {
    const found = await problems({
      ...base,
      syncCatalog: { streams: [stream('a', { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append', fieldSelectionEnabled: true, selectedFields: [{ fieldPath: ['id'] }, { fieldPath: ['nope'] }, { fieldPath: ['id', 'x'] }] })] },
    });
    assert.deepEqual(found.map((p) => p.code).sort(), ['cursor-deselected', 'selected-field-nested', 'selected-field-unknown']);
  });
  it('warns when nothing is selected and when a cursor names an unknown field', async () => {
    const none = await problems({ ...base, syncCatalog: { streams: [stream('a', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: false })] } });
    assert.deepEqual(none.map((p) => p.code), ['nothing-selected']);
    const unknown = await problems({ ...base, syncCatalog: { streams: [stream('a', { syncMode: 'incremental', cursorField: ['modified'], destinationSyncMode: 'append' })] } });
    assert.deepEqual(unknown.map((p) => [p.code, p.severity]), [['unknown-field', 2]]);
  });
  it('does not descend into a stream JSON schema for unknown properties', async () => {
    const found = await problems({ ...base, syncCatalog: { streams: [stream('a', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' }, { jsonSchema: { anything: { goes: true }, properties: { id: {} } } })] } });
    assert.deepEqual(found, []);
  });
});

describe('operations, resources and ids', () => {
  it('requires the settings object of the operator type', async () => {
    const found = await problems({ ...base, operations: [{ workspaceId: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6', name: 'dbt', operatorConfiguration: { operatorType: 'dbt', normalization: { option: 'basic' } } }] });
    assert.deepEqual(found.map((p) => p.code).sort(), ['operator-settings-ignored', 'operator-settings-missing']);
  });
  it('checks Kubernetes quantities', async () => {
    const found = await problems({ ...base, resourceRequirements: { cpu_request: '2', cpu_limit: '500m', memory_limit: '2 GB' } });
    assert.deepEqual(found.map((p) => p.code).sort(), ['invalid-quantity', 'request-above-limit']);
  });
  it('rejects ids that are not UUIDs and warns about unknown properties with a suggestion', async () => {
    const found = await problems({ ...base, sourceId: '42', destinationID: DESTINATION });
    const codes = found.map((p) => p.code);
    assert.ok(codes.includes('invalid-uuid'));
    const unknown = found.find((p) => p.code === 'unknown-property');
    assert.match(unknown!.message, /Did you mean `destinationId`\?/);
  });
  it('warns that creating a deprecated connection makes one that never syncs', async () => {
    assert.deepEqual((await problems({ ...base, status: 'deprecated' })).map((p) => [p.code, p.severity]), [['created-deprecated', 2]]);
  });
});
