// The language server's Node entry and `bin`: `airbyte-connection-language-server --stdio`.
// Any LSP client (VS Code, Neovim, Helix, Emacs) can start it this way.
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import type { DocumentValidator } from '../validator';
import { largeTextHandoff } from './largeTextHandoff';
import { streamTransport } from './transport';
import { createWorkerValidator } from './workerValidator';

const VERSION = '0.1.0';
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: airbyte-connection-language-server --stdio\n\n' +
      'Language server for Airbyte *.connection.json files (WebBackendConnectionCreate, Airbyte v0.44.3).\n' +
      'Speaks LSP over stdio; serves every document whose URI ends in .connection.json.\n',
  );
  process.exit(0);
}
if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
// Started with no transport flag (as some editors do): stdio.
if (!args.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) process.argv.push('--stdio');

let validator: DocumentValidator | undefined;

// Stream transports get a reader that decodes large messages in slices and hands a large
// didOpen's or validateText's text to the validation worker as raw bytes (slicedMessageReader.ts, largeTextHandoff.ts).
const transport = streamTransport(process.argv.slice(2), largeTextHandoff(() => validator));
const connection = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all);
// Messages on stdout would corrupt the protocol: route stray console output to the client log.
console.log = (...parts: unknown[]) => connection.console.log(parts.map(String).join(' '));
console.error = (...parts: unknown[]) => connection.console.error(parts.map(String).join(' '));
console.info = console.debug = console.log;
console.warn = (...parts: unknown[]) => connection.console.warn(parts.map(String).join(' '));
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

/** How long one validation may run before its worker is taken for hung and replaced. */
const watchdogMs = Number(process.env.AIRBYTE_LS_VALIDATION_TIMEOUT_MS) || 120_000;

startServer(connection, {
  createValidator: (openDocuments) =>
    (validator = createWorkerValidator({ workerPath: path.join(__dirname, 'validationWorker.js'), openDocuments, watchdogMs, log: (m) => connection.console.log(m) })),
  version: VERSION,
});
