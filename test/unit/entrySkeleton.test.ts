// A stream's large `jsonSchema`: found by the layout scan, read from its text and replaced by
// `{}` in the text the parser sees, with offsets moved back; anything unclear keeps the entry whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanLayout, updateLayout } from '../../core/language/catalogLayout';
import { entryOffset, entrySkeleton } from '../../core/language/entrySkeleton';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { IncrementalValidation } from '../../core/language/incrementalValidation';
import { validateConnection } from '../../core/language/validateConnection';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { discoveredCatalog, random } from '../bench/discoveredCatalog';

const properties = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field_${i}`, { type: ['null', 'string'], description: `Field ${i} with "quotes", {braces} and [brackets] \\ and ünïcode` }]));
const schema = { type: 'object', properties };
const entry = (stream: Record<string, unknown> = {}, config: Record<string, unknown> = { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true }) =>
  JSON.stringify({ stream: { name: 'orders', jsonSchema: schema, supportedSyncModes: ['full_refresh'], ...stream }, config }, null, 2);
const file = (...entries: string[]) => `{"sourceId":"s","syncCatalog":{"streams":[${entries.join(',')}]}}`;

/** The schema range the layout gives the only entry of a file holding `entryText`. */
function schemaRange(entryText: string): { start: number; end: number } {
  const layout = scanLayout(file(entryText))!;
  assert.ok(layout, 'the file has a layout');
  return { start: layout.places[0].schemaStart, end: layout.places[0].schemaEnd };
}

describe('a stream entry read without its jsonSchema tree', () => {
  it('the layout finds the jsonSchema object of each entry', () => {
    const text = entry();
    const { start, end } = schemaRange(text);
    assert.deepEqual(JSON.parse(text.slice(start, end)), schema);
    assert.equal(text.slice(start - '"jsonSchema": '.length, start), '"jsonSchema": ');
  });

  it('the layout is not misled by strings that look like keys, other keys named jsonSchema, or nesting', () => {
    const text = entry({ name: 'a "jsonSchema": {', namespace: '}]', defaultCursorField: [['x']] }, { jsonSchema: { type: 'object' }, selected: true, nested: { stream: { jsonSchema: {} } } });
    const { start, end } = schemaRange(text);
    assert.deepEqual(JSON.parse(text.slice(start, end)), schema);
  });

  it('the layout notes where the stream name and namespace are', () => {
    const text = entry({ namespace: 'public', name: 'a \\"quoted\\" name' });
    const { places } = scanLayout(file(text))!;
    assert.equal(text.slice(places[0].nameStart, places[0].nameEnd), JSON.stringify('a \\"quoted\\" name'));
    assert.equal(text.slice(places[0].namespaceStart, places[0].namespaceEnd), '"public"');
    const unnamed = scanLayout(file(entry({ name: 42, namespace: undefined })))!.places[0];
    assert.deepEqual([unnamed.nameStart, unnamed.namespaceStart], [-1, -1]);
  });

  it('the layout gives no range when it is unclear which jsonSchema the parser keeps, or there is none', () => {
    const cases: Record<string, string> = {
      'jsonSchema not an object': entry({ jsonSchema: JSON.stringify(schema) }),
      'no jsonSchema': entry({ jsonSchema: undefined }),
      'a duplicated stream key': entry().replace(/\}$/, `, "stream": ${JSON.stringify({ name: 'x', jsonSchema: schema })}}`),
      'a duplicated jsonSchema key': entry().replace('"supportedSyncModes"', `"jsonSchema": ${JSON.stringify(schema)}, "supportedSyncModes"`),
      'an escaped jsonSchema key': entry().replace('"jsonSchema"', '"json\\u0053chema"'),
      'an escaped key beside stream': entry().replace('"config"', '"con\\u0066ig"'),
    };
    for (const [name, text] of Object.entries(cases)) assert.deepEqual(schemaRange(text), { start: -1, end: -1 }, name);
  });

  it('asked to, the layout measures each schema in passing; one it cannot vouch for is still found, unmeasured', () => {
    const duplicated = entry().replace('"field_3": {', '"field_5": 1, "field_3": {');
    const broken = entry().replace('"field_3": {', '"field_3": {,');
    const text = file(entry(), duplicated, broken);
    const skipped = scanLayout(text)!;
    const measured = scanLayout(text, 'measure')!;
    assert.deepEqual(
      measured.places.map((p) => p.schemaBytes),
      [Buffer.byteLength(JSON.stringify(schema)), -1, -1],
    );
    assert.deepEqual({ ...measured, places: measured.places.map((p) => ({ ...p, schemaBytes: -1 })) }, skipped, 'the same layout otherwise');
    assert.ok(measured.places.every((p) => p.schemaStart > 0));
    const edited = text.replace('"field_3": {,', '"field_3": {');
    const at = text.indexOf('{,', measured.starts[2]) + 1;
    const { layout: updated } = updateLayout(measured, { length: edited.length, slice: (a, b) => edited.slice(a, b), getText: () => edited }, at, at + 1, 0, 'measure');
    assert.equal(updated!.places[2].schemaBytes, Buffer.byteLength(JSON.stringify(schema)), 'the edited entry is measured again');
  });

  it('an edit inside an entry updates its range', () => {
    const text = file(entry(), entry());
    const layout = scanLayout(text)!;
    const at = text.indexOf('"orders"', layout.starts[1]) + 1;
    const edited = text.slice(0, at) + 'new_' + text.slice(at);
    const { layout: updated, changedEntry } = updateLayout(layout, { length: edited.length, slice: (a, b) => edited.slice(a, b), getText: () => edited }, at, at, 4);
    assert.equal(changedEntry, 1);
    assert.deepEqual(updated, scanLayout(edited));
  });

  it('the skeleton replaces exactly that object by {}, and moves its offsets back to the entry', () => {
    const text = entry();
    const { start, end } = schemaRange(text);
    const skeleton = entrySkeleton(text, { schemaStart: start, schemaEnd: end })!;
    assert.equal(skeleton.text, text.slice(0, start) + '{}' + text.slice(end));
    assert.deepEqual(skeleton.jsonSchema.value(), schema);
    assert.equal(skeleton.jsonSchema.bytes(), Buffer.byteLength(JSON.stringify(schema)));
    assert.ok(skeleton.jsonSchema.fields().has(['field_29']) && !skeleton.jsonSchema.fields().has(['field_30']));
    const modes = skeleton.text.indexOf('"supportedSyncModes"');
    assert.equal(entryOffset(skeleton, modes), text.indexOf('"supportedSyncModes"'));
    assert.equal(entryOffset(skeleton, skeleton.at), start);
    assert.equal(entryOffset(skeleton, skeleton.at + 2), end, 'the end of {} is the end of the schema');
    assert.equal(entryOffset(skeleton, 5), 5);
  });

  it('no skeleton for a small schema, a schema JSON.parse refuses, or no range', () => {
    const small = entry({ jsonSchema: { type: 'object' } });
    const range = schemaRange(small);
    assert.equal(entrySkeleton(small, { schemaStart: range.start, schemaEnd: range.end }), undefined);
    const broken = entry().replace('"field_3": {', '"field_3": {,');
    const brokenRange = schemaRange(broken);
    assert.ok(brokenRange.start >= 0, 'the scan still finds it');
    assert.equal(entrySkeleton(broken, { schemaStart: brokenRange.start, schemaEnd: brokenRange.end }), undefined);
    assert.equal(entrySkeleton(entry(), { schemaStart: -1, schemaEnd: -1 }), undefined);
  });

  it('a schema the measure leaves to JSON.parse (a duplicate key) is parsed, and answers the same', () => {
    const duplicated = entry().replace('"field_3": {', '"field_5": 1, "field_3": {');
    const { start, end } = schemaRange(duplicated);
    const skeleton = entrySkeleton(duplicated, { schemaStart: start, schemaEnd: end })!;
    const value = JSON.parse(duplicated.slice(start, end)) as unknown;
    assert.deepEqual(skeleton.jsonSchema.value(), value);
    assert.equal(skeleton.jsonSchema.bytes(), Buffer.byteLength(JSON.stringify(value)));
    assert.ok(skeleton.jsonSchema.fields().has(['field_5']));
  });

  it('a file whose entries were edited anywhere outside their schemas gets the diagnostics of the whole-file path', async () => {
    // Random edits of the parts the skeleton keeps (keys, values, punctuation, line breaks and
    // indentation), each checked against validateConnection, which builds the whole tree.
    const service = createConnectionLanguageService();
    const base = discoveredCatalog(6);
    const layout = scanLayout(base, 'measure')!;
    const next = random(42);
    const inserts = ['', ' ', '\n', '\r\n  ', '"', ',', ':', '{', '}', '[', ']', 'x', '1', 'true', '\n   ', '\t'];
    let throughLayout = 0;
    for (let k = 0; k < 1000; k++) {
      const e = Math.floor(next() * layout.starts.length);
      const { schemaStart, schemaEnd } = layout.places[e];
      let at: number;
      do at = layout.starts[e] + Math.floor(next() * (layout.ends[e] - layout.starts[e]));
      while (at >= layout.starts[e] + schemaStart && at < layout.starts[e] + schemaEnd);
      const text = base.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + base.slice(at + Math.floor(next() * 3));
      if (scanLayout(text)) throughLayout++;
      const whole = await validateConnection(service, TextDocument.create('file:///t.connection.json', 'airbyte-connection', 1, text));
      assert.deepEqual(await new IncrementalValidation(service, 'file:///t.connection.json', 1, text).diagnostics(), whole, `edit ${k} at ${at}`);
    }
    assert.ok(throughLayout > 500, 'most edits keep the entry-by-entry path');
  });
});
