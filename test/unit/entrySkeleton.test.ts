// A stream entry's large `jsonSchema` is blanked out (same length, every other offset kept) and
// read by JSON.parse; anything the tree must see as written keeps the entry whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryOffset, entrySkeleton } from '../../core/language/entrySkeleton';

const properties = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field_${i}`, { type: ['null', 'string'], description: `Field ${i} with "quotes", {braces} and [brackets] \\ and ünïcode` }]));
const schema = { type: 'object', properties };
const entry = (stream: Record<string, unknown> = {}, config: Record<string, unknown> = { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true }) =>
  JSON.stringify({ stream: { name: 'orders', jsonSchema: schema, supportedSyncModes: ['full_refresh'], ...stream }, config }, null, 2);

describe('entry skeleton', () => {
  it('replaces exactly the jsonSchema object by {}, and moves skeleton offsets back to the entry', () => {
    const text = entry();
    const skeleton = entrySkeleton(text)!;
    assert.ok(skeleton);
    const start = text.indexOf('"jsonSchema": ') + '"jsonSchema": '.length;
    const end = text.indexOf(',\n    "supportedSyncModes"');
    assert.equal(skeleton.text, text.slice(0, start) + '{}' + text.slice(end));
    assert.deepEqual(skeleton.jsonSchema, schema);
    assert.deepEqual(skeleton.value, JSON.parse(text));
    const modes = skeleton.text.indexOf('"supportedSyncModes"');
    assert.equal(entryOffset(skeleton, modes), text.indexOf('"supportedSyncModes"'));
    assert.equal(entryOffset(skeleton, skeleton.at), start);
    assert.equal(entryOffset(skeleton, skeleton.at + 2), end, 'the end of {} is the end of the schema');
    assert.equal(entryOffset(skeleton, 5), 5);
  });

  it('finds jsonSchema after other keys, nested arrays and strings that look like keys', () => {
    const text = entry({ name: 'a "jsonSchema": {', namespace: '}]', defaultCursorField: [['x']], sourceDefinedPrimaryKey: [['id']] });
    const skeleton = entrySkeleton(text)!;
    assert.deepEqual(JSON.parse(skeleton.text).stream, { ...JSON.parse(text).stream, jsonSchema: {} });
  });

  it('leaves the entry whole when the tree must see it as written', () => {
    const cases: Record<string, string> = {
      'a syntax error': entry().replace('"selected": true', '"selected": tru'),
      'a trailing comma': entry().replace('"selected": true', '"selected": true,'),
      'a comment': entry().replace('"config": {', '"config": { // here\n'),
      'jsonSchema not an object': entry({ jsonSchema: JSON.stringify(schema) }),
      'a small jsonSchema': entry({ jsonSchema: { type: 'object' } }),
      'a duplicated stream key': entry().replace(/\}$/, `, "stream": ${JSON.stringify({ name: 'x', jsonSchema: schema })}}`),
      'a duplicated jsonSchema key': entry().replace('"supportedSyncModes"', `"jsonSchema": ${JSON.stringify(schema)}, "supportedSyncModes"`),
      'an escaped jsonSchema key': entry().replace('"jsonSchema"', '"json\\u0053chema"'),
    };
    for (const [name, text] of Object.entries(cases)) assert.equal(entrySkeleton(text), undefined, name);
  });
});
