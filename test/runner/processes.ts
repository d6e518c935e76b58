// Child processes the runners start, and the guarantee that every one of them is stopped:
// on success, on failure, on Ctrl-C. Each child leads its own process group so that whatever
// it starts (VS Code's extension host, language servers) stops with it.
import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';
import * as fs from 'fs';

export interface Started {
  readonly name: string;
  readonly child: ChildProcess;
  /** The last lines it printed, for failure messages. */
  tail(lines?: number): string;
  /** Resolves with its exit code (or signal) when it exits. */
  readonly exited: Promise<string>;
  /** Resolves with the first line it prints (from now on) that matches `pattern`. */
  printed(pattern: RegExp): Promise<string>;
}

const running = new Set<Started>();
const cleanups: Array<() => Promise<void>> = [];

/** Starts `command`; its output goes to `logFile` and a small in-memory tail. */
export function start(name: string, command: string, args: string[], options: SpawnOptions & { logFile: string }): Started {
  const log = fs.createWriteStream(options.logFile);
  const recent: string[] = [];
  const watchers: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const record = (chunk: Buffer) => {
    log.write(chunk);
    const lines = chunk.toString().split('\n').filter(Boolean);
    recent.push(...lines);
    recent.splice(0, Math.max(0, recent.length - 200));
    for (const line of lines) {
      for (const watcher of watchers.filter((w) => w.pattern.test(line))) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(line);
      }
    }
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.on('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  const started: Started = {
    name,
    child,
    exited,
    tail: (lines = 40) => recent.slice(-lines).join('\n'),
    printed: (pattern) => new Promise((resolve) => watchers.push({ pattern, resolve })),
  };
  running.add(started);
  void exited.then(() => {
    running.delete(started);
    log.end();
  });
  return started;
}

/** Something else to undo at the end (close a browser, delete a temp folder); runs first-in-last-out. */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(async () => cleanup());
}

/** Stops every started process group: SIGTERM, then SIGKILL for those still there after a bound. */
export async function stopAll(graceMs = 5_000): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error) => console.error(`cleanup failed: ${error}`));
  }
  const stopping = [...running];
  for (const started of stopping) signalGroup(started, 'SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, graceMs, 'timeout').unref());
  await Promise.race([Promise.all(stopping.map((s) => s.exited)), timeout]);
  for (const started of stopping) signalGroup(started, 'SIGKILL');
}

function signalGroup(started: Started, signal: NodeJS.Signals): void {
  if (started.child.pid === undefined) return;
  try {
    process.kill(-started.child.pid, signal); // the group this child leads
  } catch {
    // already gone
  }
}

/**
 * Runs `main` and exits with its code, stopping every started process first, also on
 * Ctrl-C/SIGTERM and on errors; a last synchronous SIGKILL covers an abrupt exit.
 */
export function runMain(main: () => Promise<number>): void {
  let stopping = false;
  const finish = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopAll();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping everything this run started`);
      void finish(130);
    });
  }
  process.on('exit', () => running.forEach((s) => signalGroup(s, 'SIGKILL')));
  main().then(finish, (error: unknown) => {
    if (stopping) return; // its failure is only the consequence of being stopped
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void finish(1);
  });
}
