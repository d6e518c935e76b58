// core/catalog: the initial config of New Connection File (as the v0.44.3 web app chooses it),
// the file it writes (no errors, no warnings), file names, the merge of a new discovery, and
// field paths read from a stream's schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { connectionFileBaseName, freeConnectionFileName, slug } from '../../core/catalog/fileName';
import { describeType, fieldAt, listFieldPaths } from '../../core/catalog/fieldPaths';
import { initialStreamConfig } from '../../core/catalog/initialConfig';
import { describeMergeSummary, mergeDiscoveredCatalog, singleEdit } from '../../core/catalog/mergeCatalog';
import { newConnectionBody } from '../../core/catalog/newConnectionBody';
import { streamKey, type DestinationSyncMode, type DiscoveredCatalog } from '../../core/catalog/types';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { validateConnection } from '../../core/language/validateConnection';
import { catalogWithDefaults } from '../../local-airbyte/catalogDefaults';
import { seedCatalogs } from '../../local-airbyte/seed/catalogs';
import { seedDestinationDefinitionSpecs } from '../../local-airbyte/seed/destinationDefinitions';
import { seedDestinations } from '../../local-airbyte/seed/destinations';
import { seedSources } from '../../local-airbyte/seed/sources';
import { SEED_IDS } from '../../local-airbyte/seed';

const ALL: DestinationSyncMode[] = ['overwrite', 'append', 'append_dedup'];
const discovery = (sourceId: string, changed = false): DiscoveredCatalog => {
  const seed = seedCatalogs().find((c) => c.sourceId === sourceId)!;
  return catalogWithDefaults(changed ? seed.changed!.streams : seed.streams) as DiscoveredCatalog;
};

describe('initial stream config (calculateInitialCatalog, create mode)', () => {
  const stripe = discovery(SEED_IDS.sources.stripe).streams[0];
  const postgres = discovery(SEED_IDS.sources.postgres).streams[0];

  it('picks incremental + append_dedup with a source-defined cursor and primary key', () => {
    const config = initialStreamConfig(stripe, ALL, true);
    assert.equal(config.syncMode, 'incremental');
    assert.equal(config.destinationSyncMode, 'append_dedup');
    assert.deepEqual(config.cursorField, ['created']);
    assert.deepEqual(config.primaryKey, [['id']]);
    assert.equal(config.selected, true);
    assert.equal(config.aliasName, 'charges');
  });
  it('falls back to full_refresh + overwrite without a source-defined cursor', () => {
    const config = initialStreamConfig(postgres, ALL, false);
    assert.deepEqual([config.syncMode, config.destinationSyncMode, config.selected], ['full_refresh', 'overwrite', false]);
    assert.deepEqual(config.primaryKey, [['id']]);
  });
  it('then incremental + append, then full_refresh + append, as the destination allows', () => {
    assert.deepEqual(pick(initialStreamConfig(stripe, ['append'], true)), ['incremental', 'append']);
    assert.deepEqual(pick(initialStreamConfig({ stream: { ...stripe.stream, supportedSyncModes: ['full_refresh'] } }, ['append'], true)), ['full_refresh', 'append']);
    assert.deepEqual(pick(initialStreamConfig(stripe, ['overwrite', 'append'], true)), ['full_refresh', 'overwrite']);
  });
  it('treats a stream without supported sync modes as full_refresh only', () => {
    const bare = { stream: { name: 'x', jsonSchema: {} } };
    assert.deepEqual(pick(initialStreamConfig(bare, ['append_dedup', 'append'], true)), ['full_refresh', 'append']);
  });
  const pick = (c: { syncMode?: string; destinationSyncMode?: string }) => [c.syncMode, c.destinationSyncMode];
});

describe('new connection file', () => {
  const service = createConnectionLanguageService();
  const specs = seedDestinationDefinitionSpecs();

  it('has no errors and no warnings for every seeded source and destination, streams copied exactly', async () => {
    for (const source of seedSources().filter((s) => s.sourceId !== SEED_IDS.sources.salesforce)) {
      for (const destination of seedDestinations()) {
        const catalog = discovery(source.sourceId);
        const modes = specs.find((s) => s.destinationDefinitionId === destination.destinationDefinitionId)!.supportedDestinationSyncModes;
        const picked = new Set([streamKey(catalog.streams[0].stream)]);
        const body = newConnectionBody({ source, destination, catalog, catalogId: 'c4a7e1d2-0b3f-4a5c-8d6e-9f0a1b2c3d01', supportedDestinationSyncModes: modes, pickedStreams: picked });
        const text = `${JSON.stringify(body, null, 2)}\n`;
        const diagnostics = await validateConnection(service, TextDocument.create('file:///n.connection.json', 'airbyte-connection', 1, text));
        assert.deepEqual(diagnostics.map((d) => `${String(d.code)}: ${d.message}`), [], `${source.name} -> ${destination.name}`);
        const streams = (body.syncCatalog as DiscoveredCatalog).streams;
        assert.deepEqual(streams.map((s) => s.stream), catalog.streams.map((s) => s.stream));
        assert.deepEqual(streams.map((s) => s.config?.selected), catalog.streams.map((_, i) => i === 0));
      }
    }
  });
  it('carries the web app’s defaults for name, schedule, namespace and non-breaking changes', () => {
    const body = newConnectionBody({
      source: { sourceId: 's', name: 'Stripe' },
      destination: { destinationId: 'd', name: 'Local JSON' },
      catalog: discovery(SEED_IDS.sources.stripe),
      supportedDestinationSyncModes: ALL,
      pickedStreams: new Set(),
    });
    assert.equal(body.name, 'Stripe <> Local JSON');
    assert.equal(body.scheduleType, 'basic');
    assert.deepEqual(body.scheduleData, { basicSchedule: { units: 24, timeUnit: 'hours' } });
    assert.equal(body.namespaceDefinition, 'destination');
    assert.equal(body.nonBreakingChangesPreference, 'ignore');
    assert.equal(body.status, 'active');
  });
});

