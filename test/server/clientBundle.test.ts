// One engine: the extension asks the language server to validate, so its bundle carries no
// JSON language service, schema or rules (it loads fast and cannot disagree with the server).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';

describe('the extension bundle', () => {
  it('does not include the validation engine', async () => {
    const result = await esbuild.build({
      entryPoints: [path.resolve(__dirname, '../../client/src/extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      outfile: 'client.js',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const engine = inputs.filter((i) => /vscode-json-languageservice|core\/rules\/|core\/language\/validateConnection|schemas\/connection\.schema\.json/.test(i));
    assert.deepEqual(engine, []);
    assert.ok(inputs.some((i) => i.includes('vscode-languageclient')), 'the bundle was built');
  });
});
