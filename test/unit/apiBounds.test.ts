// The API client's limits: capped answers, exact body text, no URL with user information, and
// errors scrubbed of what a server echoes back.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { AirbyteClient, Scrubber } from '../../core/api';
import { answer, startServer, type TestServer } from './apiTestServer';

const servers: TestServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));
const serve = async (...reply: Parameters<typeof answer>) => {
  const server = await startServer(answer(...reply));
  servers.push(server);
  return server;
};

describe('API client bounds', () => {
  test('an answer above the byte cap is refused with a clear message, unread', async () => {
    const server = await serve(200, 'x'.repeat(300_000));
    const lines: string[] = [];
    const client = new AirbyteClient({ serverUrl: server.url, auth: { kind: 'none' }, timeoutMs: 5000, maxResponseBytes: 100_000, log: (l) => lines.push(l) });
    const result = await client.health();
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.kind, 'responseTooLarge');
      assert.match(result.error.message, /more than 98 KB/);
    }
    assert.ok(lines.join('\n').length < 10_000, 'the log holds only the start of the answer');
  });

  test("the body sent is the caller's exact text", async () => {
    const server = await serve(200, { connectionId: 'c1', name: 'n' });
    const text = '{ "name": "n", "big": 123456789012345678901234567890, "huge": 1e999 }';
    const client = new AirbyteClient({ serverUrl: server.url, auth: { kind: 'none' }, timeoutMs: 5000 });
    const result = await client.createConnection(JSON.parse(text), {}, text);
    assert.ok(result.ok);
    assert.equal(server.requests[0].body, text);
  });

  test('a server URL with user information is refused before anything is sent, and not repeated', async () => {
    const server = await serve(200, {});
    const lines: string[] = [];
    const url = server.url.replace('http://', 'http://me:Hunter-22@');
    const client = new AirbyteClient({ serverUrl: url, auth: { kind: 'none' }, timeoutMs: 5000, log: (l) => lines.push(l) });
    const result = await client.health();
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.kind, 'invalidServerUrl');
      assert.ok(!`${result.error.message} ${result.error.hint}`.includes('Hunter-22'));
    }
    assert.equal(server.requests.length, 0);
    assert.ok(!lines.join('\n').includes('Hunter-22'));
  });

  test('secrets a server echoes back are scrubbed from errors and the log', async () => {
    const password = 'Echo-Me-9481';
    const server = await serve(500, { message: `login failed for airbyte:${password}` });
    const lines: string[] = [];
    const scrubber = new Scrubber();
    const client = new AirbyteClient({ serverUrl: server.url, auth: { kind: 'basic', username: 'airbyte', password }, timeoutMs: 5000, scrubber, log: (l) => lines.push(l) });
    const result = await client.health();
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.kind, 'serverError');
      assert.ok(!JSON.stringify(result.error).includes(password), JSON.stringify(result.error));
    }
    assert.ok(!lines.join('\n').includes(password));
    // The shared scrubber now knows the password for every later text.
    assert.ok(!scrubber.scrub(`x ${password} y`).includes(password));
  });
});
