// The servers a person's session needs: code-server proper (with the packaged extension
// installed, as a user would have it) and the local Airbyte server the extension talks to.
import * as path from 'path';
import { waitForHttp } from '../runner/network';
import { codeServerEntry, projectRoot } from '../runner/paths';
import { start, type Started } from '../runner/processes';

const START_TIMEOUT_MS = 60_000;

/** Installs a .vsix into `extensionsDir` with code-server's own CLI, as `--install-extension` does for people. */
export async function installVsix(vsix: string, extensionsDir: string, scratch: string): Promise<void> {
  const installer = start('install-extension', process.execPath, [
    codeServerEntry,
    ...['--extensions-dir', extensionsDir, '--user-data-dir', path.join(scratch, 'user-data')],
    ...['--config', path.join(scratch, 'code-server.yaml')],
    ...['--install-extension', vsix],
  ], { cwd: scratch, logFile: path.join(scratch, 'install-extension.log') });
  const bounded = new Promise<string>((resolve) => setTimeout(resolve, START_TIMEOUT_MS, 'timeout').unref());
  const outcome = await Promise.race([installer.exited, bounded]);
  if (outcome !== 'code 0' || !/successfully installed/i.test(installer.tail())) {
    throw new Error(`installing ${path.basename(vsix)} failed (${outcome}):\n${installer.tail()}`);
  }
}

export interface CodeServerOptions {
  port: number;
  userDataDir: string;
  extensionsDir: string;
  scratch: string;
  folder: string;
}

/** Starts code-server on 127.0.0.1 without auth and resolves once it answers. */
export async function startCodeServer(options: CodeServerOptions): Promise<Started> {
  const server = start('code-server', process.execPath, [
    codeServerEntry,
    ...['--auth', 'none', '--bind-addr', `127.0.0.1:${options.port}`],
    ...['--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir],
    ...['--config', path.join(options.scratch, 'code-server.yaml')],
    '--disable-telemetry',
    '--disable-update-check',
    options.folder,
  ], { cwd: options.scratch, logFile: path.join(options.scratch, 'code-server.log') });
  await waitForHttp(`http://127.0.0.1:${options.port}/healthz`, START_TIMEOUT_MS, server.exited).catch((error: Error) => {
    throw new Error(`${error.message}\n--- code-server log ---\n${server.tail()}`);
  });
  return server;
}

/** Starts dist/local-airbyte.js (seeded sources and destinations) and resolves once it answers. */
export async function startLocalAirbyte(port: number, scratch: string): Promise<Started> {
  const airbyte = start('local-airbyte', process.execPath, [
    path.join(projectRoot, 'dist', 'local-airbyte.js'),
    ...['--port', String(port), '--data-file', path.join(scratch, 'airbyte-data.json')],
  ], { cwd: projectRoot, logFile: path.join(scratch, 'local-airbyte.log') });
  await waitForHttp(`http://127.0.0.1:${port}/api/v1/health`, START_TIMEOUT_MS, airbyte.exited).catch((error: Error) => {
    throw new Error(`${error.message}\n--- local-airbyte log ---\n${airbyte.tail()}`);
  });
  return airbyte;
}
