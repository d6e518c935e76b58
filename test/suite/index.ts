// Entry point of the extension-host suite: VS Code calls `run()` inside its extension host,
// both under @vscode/test-electron and in the code-server runner (same contract).
//
// esbuild bundles this file with every test file, so test files are imported here one by one
// (a missing file is a build error). They are imported lazily, inside `run()`: their top-level
// `suite()`/`test()` calls need mocha's globals, which exist only after 'pre-require'.
import * as fs from 'fs';
import { format } from 'util';
import Mocha from 'mocha';

const loadTestFiles = async (): Promise<void> => {
  // The Restricted Mode run (runInCodeServer --restricted) has a workspace of its own kind.
  if (process.env.AIRBYTE_TEST_SUITE === 'restricted') {
    await import('./restricted.test');
    return;
  }
  await import('./activation.test'); // first: it needs the extension not yet activated
  await import('./languageFeatures.test');
  await import('./createConnection.test');
  await import('./newConnectionFile.test');
  await import('./discoverStreams.test');
  await import('./lifecycle.test');
  await import('./trust.test');
};

/**
 * Spec output for people, plus mocha's JSON report for the runners. The spec lines also go to
 * `logPath` when given: in code-server the extension host's console reaches no terminal, so the
 * runner streams that file instead.
 */
function specAndJsonReporter(reportPath: string | undefined, logPath: string | undefined) {
  if (logPath) {
    const consoleLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
      consoleLog(...data);
      fs.appendFileSync(logPath, `${format(...data)}\n`);
    };
  }
  return class SpecAndJson extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
      super(runner, options);
      if (reportPath) {
        // mocha 10 reads `reporterOption`; its types only know the older `reporterOptions`.
        const output = { output: partialPath(reportPath) };
        const jsonOptions = { reporterOption: output, reporterOptions: output };
        new Mocha.reporters.JSON(runner, jsonOptions);
      }
    }
  };
}

// The runner polls for the report: write it under another name and rename it when complete.
const partialPath = (reportPath: string) => `${reportPath}.partial`;

export async function run(): Promise<void> {
  const reportPath = process.env.AIRBYTE_TEST_REPORT;
  const logPath = process.env.AIRBYTE_TEST_LOG;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false, // the log goes through the extension host's console, not a terminal
    timeout: 60_000, // an upper bound only: tests wait for events, not for time
    reporter: specAndJsonReporter(reportPath, logPath),
  });
  if (process.env.AIRBYTE_TEST_GREP) mocha.grep(process.env.AIRBYTE_TEST_GREP);

  mocha.suite.emit('pre-require', globalThis, 'bundled-test-files', mocha);
  await loadTestFiles().catch((error: unknown) => {
    // Report it like a failed test, so the runners show it rather than a missing report.
    mocha.suite.addTest(new Mocha.Test('loading the test files', () => Promise.reject(error)));
  });

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (reportPath) fs.renameSync(partialPath(reportPath), reportPath);
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
