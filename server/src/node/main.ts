// The language server's Node entry and `bin`: `airbyte-connection-language-server --stdio`.
// Any LSP client (VS Code, Neovim, Helix, Emacs) can start it this way.
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isConnectionDocument } from '../../../core/language/documentFilter';
import { markPreloaded } from '../receivedTexts';
import { startServer } from '../server';
import type { DocumentValidator } from '../validator';
import type { LargeMessage } from './slicedMessageReader';
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

/** A large didOpen of a served document: the worker gets its bytes now and decodes the text itself. */
function preloadDidOpen({ message, bytes, longStringAt }: LargeMessage): (() => void) | undefined {
  const { method, params } = message as { method?: unknown; params?: { textDocument?: { uri?: unknown; languageId?: unknown; version?: unknown } } };
  const textDocument = params?.textDocument;
  if (method !== 'textDocument/didOpen' || typeof textDocument !== 'object' || textDocument === null) return undefined;
  const { uri, languageId, version } = textDocument;
  const text = longStringAt(textDocument, 'text');
  if (longStringAt(textDocument, 'uri') || longStringAt(textDocument, 'languageId')) return undefined; // not decoded yet
  if (!text || !validator?.preload || typeof uri !== 'string' || typeof version !== 'number' || !isConnectionDocument(uri, typeof languageId === 'string' ? languageId : '')) return undefined;
  // Both threads must get the same text: invalid UTF-8 could be decoded differently in slices.
  if (!isUtf8(new Uint8Array(bytes, text.start, text.end - text.start))) return undefined;
  const preloaded = validator.preload(uri, version, bytes, text.start, text.end);
  markPreloaded(textDocument, preloaded);
  return () => validator?.release?.(preloaded);
}

// Stream transports get a reader that decodes large messages in slices (see slicedMessageReader.ts).
const transport = streamTransport(process.argv.slice(2), { onLargeMessage: preloadDidOpen });
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
