// The connection-file language server: documents in, completion, hover, outline, folding,
// formatting, quick fixes and pushed diagnostics out. The runtime (stdio, worker threads) is
// handed in by the entry point.
import {
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, LanguageService } from 'vscode-json-languageservice';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { isConnectionDocument } from '../../core/language/documentFilter';
import { AIRBYTE_RESOURCES_REQUEST, type AirbyteResourcesResult } from '../../core/protocol';
import { AirbyteResourceContribution } from './airbyteResources';
import { quickFixes } from './codeActions';
import { streamEntryAt } from '../../core/catalog/fieldPathAssist';
import { fieldPathCompletionList, fieldPathHoverAt } from './fieldPathFeatures';
import { hoverLead } from './hoverExtras';
import { ParsedDocuments } from './parsedDocuments';
import { runSafe } from './runSafe';
import { ValidationScheduler } from './validationScheduler';
import type { DocumentValidator } from './validator';

/** The JSON service answers with a list of marked strings; clients render one markdown block best. */
function asMarkdown(hover: Hover, lead?: string): Hover {
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  const texts = parts.map((p) => (typeof p === 'string' ? p : p.value));
  const value = [lead ?? '', ...texts].filter((p) => p.trim() !== '').join('\n\n---\n\n');
  return { range: hover.range, contents: { kind: 'markdown', value } };
}

export interface ServerRuntime {
  validator: DocumentValidator;
  version: string;
}

export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const log = (message: string) => connection.console.log(message);
  const documents = new TextDocuments(TextDocument);
  const served = (document: TextDocument | undefined): document is TextDocument =>
    document !== undefined && isConnectionDocument(document.uri, document.languageId);

  // Built once in `initialize`, when the client's capabilities and options are known; LSP sends
  // no other request before it.
  let resources!: AirbyteResourceContribution;
  let service!: LanguageService;
  let parsed!: ParsedDocuments;

  const scheduler = new ValidationScheduler({
    validator: runtime.validator,
    getDocument: (uri) => documents.get(uri),
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    log,
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const asksForResources = (params.initializationOptions as { airbyteResources?: boolean } | undefined)?.airbyteResources === true;
    resources = new AirbyteResourceContribution(
      asksForResources ? () => connection.sendRequest<AirbyteResourcesResult>(AIRBYTE_RESOURCES_REQUEST) : undefined,
    );
    const clientCapabilities: ClientCapabilities = {
      textDocument: {
        completion: { completionItem: { documentationFormat: capabilities.textDocument?.completion?.completionItem?.documentationFormat ?? ['markdown', 'plaintext'], commitCharactersSupport: false } },
        hover: { contentFormat: capabilities.textDocument?.hover?.contentFormat ?? ['markdown', 'plaintext'] },
      },
    };
    service = createConnectionLanguageService({ contributions: [resources], clientCapabilities });
    parsed = new ParsedDocuments(service);
    return {
      serverInfo: { name: 'airbyte-connection-language-server', version: runtime.version },
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
    };
  });

  connection.onNotification('airbyte/resourcesChanged', () => resources.invalidate());

  documents.onDidOpen(({ document }) => served(document) && scheduler.schedule(document, true));
  documents.onDidChangeContent(({ document }) => served(document) && scheduler.schedule(document));
  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    parsed.forget(document.uri);
    if (served(document)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /** The served document and its syntax tree, or undefined when the request is not ours. */
  const lookup = (uri: string) => {
    const document = documents.get(uri);
    if (!served(document)) return undefined;
    const json = parsed.get(document);
    return json ? { document, json } : undefined;
  };

  connection.onCompletion((params, token) =>
    runSafe(log, 'completion', token, null, async () => {
      const found = lookup(params.textDocument.uri);
      if (!found) return null;
      const offset = found.document.offsetAt(params.position);
      // Field paths (cursorField, primaryKey, selectedFields) complete from the stream's own schema.
      const fieldPaths = fieldPathCompletionList(found.document, streamEntryAt(found.json.root, offset), offset);
      return fieldPaths ?? service.doComplete(found.document, params.position, found.json);
    }),
  );

  connection.onHover((params, token) =>
    runSafe(log, 'hover', token, null, async () => {
      const found = lookup(params.textDocument.uri);
      if (!found) return null;
      const offset = found.document.offsetAt(params.position);
      const fieldPath = fieldPathHoverAt(streamEntryAt(found.json.root, offset), offset);
      if (fieldPath) return fieldPath;
      const hover = await service.doHover(found.document, params.position, found.json);
      const lead = await hoverLead(found.json.getNodeFromOffset(found.document.offsetAt(params.position)), resources);
      return hover && asMarkdown(hover, lead);
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe(log, 'document symbols', token, [], () => {
      const found = lookup(params.textDocument.uri);
      return found ? service.findDocumentSymbols2(found.document, found.json, { resultLimit: 5000 }) : [];
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe(log, 'folding', token, [], () => {
      const found = lookup(params.textDocument.uri);
      return found ? service.getFoldingRanges(found.document, { rangeLimit: 5000 }) : [];
    }),
  );

  connection.onSelectionRanges((params, token) =>
    runSafe(log, 'selection ranges', token, [], () => {
      const found = lookup(params.textDocument.uri);
      return found ? service.getSelectionRanges(found.document, params.positions, found.json) : [];
    }),
  );

  connection.onDocumentFormatting((params, token) =>
    runSafe(log, 'formatting', token, [], () => {
      const found = lookup(params.textDocument.uri);
      return found ? service.format(found.document, undefined, params.options) : [];
    }),
  );

  connection.onDocumentRangeFormatting((params, token) =>
    runSafe(log, 'range formatting', token, [], () => {
      const found = lookup(params.textDocument.uri);
      return found ? service.format(found.document, params.range, params.options) : [];
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe(log, 'code actions', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return served(document) ? quickFixes(document, params.context.diagnostics) : [];
    }),
  );

  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}