describe('file names', () => {
  it('slugs names', () => {
    assert.equal(slug('Postgres — orders db'), 'postgres-orders-db');
    assert.equal(slug('Café  Ünicode!!'), 'cafe-unicode');
    assert.equal(slug('———', 'source'), 'source');
    assert.equal(connectionFileBaseName('Stripe', 'Snowflake — analytics'), 'stripe-to-snowflake-analytics');
  });
  it('never picks an existing name', async () => {
    const taken = new Set(['a.connection.json', 'a-2.connection.json']);
    assert.equal(await freeConnectionFileName('a', async (n) => taken.has(n)), 'a-3.connection.json');
    assert.equal(await freeConnectionFileName('b', async (n) => taken.has(n)), 'b.connection.json');
  });
});

describe('field paths', () => {
  const products = discovery(SEED_IDS.sources.shopApi).streams[0].stream.jsonSchema;
  it('lists top-level and nested properties with their types', () => {
    const paths = listFieldPaths(products).map((f) => `${f.path.join('.')}: ${f.type}`);
    assert.ok(paths.includes('id: integer | null'), paths.join('\n'));
    assert.ok(paths.includes('dimensions: object | null'));
    assert.ok(paths.includes('dimensions.width: number | null'));
    assert.ok(paths.includes('list_price.currency: string | null'));
    assert.ok(paths.includes('updated_at: string (date-time) | null'));
  });
  it('finds a path or says it is missing', () => {
    assert.ok(fieldAt(products, ['dimensions', 'height']));
    assert.equal(fieldAt(products, ['dimensions', 'depth']), undefined);
    assert.equal(fieldAt(products, []), undefined);
    assert.equal(describeType({ type: 'number', airbyte_type: 'integer' }), 'integer');
    assert.equal(describeType({ type: 'string', format: 'date-time', airbyte_type: 'timestamp_with_timezone' }), 'string (date-time)');
  });
});

