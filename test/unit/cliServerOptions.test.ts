// The CLI's server options follow the extension's trust rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverConnection } from '../../cli/serverOptions';

describe('CLI server options', () => {
  test('the default local password is only sent to a loopback server', () => {
    assert.throws(() => serverConnection({}, { AIRBYTE_SERVER_URL: 'http://airbyte.example.com/api' }, () => undefined), /AIRBYTE_PASSWORD/);
    assert.equal(serverConnection({}, { AIRBYTE_SERVER_URL: 'http://127.0.0.1:8000/api' }, () => undefined).serverUrl, 'http://127.0.0.1:8000/api');
    assert.ok(serverConnection({}, { AIRBYTE_SERVER_URL: 'https://airbyte.example.com/api', AIRBYTE_PASSWORD: 'pw-123' }, () => undefined));
  });

  test('its scrubber removes the configured secret and URL user information', () => {
    const { scrub } = serverConnection({}, { AIRBYTE_SERVER_URL: 'https://airbyte.example.com/api', AIRBYTE_PASSWORD: 'Cli-Secret-77' }, () => undefined);
    assert.ok(!scrub('echo Cli-Secret-77 at http://me:pw@host/api').match(/Cli-Secret-77|me:pw/));
  });
});
