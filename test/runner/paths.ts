// Where things are: the project, its build output, and the code-server installed by
// scripts/install-code-server.sh.
import * as fs from 'fs';
import * as path from 'path';

export const projectRoot = path.resolve(__dirname, '..', '..');
export const fixturesFolder = path.join(projectRoot, 'test', 'fixtures');
export const examplesFolder = path.join(projectRoot, 'examples');
export const suiteEntry = path.join(projectRoot, 'dist', 'test', 'suite', 'index.js');
export const extensionMain = path.join(projectRoot, 'dist', 'client.js');
export const packagedExtension = path.join(projectRoot, 'dist', 'airbyte-connections.vsix');
/** The README's screenshots are refreshed only when asked (`npm run screenshots`), so a test run leaves the tree clean. */
export const screenshotsFolder = process.env.UPDATE_SCREENSHOTS
  ? path.join(projectRoot, 'docs', 'images')
  : path.join(projectRoot, 'test-results', 'screenshots');

const codeServerPackage = path.join(projectRoot, '.tools', 'code-server', 'node_modules', 'code-server');
/** The bare VS Code server inside code-server (it accepts extension tests through the URL). */
export const vscodeServerMain = path.join(codeServerPackage, 'lib', 'vscode', 'out', 'server-main.js');
/** code-server proper: the whole product, as a person runs it. */
export const codeServerEntry = path.join(codeServerPackage, 'out', 'node', 'entry.js');
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails with the command that fixes it when something a runner needs is not there. */
export function requireFiles(files: Array<[file: string, fix: string]>): void {
  const missing = files.filter(([file]) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(missing.map(([file, fix]) => `missing ${path.relative(projectRoot, file) || file}: ${fix}`).join('\n'));
  }
}
