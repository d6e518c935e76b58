// Realistic bodies that Airbyte v0.44.3 accepts (shapes of what its web app, its acceptance and
// handler tests, and other clients send): the editor shows no error on any of them, and the
// local Airbyte-compatible server accepts each one as the real server does.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { validateConnection } from '../../core/language/validateConnection';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';

const DIR = path.join(__dirname, '..', 'fixtures', 'accepted');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.connection.json')).sort();
const service = createConnectionLanguageService();
const AUTH = `Basic ${Buffer.from('airbyte:password').toString('base64')}`;

describe('accepted bodies have no errors', () => {
  it('the fixture set is there', () => assert.ok(FIXTURES.length >= 9, FIXTURES.join(', ')));
  for (const file of FIXTURES) {
    it(file, async () => {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const document = TextDocument.create(`file:///${file}`, 'airbyte-connection', 1, text);
      const errors = (await validateConnection(service, document)).filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), []);
    });
  }
});

describe('the local server accepts them too', () => {
  let server: LocalAirbyte;
  before(async () => {
    server = await createLocalAirbyte({ warn: () => undefined });
  });
  after(() => server.close());
  for (const file of FIXTURES) {
    it(file, async () => {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const response = await fetch(`${server.url}/v1/web_backend/connections/create`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: AUTH }, body: text });
      const body = (await response.json()) as { connectionId?: string; message?: string };
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.match(body.connectionId ?? '', /^[0-9a-f-]{36}$/);
    });
  }
});
