// The worker makes a large body's memory resident while the reader fills it: whatever the
// order the two run in, every byte the reader wrote is still there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapAhead } from '../../server/src/node/mapAhead';

describe('memory made resident ahead of the reader', () => {
  it('never changes what the reader wrote, before or after it', async () => {
    const data = Buffer.from('{"text":"' + 'a\\"b{}[]\\\\ é → 😀 '.repeat(120_000) + '"}', 'utf8');
    for (const step of [7_000, 65_536, 1_000_000]) {
      const shared = new SharedArrayBuffer(data.length);
      const target = new Uint8Array(shared);
      const filled = new Int32Array(new SharedArrayBuffer(4));
      const touching = mapAhead(shared, filled);
      for (let at = 0; at < data.length; at += step) {
        const to = Math.min(data.length, at + step);
        target.set(data.subarray(at, to), at);
        Atomics.store(filled, 0, to);
        await new Promise((resolve) => setImmediate(resolve)); // the two take turns
      }
      await touching;
      assert.ok(Buffer.from(shared).equals(data), `chunks of ${step}`);
    }
  });

  it('leaves alone bytes written beyond the position the reader has published', async () => {
    const data = Buffer.from('{"text":"' + 'x'.repeat(3_000_000) + '"}', 'utf8');
    const shared = new SharedArrayBuffer(data.length);
    new Uint8Array(shared).set(data); // all written, none published yet
    await mapAhead(shared, new Int32Array(new SharedArrayBuffer(4)));
    assert.ok(Buffer.from(shared).equals(data));
  });
});
