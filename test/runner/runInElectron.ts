// Runs the same extension-host suite in desktop VS Code, downloaded by @vscode/test-electron.
//
//   npm run build && node --import tsx test/runner/runInElectron.ts     (Linux CI: xvfb-run -a ...)
//
// It needs update.code.visualstudio.com. Machines that reach only the npm registry (this
// project's CI) cannot download VS Code: there the download fails fast with a clear message,
// and `npm run test:vscode` (code-server runner, same suite) is the one to use.
// Env: VSCODE_VERSION (default: stable), AIRBYTE_TEST_GREP.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { extensionMain, fixturesFolder, projectRoot, requireFiles, suiteEntry } from './paths';
import { onCleanup, runMain } from './processes';
import { printReport } from './report';
import { TEST_SETTINGS, writeUserSettings } from './userData';

const DOWNLOAD_IDLE_TIMEOUT_MS = 15_000;

async function main(): Promise<number> {
  requireFiles([
    [extensionMain, 'run: npm run build'],
    [suiteEntry, 'run: npm run build'],
  ]);
  const version = process.env.VSCODE_VERSION ?? 'stable';
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: DOWNLOAD_IDLE_TIMEOUT_MS });
  } catch (error) {
    console.error(
      `Could not download VS Code ${version} (${(error as Error).message}).\n` +
        '@vscode/test-electron needs update.code.visualstudio.com. Where only the npm registry is\n' +
        'reachable, run the same suite in code-server instead: npm run test:vscode',
    );
    console.log('0 passed, 0 failed');
    return 1;
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'airbyte-electron-test-'));
  onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const userDataDir = path.join(scratch, 'user-data');
  const reportFile = path.join(scratch, 'report.json');
  writeUserSettings(userDataDir, TEST_SETTINGS);

  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: suiteEntry,
      launchArgs: [
        fixturesFolder,
        '--disable-workspace-trust',
        ...['--user-data-dir', userDataDir, '--extensions-dir', path.join(scratch, 'extensions')],
      ],
      extensionTestsEnv: { AIRBYTE_TEST_REPORT: reportFile, AIRBYTE_TEST_GREP: process.env.AIRBYTE_TEST_GREP },
    });
  } catch (error) {
    // Failing tests land here too (non-zero exit); the report says which.
    console.error(`VS Code exited with an error: ${(error as Error).message ?? error}`);
  }
  if (!fs.existsSync(reportFile)) {
    console.error('no test report: the suite did not run to its end (see the output above)');
    console.log('0 passed, 0 failed');
    return 1;
  }
  return printReport(reportFile);
}

runMain(main);
