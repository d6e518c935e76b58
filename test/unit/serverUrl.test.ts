// One canonical form of a server: what secrets, consent and the duplicate guard are keyed by.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endpointUrl, isInsecureRemote, isLoopbackHost, normalizeServerUrl, parseServerUrl } from '../../core/api';

describe('canonical server form', () => {
  test('spellings of one server are one', () => {
    const same = [
      'http://localhost:8000/api',
      'http://localhost:8000/api/',
      ' HTTP://LocalHost:8000/api// ',
      'http://127.0.0.1:8000/api',
      'http://[::1]:8000/api/',
      'http://localhost:8000/api#x',
    ];
    for (const spelling of same) assert.equal(normalizeServerUrl(spelling), 'http://localhost:8000/api', spelling);
  });

  test('default ports and host case', () => {
    assert.equal(normalizeServerUrl('https://Airbyte.Example.COM:443/api/'), 'https://airbyte.example.com/api');
    assert.equal(normalizeServerUrl('http://airbyte.example.com:80/api'), 'http://airbyte.example.com/api');
    assert.equal(normalizeServerUrl('http://airbyte.example.com:8080/api'), 'http://airbyte.example.com:8080/api');
    assert.notEqual(normalizeServerUrl('https://h/api'), normalizeServerUrl('http://h/api'));
    assert.notEqual(normalizeServerUrl('http://h/api'), normalizeServerUrl('http://h/other'));
  });

  test('user information is refused with a message that does not repeat it', () => {
    const parsed = parseServerUrl('http://someone:hunter22@host/api');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) {
      assert.equal(parsed.reason, 'userInfo');
      assert.ok(!`${parsed.message} ${parsed.hint}`.includes('hunter22'));
      assert.match(parsed.hint, /Set Credentials/);
    }
    assert.equal(endpointUrl('http://u:p@host/api', '/v1/health'), undefined);
    assert.equal(parseServerUrl('ftp://x/api').ok, false);
  });

  test('loopback is exactly localhost, 127.0.0.1 and ::1', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '[::1]']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['127.0.0.2', 'localhost.example.com', '10.0.0.1', 'example.com']) assert.ok(!isLoopbackHost(host), host);
    assert.equal(isInsecureRemote('http://127.0.0.1:8000/api'), false);
    assert.equal(isInsecureRemote('https://airbyte.example.com/api'), false);
    assert.equal(isInsecureRemote('http://airbyte.example.com/api'), true);
    assert.equal(isInsecureRemote('http://127.0.0.2:8000/api'), true);
  });
});
