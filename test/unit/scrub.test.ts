// The one scrubber: what it removes, and that it stays linear on adversarial input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REDACTED, Scrubber, scrubText } from '../../core/api';
import { redactBodyText } from '../../core/api/redact';

/** Milliseconds to scrub `text` (best of 3, to keep a busy machine's noise out). */
function timeScrub(text: string, scrub: (t: string) => string = scrubText): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    scrub(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('scrubber', () => {
  test('user information in URLs', () => {
    assert.equal(scrubText('GET http://someone:secret@host:8000/api failed'), `GET http://${REDACTED}@host:8000/api failed`);
    assert.equal(scrubText('see https://token@x.io/a and ftp://u:p@y/'), `see https://${REDACTED}@x.io/a and ftp://${REDACTED}@y/`);
    assert.equal(scrubText('mail me at a@b.c, http://host/a@b'), 'mail me at a@b.c, http://host/a@b');
  });

  test('values after secret-looking keys, quoted, bare and in headers', () => {
    assert.equal(scrubText('{"password": "hunter22", "host": "h"}'), `{"password": "${REDACTED}", "host": "h"}`);
    assert.equal(scrubText("api_key=abc123&x=1 client_secret: 'zz9'"), `api_key=${REDACTED}&x=1 client_secret: '${REDACTED}'`);
    assert.equal(scrubText('Authorization: Basic YWlyYnl0ZTpzM2NyZXQ=\nnext'), `Authorization: ${REDACTED}\nnext`);
    assert.equal(scrubText('the token stored for this server'), 'the token stored for this server');
  });

  test('known secrets anywhere, also cut in half by truncation', () => {
    const scrubber = new Scrubber();
    scrubber.addBasicCredentials('airbyte', 'S3cr3t-Pa55');
    const base64 = Buffer.from('airbyte:S3cr3t-Pa55').toString('base64');
    assert.equal(scrubber.scrub(`echo S3cr3t-Pa55 and ${base64}`), `echo ${REDACTED} and ${REDACTED}`);
    const cut = scrubber.scrubTruncated(`${'x'.repeat(95)}S3cr3t-Pa55 tail`, 100);
    assert.ok(!cut.includes('S3cr3'), cut);
    // Airbyte's public default is not a secret worth garbling every "password" key for.
    scrubber.addSecret('password');
    assert.equal(scrubber.scrub('password'), 'password');
  });

  test('logged bodies are truncated before they are redacted', () => {
    const text = redactBodyText(JSON.stringify({ streams: 'x'.repeat(20_000), password: 'p' }));
    assert.ok(text.length < 5000);
    assert.match(text, /more characters/);
  });

  test('linear time on adversarial input', () => {
    const shapes: [string, (n: number) => string][] = [
      ['secret words without a value', (n) => 'token'.repeat(n / 5)],
      ['word characters before a key', (n) => `${'a'.repeat(n)}password`],
      ['unterminated quoted values', (n) => 'password:"'.repeat(n / 10)],
      ['schemes without a host end', (n) => 'a://'.repeat(n / 4)],
      ['an authority full of @', (n) => `http://${'@'.repeat(n)}`],
      ['keys followed by blanks', (n) => 'secret '.repeat(n / 7)],
      ['an HTML page', (n) => `<html><title>x</title>${'<div class="token">'.repeat(n / 19)}`],
    ];
    for (const [what, make] of shapes) {
      const small = timeScrub(make(100_000));
      const large = timeScrub(make(1_000_000));
      console.log(`  scrub ${what}: 100 KB ${small.toFixed(1)} ms, 1 MB ${large.toFixed(1)} ms`);
      // Ten times the text: linear is ~10x, quadratic ~100x. Generous for a loaded machine.
      assert.ok(large < Math.max(small, 5) * 40, `${what}: 100 KB ${small} ms, 1 MB ${large} ms`);
      assert.ok(large < 2000, `${what}: 1 MB took ${large} ms`);
    }
  });
});
