// One build for every bundle: the extension client, the language server (also the `bin`),
// its validation worker, the local Airbyte-compatible server, and the extension-host test suite.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // vscode-json-languageservice's UMD build loads its modules dynamically; its ESM build bundles.
  mainFields: ['module', 'main'],
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  {
    entryPoints: { server: 'server/src/node/main.ts', validationWorker: 'server/src/node/validationWorker.ts' },
    banner: { js: '#!/usr/bin/env node' },
  },
  { entryPoints: { 'local-airbyte': 'local-airbyte/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // The CLI bundles ESM-only code (tinyglobby) that reads import.meta.url: give it this file's URL.
  {
    entryPoints: { 'airbyte-connection': 'cli/main.ts' },
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  },
  // The extension-host suite keeps mocha and vscode external: they are resolved at run time.
  { entryPoints: { 'test/suite/index': 'test/suite/index.ts' }, external: ['vscode', 'mocha'] },
];

const contexts = await Promise.all(
  builds.map((b) => esbuild.context({ ...common, outdir: 'dist', ...b })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
