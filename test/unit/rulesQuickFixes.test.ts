// The quick fixes of this diagnostics, applied to the text: canonical forms of what the
// mapper coerces, `schedule` removed when both schedules are given, a pasted discover answer
// lifted into place. Each fixed body then has no diagnostic of that kind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { validateConnection } from '../../core/language/validateConnection';
import { quickFixes } from '../../server/src/codeActions';

const service = createConnectionLanguageService();
const base = { sourceId: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01', destinationId: '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01', status: 'active' };
const stream = (config: object) => ({ stream: { name: 'orders', jsonSchema: { properties: { id: {}, updated_at: {} } }, supportedSyncModes: ['full_refresh', 'incremental'] }, config: { selected: true, ...config } });

async function fix(body: object, code: string): Promise<{ title: string; text: string; codesAfter: string[] }> {
  const text = JSON.stringify(body, null, 2);
  const document = TextDocument.create('file:///f.connection.json', 'airbyte-connection', 1, text);
  const diagnostics = (await validateConnection(service, document)).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, code);
  const [action] = quickFixes(document, diagnostics);
  assert.ok(action, `a quick fix for ${code}`);
  const fixed = TextDocument.applyEdits(document, action.edit!.changes![document.uri]);
  const after = await validateConnection(service, TextDocument.create('file:///f.connection.json', 'airbyte-connection', 2, fixed));
  return { title: action.title, text: fixed, codesAfter: after.map((d) => String(d.code)) };
}

describe('quick fixes', () => {
  it('"units": "30" becomes 30', async () => {
    const result = await fix({ ...base, scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'minutes', units: '30' } } }, 'coerced-value');
    assert.equal(result.title, 'Change to 30');
    assert.equal(JSON.parse(result.text).scheduleData.basicSchedule.units, 30);
    assert.deepEqual(result.codesAfter, []);
  });
  it('"primaryKey": ["id"] becomes [["id"]] and "cursorField": "updated_at" becomes ["updated_at"]', async () => {
    const pk = await fix({ ...base, syncCatalog: { streams: [stream({ syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: ['id'] })] } }, 'coerced-array');
    assert.deepEqual(JSON.parse(pk.text).syncCatalog.streams[0].config.primaryKey, [['id']]);
    assert.deepEqual(pk.codesAfter, []);
    const cursor = await fix({ ...base, syncCatalog: { streams: [stream({ syncMode: 'incremental', cursorField: 'updated_at', destinationSyncMode: 'append' })] } }, 'coerced-array');
    assert.deepEqual(JSON.parse(cursor.text).syncCatalog.streams[0].config.cursorField, ['updated_at']);
  });
  it('removes `schedule` when scheduleType is given too', async () => {
    const result = await fix({ ...base, schedule: { units: 1, timeUnit: 'hours' }, scheduleType: 'manual' }, 'schedule-conflict');
    assert.equal(result.title, 'Remove "schedule"');
    assert.deepEqual(JSON.parse(result.text), { ...base, scheduleType: 'manual' });
    const last = await fix({ ...base, scheduleType: 'manual', schedule: { units: 1, timeUnit: 'hours' } }, 'schedule-conflict');
    assert.deepEqual(JSON.parse(last.text), { ...base, scheduleType: 'manual' });
  });
  it('lifts catalog.streams of a pasted discover answer into syncCatalog.streams', async () => {
    const streams = [stream({ syncMode: 'full_refresh', destinationSyncMode: 'append' })];
    const result = await fix({ ...base, syncCatalog: { catalog: { streams }, jobInfo: { id: 'x' }, catalogId: 'c4a7e1d2-0b3f-4a5c-8d6e-9f0a1b2c3d01' } }, 'discover-response-pasted');
    assert.deepEqual(JSON.parse(result.text).syncCatalog, { streams });
    assert.deepEqual(result.codesAfter, []);
  });
});
