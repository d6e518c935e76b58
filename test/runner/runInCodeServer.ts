// Runs the extension-host suite (dist/test/suite/index.js) in a real VS Code: the VS Code server
// shipped inside code-server, with its web workbench in headless Chromium. The server ignores
// --extensionTestsPath on its command line, so the workbench gets it from its URL (`payload`).
//
//   npm run build && node --import tsx test/runner/runInCodeServer.ts
//
// Env: AIRBYTE_TEST_GREP (mocha grep), AIRBYTE_TEST_VERBOSE=1 (echo the browser console too).
//
// `--restricted`: workspace trust on and the fixtures folder left untrusted (Restricted Mode),
// running only the Restricted Mode tests (test/suite/restricted.test.ts).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { launchBrowser } from './browser';
import { freePort, waitForHttp } from './network';
import { extensionMain, fixturesFolder, projectRoot, requireFiles, suiteEntry, vscodeServerMain } from './paths';
import { onCleanup, runMain, start } from './processes';
import { followFile, printReport, waitForFile } from './report';
import { RESTRICTED_MODE_SETTINGS, TEST_SETTINGS, writeUserSettings } from './userData';

const SERVER_START_TIMEOUT_MS = 60_000;
const SUITE_TIMEOUT_MS = 10 * 60_000;

const restricted = process.argv.includes('--restricted');

async function main(): Promise<number> {
  requireFiles([
    [vscodeServerMain, 'run: bash scripts/install-code-server.sh'],
    [extensionMain, 'run: npm run build'],
    [suiteEntry, 'run: npm run build'],
  ]);
  const startedAt = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'airbyte-vscode-test-'));
  onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const userDataDir = path.join(scratch, 'user-data');
  const reportFile = path.join(scratch, 'report.json');
  const specLog = path.join(scratch, 'spec.log');
  writeUserSettings(userDataDir, restricted ? RESTRICTED_MODE_SETTINGS : TEST_SETTINGS);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The extension host inherits the server's environment: that is how the suite learns where to report.
  const server = start(
    'vscode-server',
    process.execPath,
    [
      vscodeServerMain,
      ...['--host', '127.0.0.1', '--port', String(port)],
      '--without-connection-token',
      '--accept-server-license-terms',
      ...['--user-data-dir', userDataDir, '--server-data-dir', path.join(scratch, 'server-data')],
      ...['--extensions-dir', path.join(scratch, 'extensions')],
      '--disable-telemetry',
    ],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        AIRBYTE_TEST_REPORT: reportFile,
        AIRBYTE_TEST_LOG: specLog,
        AIRBYTE_TEST_SUITE: restricted ? 'restricted' : undefined,
        VSCODE_CLI: undefined,
        ELECTRON_RUN_AS_NODE: undefined,
      },
      logFile: path.join(scratch, 'server.log'),
    },
  );
  const serverLogTail = () => `--- last lines of the VS Code server log ---\n${server.tail()}`;
  await waitForHttp(`${origin}/`, SERVER_START_TIMEOUT_MS, server.exited).catch((error: Error) => {
    throw new Error(`${error.message}\n${serverLogTail()}`);
  });
  console.log(`VS Code server (code-server's) on ${origin}, up in ${Date.now() - startedAt} ms${restricted ? ' (workspace trust on, folder untrusted)' : ''}`);

  const browser = await launchBrowser();
  const page = await browser.newPage();
  // The extension host exits once `run()` settles, with code 0 even when it threw.
  const extensionHostExited = server.printed(/Extension Host Process exited/);
  const suiteGaveUp = new Promise<string>((resolve) => {
    page.on('crash', () => resolve('the workbench page crashed'));
    void server.exited.then((how) => resolve(`the VS Code server exited (${how})`));
    void extensionHostExited.then((line) => resolve(`the extension host exited without a report: ${line.trim()}`));
  });
  if (process.env.AIRBYTE_TEST_VERBOSE) page.on('console', (message) => console.log(`  [browser] ${message.text()}`));
  await page.goto(workbenchUrl(origin, port), { waitUntil: 'domcontentloaded' });

  const stopFollowing = followFile(specLog);
  try {
    await waitForFile(reportFile, SUITE_TIMEOUT_MS, suiteGaveUp);
  } catch (error) {
    stopFollowing();
    console.error(`${(error as Error).message}\n${serverLogTail()}\n${extensionHostLogTail(userDataDir)}`);
    console.log('0 passed, 0 failed');
    return 1;
  }
  stopFollowing();
  console.log(`\nwhole run: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return printReport(reportFile);
}

/** The extension host's own log: where an error thrown while loading the suite ends up. */
function extensionHostLogTail(userDataDir: string): string {
  const logs = path.join(userDataDir, 'logs');
  const found = fs.existsSync(logs)
    ? fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('exthost.log'))
    : [];
  const tails = found.map((f) => {
    const lines = fs.readFileSync(path.join(logs, f), 'utf8').trimEnd().split('\n');
    return `--- last lines of ${f} ---\n${lines.slice(-30).join('\n')}`;
  });
  return tails.join('\n') || '(no extension host log)';
}

/** The workbench URL that opens the fixtures and loads our extension and suite in development mode. */
function workbenchUrl(origin: string, port: number): string {
  const remote = (file: string) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(projectRoot)],
    ['extensionTestsPath', remote(suiteEntry)],
  ];
  return `${origin}/?folder=${encodeURIComponent(fixturesFolder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

runMain(main);
