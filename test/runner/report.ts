// Reads the mocha JSON report written by test/suite/index.ts and turns it into a verdict.
import * as fs from 'fs';

interface ReportedTest {
  fullTitle: string;
  err: { message?: string; stack?: string };
}
interface MochaJsonReport {
  stats: { tests: number; passes: number; failures: number; pending: number; duration?: number };
  failures: ReportedTest[];
}

/** Resolves once `file` exists; rejects after `timeoutMs` or as soon as `gaveUp` settles. */
export async function waitForFile(file: string, timeoutMs: number, gaveUp: Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let reason: string | undefined;
  void gaveUp.then((why) => (reason = why));
  while (!fs.existsSync(file)) {
    if (reason !== undefined) throw new Error(`no test report: ${reason}`);
    if (Date.now() > deadline) throw new Error(`no test report after ${timeoutMs / 1000} s (${file})`);
    await new Promise((r) => setTimeout(r, 250)); // spacing between checks of the file
  }
}

/** Prints mocha's summary, each failure with its stack, and the `N passed, N failed` line; returns the exit code. */
export function printReport(file: string): number {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as MochaJsonReport;
  const { passes, failures, pending, tests, duration } = report.stats;
  report.failures.forEach((test, index) => {
    const details = test.err.stack ?? test.err.message ?? '(no error details)';
    console.log(`\n  ${index + 1}) ${test.fullTitle}\n     ${details.replace(/\n/g, '\n     ')}`);
  });
  console.log(`\n${tests} tests (${pending} pending) in ${duration ?? '?'} ms`);
  if (tests === 0) console.log('no tests ran: that counts as a failure');
  console.log(`${passes} passed, ${failures} failed`);
  return failures === 0 && tests > 0 ? 0 : 1;
}

/** Echoes what is appended to `file` (the suite's spec log) as it grows; returns a stop function. */
export function followFile(file: string, prefix = '  | '): () => void {
  let printed = 0;
  let partialLine = '';
  const printNew = () => {
    if (!fs.existsSync(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    const lines = (partialLine + text.slice(printed)).split('\n');
    printed = text.length;
    partialLine = lines.pop() ?? '';
    for (const line of lines) console.log(`${prefix}${line}`);
  };
  fs.watchFile(file, { interval: 250 }, printNew);
  return () => {
    fs.unwatchFile(file);
    printNew();
    if (partialLine) console.log(`${prefix}${partialLine}`);
  };
}
