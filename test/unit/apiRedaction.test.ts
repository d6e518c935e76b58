// The request/response log must never carry a credential, in any form it travels in.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { AirbyteClient, redactBodyText, redactJson, REDACTED, type AirbyteAuth } from '../../core/api';
import { answer, startServer, type TestServer } from './apiTestServer';

const PASSWORD = 'S3cr3t-Pa55word!';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.sig';
const BODY_SECRETS = ['pg-db-pass-42', 'sk_live_abc123', 'client-secret-xyz', 'refresh-tok-789'];

const servers: TestServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function logOf(auth: AirbyteAuth, reply: Parameters<typeof answer>): Promise<string> {
  const server = await startServer(answer(...reply));
  servers.push(server);
  const lines: string[] = [];
  const client = new AirbyteClient({ serverUrl: server.url, auth, timeoutMs: 5000, log: (l) => lines.push(l) });
  await client.createConnection({
    name: 'c',
    sourceId: 's',
    // Not part of WebBackendConnectionCreate, but a user may paste anything into a file.
    connectionConfiguration: {
      password: BODY_SECRETS[0],
      credentials: { api_key: BODY_SECRETS[1], client_secret: BODY_SECRETS[2], refresh_token: BODY_SECRETS[3] },
    },
  });
  assert.ok(server.requests.length === 1);
  return lines.join('\n');
}

function assertClean(log: string, secrets: string[]) {
  for (const secret of secrets) assert.ok(!log.includes(secret), `log contains ${secret}:\n${log}`);
  assert.doesNotMatch(log, /authorization/i);
}

describe('log redaction', () => {
  test('basic auth: neither the password nor its base64 appears', async () => {
    const log = await logOf({ kind: 'basic', username: 'airbyte', password: PASSWORD }, [
      200,
      { connectionId: 'c1', source: { connectionConfiguration: { password: BODY_SECRETS[0] } } },
    ]);
    const base64 = Buffer.from(`airbyte:${PASSWORD}`).toString('base64');
    assertClean(log, [PASSWORD, base64, ...BODY_SECRETS]);
    assert.match(log, /→ POST .*connections\/create/);
    assert.match(log, /← 200/);
    assert.ok(log.includes(REDACTED));
  });

  test('bearer auth: the token never appears, even when a server echoes it in plain text', async () => {
    const log = await logOf({ kind: 'bearer', token: TOKEN }, [500, `oops token=${TOKEN} password: ${PASSWORD}`]);
    assertClean(log, [TOKEN, PASSWORD, ...BODY_SECRETS]);
  });

  test('a secret echoed under an innocent key is still scrubbed', async () => {
    const log = await logOf({ kind: 'basic', username: 'airbyte', password: PASSWORD }, [
      422,
      { message: `bad value ${PASSWORD}`, validationErrors: [{ propertyPath: 'name', invalidValue: PASSWORD }] },
    ]);
    assertClean(log, [PASSWORD]);
  });

  test('very long bodies are truncated', () => {
    const text = redactBodyText(JSON.stringify({ streams: 'x'.repeat(20_000) }));
    assert.ok(text.length < 5000);
    assert.match(text, /more characters/);
  });

  test('redactJson keeps structure and non-secret values', () => {
    assert.deepEqual(redactJson({ a: 1, nested: [{ apiKey: 'k', host: 'h', secret: null }] }), {
      a: 1,
      nested: [{ apiKey: REDACTED, host: 'h', secret: null }],
    });
  });
});