describe('merge of a new discovery', () => {
  const v1 = discovery(SEED_IDS.sources.shopApi);
  const v2 = discovery(SEED_IDS.sources.shopApi, true);
  const file = () => {
    const body = newConnectionBody({
      source: { sourceId: SEED_IDS.sources.shopApi, name: 'Shop API' },
      destination: { destinationId: SEED_IDS.destinations.sandboxJson, name: 'Local JSON' },
      catalog: v1,
      catalogId: SEED_IDS.catalogs.shopApi,
      supportedDestinationSyncModes: ['overwrite', 'append'],
      pickedStreams: new Set(v1.streams.map((s) => streamKey(s.stream))),
    });
    const streams = (body.syncCatalog as DiscoveredCatalog).streams;
    // The user's own choices on products: incremental on updated_at, a nested selected field.
    Object.assign(streams[0].config!, { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'], primaryKey: [['id'], ['dimensions', 'height']], aliasName: 'shop_products' });
    return `${JSON.stringify(body, null, 2)}\n`;
  };

  it('keeps configs, replaces stream parts, adds new streams unselected, leaves removed ones and reports missing paths', () => {
    const before = file();
    const result = mergeDiscoveredCatalog({ text: before, catalog: v2, catalogId: SEED_IDS.catalogs.shopApiChanged, supportedDestinationSyncModes: ['overwrite', 'append'] });
    assert.ok(result.ok);
    const merged = JSON.parse(result.text);
    const oldStreams = JSON.parse(before).syncCatalog.streams;
    const names = merged.syncCatalog.streams.map((s: any) => s.stream.name);
    assert.deepEqual(names, ['products', 'customers', 'reviews', 'inventory']);
    assert.deepEqual(merged.syncCatalog.streams[0].config, oldStreams[0].config);
    assert.deepEqual(merged.syncCatalog.streams[0].stream, v2.streams[0].stream);
    assert.deepEqual(merged.syncCatalog.streams[2], oldStreams[2], 'the removed stream is left as it was');
    assert.equal(merged.syncCatalog.streams[3].config.selected, false);
    assert.equal(merged.sourceCatalogId, SEED_IDS.catalogs.shopApiChanged);
    assert.deepEqual(result.summary.added, ['inventory']);
    assert.deepEqual(result.summary.changed, ['products']);
    assert.deepEqual(result.summary.removed, ['reviews']);
    assert.equal(result.summary.unchanged, 1);
    assert.deepEqual(result.summary.missingPaths, [{ stream: 'products', field: 'cursorField', path: 'updated_at' }]);
    assert.match(describeMergeSummary(result.summary), /1 added \(inventory, unselected\), 1 changed \(products\), 1 removed \(reviews: no longer discovered, left in the file\); 1 unchanged\. Fields no longer in the schema: products cursorField updated_at\./);
  });
  it('changes nothing when the discovery is the same', () => {
    const before = file();
    const result = mergeDiscoveredCatalog({ text: before, catalog: v1, catalogId: SEED_IDS.catalogs.shopApi, supportedDestinationSyncModes: ALL });
    assert.ok(result.ok);
    assert.equal(result.text, before);
  });
  it('refuses a file that is not JSON, and adds a catalog to a file without one', () => {
    assert.equal(mergeDiscoveredCatalog({ text: '{ "sourceId": ', catalog: v1, supportedDestinationSyncModes: ALL }).ok, false);
    const result = mergeDiscoveredCatalog({ text: '{\n  "sourceId": "x"\n}\n', catalog: v1, supportedDestinationSyncModes: ALL });
    assert.ok(result.ok);
    assert.equal(JSON.parse(result.text).syncCatalog.streams.length, 3);
  });
  it('turns the merge into one edit', () => {
    assert.deepEqual(singleEdit('abcXYZdef', 'abc123def'), { offset: 3, length: 3, text: '123' });
    assert.deepEqual(singleEdit('same', 'same'), { offset: 4, length: 0, text: '' });
  });
});

describe('field-path completion and hover', () => {
  const service = createConnectionLanguageService();
  const text = JSON.stringify(
    {
      syncCatalog: {
        streams: [
          {
            stream: {
              name: 'issues',
              jsonSchema: { type: 'object', properties: { id: { type: ['null', 'integer'] }, updated_at: { type: 'string', format: 'date-time' }, user: { type: 'object', properties: { login: { type: 'string' } } } } },
              sourceDefinedCursor: true,
              defaultCursorField: ['updated_at'],
              sourceDefinedPrimaryKey: [['id']],
            },
            config: { cursorField: ['updated_at'], primaryKey: [['id'], []], selectedFields: [{ fieldPath: ['user', 'login'] }, { fieldPath: ['nope'] }] },
          },
        ],
      },
    },
    null,
    2,
  );
  const document = TextDocument.create('file:///f.connection.json', 'airbyte-connection', 1, text);
  const json = service.parseJSONDocument(document);
  const at = (needle: string, delta = 1) => text.indexOf(needle) + delta;

  it('completes the stream’s own field paths, nested ones included, replacing the whole path', async () => {
    const { fieldPathCompletions, streamEntryAt } = await import('../../core/catalog/fieldPathAssist');
    const offset = at('"cursorField": [', '"cursorField": ['.length);
    const items = fieldPathCompletions(streamEntryAt(json.root, offset)!, offset)!;
    assert.deepEqual(items.map((i) => i.label), ['id', 'updated_at', 'user', 'user.login']);
    const login = items.find((i) => i.label === 'user.login')!;
    assert.equal(login.insertText, '["user", "login"]');
    assert.equal(login.detail, 'string');
    assert.deepEqual(JSON.parse(text.slice(login.replaceStart, login.replaceEnd)), ['updated_at']);
    assert.equal(items.find((i) => i.label === 'updated_at')!.detail, "string (date-time) · the source's cursor (source-defined)");
    // The empty primary key and the outer primary key array are completion places too.
    const emptyKey = text.indexOf('[]', text.indexOf('"primaryKey"')) + 1;
    assert.ok(fieldPathCompletions(streamEntryAt(json.root, emptyKey)!, emptyKey)?.length);
    // Elsewhere in the entry: not a field-path place.
    const name = at('"issues"');
    assert.equal(fieldPathCompletions(streamEntryAt(json.root, name)!, name), undefined);
  });
  it('hovers a path with its type and role, or says it is missing', async () => {
    const { fieldPathHover, streamEntryAt } = await import('../../core/catalog/fieldPathAssist');
    const hover = (needle: string, from = 0) => {
      const offset = text.indexOf(needle, from) + 2;
      return fieldPathHover(streamEntryAt(json.root, offset)!, offset);
    };
    assert.equal(hover('"id"', text.indexOf('"primaryKey"')), "**`id`**: integer | null — the source's primary key");
    assert.equal(hover('"login"', text.indexOf('"selectedFields"')), '**`user.login`**: string');
    assert.equal(hover('"nope"'), "**`nope`** is not a field of this stream's `jsonSchema`.");
  });
});
