// The standalone server over stdio, as an editor uses it: diagnostics at the right place with
// messages that say what is wrong and what is allowed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspTestClient, positionOf } from './lspTestClient';

const SOURCE = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';
let n = 0;
const uri = () => `file:///work/test-${++n}.connection.json`;

describe('diagnostics from the standalone server', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('accepts a valid connection with no problems', async () => {
    const u = uri();
    await client.open(u, JSON.stringify({ sourceId: SOURCE, destinationId: DESTINATION, status: 'active', scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'UTC' } } }, null, 2));
    assert.deepEqual(await client.diagnostics(u), []);
  });

  it('reports a missing required property and says what to add', async () => {
    const u = uri();
    await client.open(u, `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}" }`);
    const [d] = await client.diagnostics(u, (ds) => ds.length > 0);
    assert.equal(d.severity, 1);
    assert.match(d.message, /Missing required property "status"/);
    assert.match(d.message, /active/);
  });

  it('reports an unknown enum value at the value, with a suggestion', async () => {
    const u = uri();
    const text = `{\n  "sourceId": "${SOURCE}",\n  "destinationId": "${DESTINATION}",\n  "status": "actve"\n}`;
    await client.open(u, text);
    const ds = await client.diagnostics(u, (all) => all.length > 0);
    const d = ds.find((x) => /actve/.test(x.message));
    assert.ok(d, JSON.stringify(ds));
    assert.deepEqual(d.range.start, positionOf(text, '"actve"'));
    assert.match(d.message, /Did you mean "active"\?/);
    assert.match(d.message, /"inactive"/);
  });

  it('reports a malformed uuid as an error at the id', async () => {
    const u = uri();
    const text = `{ "sourceId": "not-a-uuid", "destinationId": "${DESTINATION}", "status": "active" }`;
    await client.open(u, text);
    const [d] = await client.diagnostics(u, (ds) => ds.length > 0);
    assert.equal(d.code, 'invalid-uuid');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range.start, positionOf(text, '"not-a-uuid"'));
  });

  it('warns about an unknown property with a did-you-mean', async () => {
    const u = uri();
    const text = `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}", "status": "active", "prefx": "raw_" }`;
    await client.open(u, text);
    const [d] = await client.diagnostics(u, (ds) => ds.length > 0);
    assert.equal(d.severity, 2);
    assert.match(d.message, /Did you mean `prefix`\?/);
    assert.deepEqual(d.range.start, positionOf(text, '"prefx"'));
  });

  it('reports a Unix cron and an Etc/ time zone as Airbyte would reject them', async () => {
    const u = uri();
    const text = JSON.stringify({ sourceId: SOURCE, destinationId: DESTINATION, status: 'active', scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 12 * * *', cronTimeZone: 'Etc/UTC' } } }, null, 2);
    await client.open(u, text);
    const ds = await client.diagnostics(u, (all) => all.length >= 2);
    const cron = ds.find((d) => d.code === 'invalid-cron');
    const zone = ds.find((d) => d.code === 'invalid-cron-time-zone');
    assert.ok(cron && zone, JSON.stringify(ds));
    assert.deepEqual(cron.range.start, positionOf(text, '"0 12 * * *"'));
    assert.deepEqual(zone.range.start, positionOf(text, '"Etc/UTC"'));
    assert.match(zone.message, /Etc/);
  });

  it('reports a cron schedule without scheduleData', async () => {
    const u = uri();
    const text = JSON.stringify({ sourceId: SOURCE, destinationId: DESTINATION, status: 'active', scheduleType: 'cron' });
    await client.open(u, text);
    const [d] = await client.diagnostics(u, (ds) => ds.length > 0);
    assert.equal(d.code, 'schedule-data-missing');
    assert.match(d.message, /scheduleData/);
  });

  it('reports stream problems: missing selected, dedup without a primary key, unsupported sync mode', async () => {
    const u = uri();
    const stream = (name: string, config: object) => ({ stream: { name, jsonSchema: { type: 'object', properties: { id: { type: 'integer' } } }, supportedSyncModes: ['full_refresh'] }, config });
    const text = JSON.stringify(
      {
        sourceId: SOURCE,
        destinationId: DESTINATION,
        status: 'active',
        syncCatalog: {
          streams: [
            stream('a', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' }),
            stream('b', { syncMode: 'incremental', destinationSyncMode: 'append_dedup', selected: true, cursorField: ['id'] }),
          ],
        },
      },
      null,
      2,
    );
    await client.open(u, text);
    const ds = await client.diagnostics(u, (all) => all.length >= 3);
    const codes = ds.map((d) => d.code);
    const selected = ds.find((d) => /Missing required property "selected"/.test(d.message));
    assert.ok(selected, JSON.stringify(ds));
    assert.match(selected.message, /500/);
    assert.ok(codes.includes('sync-mode-unsupported'), codes.join());
    assert.ok(codes.includes('primary-key-missing'), codes.join());
  });

  it('reports duplicate keys once, as a warning naming the key', async () => {
    const u = uri();
    const text = `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}", "status": "active", "status": "inactive" }`;
    await client.open(u, text);
    const ds = await client.diagnostics(u, (all) => all.length > 0);
    assert.ok(ds.every((d) => d.severity === 2), JSON.stringify(ds));
    assert.match(ds[0].message, /Duplicate key "status"/);
  });

  it('follows edits: a fixed file clears its diagnostics', async () => {
    const u = uri();
    await client.open(u, `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}" }`);
    await client.diagnostics(u, (ds) => ds.length > 0);
    await client.change(u, `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}", "status": "active" }`);
    assert.deepEqual(await client.diagnostics(u, (ds) => ds.length === 0), []);
  });

  it('serves any language id when the URI ends in .connection.json, and ignores other files', async () => {
    const u = uri();
    await client.open(u, '{ }', 'plaintext');
    const ds = await client.diagnostics(u, (all) => all.length > 0);
    assert.ok(ds.some((d) => /sourceId/.test(d.message)));
    const other = 'file:///work/package.json';
    await client.open(other, '{ "x": ');
    const completion = await client.completion(other, 0, 6);
    assert.equal(completion, null);
  });
});
