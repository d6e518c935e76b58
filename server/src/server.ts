// The connection-file language server: documents in, completion, hover, outline, folding,
// formatting, quick fixes and pushed diagnostics out. The runtime (stdio, worker threads) is
// handed in by the entry point.
import {
  TextDocumentSyncKind,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import type { ASTNode, ClientCapabilities, LanguageService, PropertyASTNode } from 'vscode-json-languageservice';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { warmUp } from './warmUp';
import { isConnectionDocument } from '../../core/language/documentFilter';
import { normalizeServerUrl, parseServerUrl } from '../../core/api/serverUrl';
import { AirbyteResourcesChangedNotification, AirbyteResourcesRequest, ValidateTextRequest, type AirbyteInitializationOptions } from '../../core/protocol';
import { AirbyteResourceContribution } from './airbyteResources';
import { quickFixes } from './codeActions';
import { streamEntryAt } from '../../core/catalog/fieldPathAssist';
import { largeFileLayout, viewAt, type DocumentView } from './entryView';
import { largeFileFoldingRanges, largeFileSelectionRanges, largeFileSymbols } from './largeFileFeatures';
import { fieldPathCompletionList, fieldPathHoverAt } from './fieldPathFeatures';
import { hoverLead } from './hoverExtras';
import { OpenDocuments, type OpenDocument } from './openDocuments';
import { ParsedDocuments } from './parsedDocuments';
import { runSafe } from './runSafe';
import { takeReceivedText } from './receivedTexts';
import { ValidationScheduler } from './validationScheduler';
import { ValidationServerData } from './validationServerData';
import type { SourceWorkspaces } from '../../core/rules';
import type { DocumentValidator } from './validator';

/** At most this many outline symbols and folding ranges, as VS Code's JSON support (`json.maxItemsComputed`). */
const RESULT_LIMIT = 5000;

/** The JSON service answers with a list of marked strings; clients render one markdown block best. */
function asMarkdown(hover: Hover, lead?: string): Hover {
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  const texts = parts.map((p) => (typeof p === 'string' ? p : p.value));
  const value = [lead ?? '', ...texts].filter((p) => p.trim() !== '').join('\n\n---\n\n');
  return { range: hover.range, contents: { kind: 'markdown', value } };
}

/** The nearest property whose value holds `node` (`cursorField` for a string inside its path). */
function enclosingProperty(node: ASTNode | undefined): PropertyASTNode | undefined {
  for (let at = node; at; at = at.parent) if (at.type === 'property' && at.valueNode && at.valueNode !== node) return at;
  return undefined;
}

/** Completion ranges found in a view, moved to the file. */
function completionInFile(list: CompletionList, view: DocumentView): CompletionList {
  const item = (i: CompletionItem): CompletionItem => {
    const edit = i.textEdit;
    const textEdit = !edit ? undefined : 'range' in edit ? { ...edit, range: view.toFile(edit.range) } : { ...edit, insert: view.toFile(edit.insert), replace: view.toFile(edit.replace) };
    const additionalTextEdits = i.additionalTextEdits?.map((e) => ({ ...e, range: view.toFile(e.range) }));
    return { ...i, ...(textEdit && { textEdit }), ...(additionalTextEdits && { additionalTextEdits }) };
  };
  return { ...list, items: list.items.map(item) };
}

export interface ServerRuntime {
  /** Builds the validator; it may ask for the open documents (to restore a replaced worker). */
  createValidator(openDocuments: () => Array<{ uri: string; version: number; session: number; text: string; sourceWorkspaces?: SourceWorkspaces }>): DocumentValidator;
  version: string;
}

export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const log = (message: string) => connection.console.log(message);
  const documents = new OpenDocuments();
  const served = (document: OpenDocument | undefined): document is OpenDocument =>
    document !== undefined && isConnectionDocument(document.uri, document.languageId);
  const servedDocuments = () => documents.all().filter(served);

  // Built once in `initialize`, when the client's capabilities and options are known; LSP sends
  // no other request before it.
  let resources!: AirbyteResourceContribution;
  let service!: LanguageService;
  let parsed!: ParsedDocuments;
  let serverData!: ValidationServerData;

  const validator = runtime.createValidator(() =>
    servedDocuments().map((d) => ({ uri: d.uri, version: d.version, session: d.session, text: d.getText(), sourceWorkspaces: serverData?.get(d.uri) })),
  );
  const scheduler = new ValidationScheduler({
    validator,
    getDocument: (uri) => documents.get(uri),
    publish: (uri, version, diagnostics, found) => {
      void connection.sendDiagnostics({ uri, version, diagnostics });
      if (found) documents.get(uri)?.adoptLayout(found.layout); // the same version: the scheduler checked
    },
    log,
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const asksForResources = (params.initializationOptions as AirbyteInitializationOptions | undefined)?.airbyteResources === true;
    resources = new AirbyteResourceContribution(
      asksForResources
        ? {
            // The document's own settings (resource scope) name its server: the cache key.
            serverFor: async (uri) => {
              const configured: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'airbyte.serverUrl' });
              return typeof configured === 'string' && parseServerUrl(configured).ok ? normalizeServerUrl(configured) : undefined;
            },
            fetch: (uri, token, quiet) => connection.sendRequest(AirbyteResourcesRequest, quiet ? { uri, quiet } : { uri }, token),
          }
        : undefined,
      (uri, lists) => serverData.loaded(uri, lists),
    );
    serverData = new ValidationServerData(
      {
        isServed: (uri) => served(documents.get(uri)),
        apply(uri, sourceWorkspaces) {
          validator.setSourceWorkspaces(uri, sourceWorkspaces);
          scheduler.schedule(uri, true);
        },
      },
      (uri) => resources.lookupQuietly(uri),
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

  // Compiles the completion and hover code before a user's first request (warmUp.ts).
  connection.onInitialized(() => setImmediate(() => void warmUp().catch(() => undefined)));

  connection.onNotification(AirbyteResourcesChangedNotification, () => {
    resources.invalidate();
    for (const document of servedDocuments()) void serverData.refresh(document.uri);
  });

  // The validator gets its own copy of each served document and then only the edits.
  documents.listen(connection, {
    onOpen(document, text, preloaded) {
      if (!served(document)) {
        if (preloaded) validator.release?.(preloaded);
        return;
      }
      validator.open(document.uri, document.version, document.session, text, undefined, preloaded);
      scheduler.schedule(document.uri, true);
      void serverData.refresh(document.uri);
    },
    onChange(document, changes) {
      if (!served(document)) return;
      validator.change(document.uri, document.version, changes);
      scheduler.schedule(document.uri);
    },
    onClose(document) {
      parsed.forget(document.uri);
      serverData.forget(document.uri);
      if (!served(document)) return;
      scheduler.cancel(document.uri);
      validator.close(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    },
  });

  connection.onRequest(ValidateTextRequest, async (params) => {
    // A large text may already be with the validator (node/largeTextHandoff.ts): not sent again.
    const { preloaded } = takeReceivedText(params);
    return { diagnostics: await validator.validateText(params.uri, params.text, serverData.get(params.uri), preloaded) };
  });

  /** The served document and its syntax tree, or undefined when the request is not ours. */
  const lookup = (uri: string) => {
    const document = documents.get(uri);
    if (!served(document)) return undefined;
    const json = parsed.get(document);
    return json ? { document, json } : undefined;
  };

  /** The part of a served document around `position` (see entryView.ts). */
  const viewOf = (uri: string, position: { line: number; character: number }) => {
    const document = documents.get(uri);
    return served(document) ? viewAt(service, document, position, () => parsed.get(document)) : undefined;
  };

  connection.onCompletion((params, token) =>
    runSafe(log, 'completion', token, null, async () => {
      const view = viewOf(params.textDocument.uri, params.position);
      if (!view) return null;
      const offset = view.document.offsetAt(view.position);
      // Field paths (cursorField, primaryKey, selectedFields) complete from the stream's own schema.
      const list = fieldPathCompletionList(view.document, streamEntryAt(view.json.root, offset), offset) ?? (await resources.withCancellation(view.document.uri, token, () => service.doComplete(view.document, view.position, view.json)));
      return list && completionInFile(list, view);
    }),
  );

  connection.onHover((params, token) =>
    runSafe(log, 'hover', token, null, async () => {
      const view = viewOf(params.textDocument.uri, params.position);
      if (!view) return null;
      const offset = view.document.offsetAt(view.position);
      const node = view.json.getNodeFromOffset(offset);
      const fieldPath = fieldPathHoverAt(streamEntryAt(view.json.root, offset), offset);
      if (fieldPath) {
        // The path's own facts first, then the documentation of the property that holds it.
        const holder = enclosingProperty(node);
        const documentation = holder && (await service.doHover(view.document, view.document.positionAt(holder.keyNode.offset + 1), view.json));
        return asMarkdown({ contents: documentation ? documentation.contents : [] }, fieldPath);
      }
      const hover = await service.doHover(view.document, view.position, view.json);
      const lead = await resources.withCancellation(view.document.uri, token, () => hoverLead(view.document.uri, node, resources));
      return hover && asMarkdown({ ...hover, range: hover.range && view.toFile(hover.range) }, lead);
    }),
  );

  // A large catalog is looked at piece by piece (largeFileFeatures.ts), never parsed whole.
  const largeFile = (uri: string) => {
    const document = documents.get(uri);
    const layout = served(document) ? largeFileLayout(document) : undefined;
    return layout && { document: document!, layout };
  };

  connection.onDocumentSymbol((params, token) =>
    runSafe(log, 'document symbols', token, [], () => {
      const large = largeFile(params.textDocument.uri);
      if (large) return largeFileSymbols(service, large.document, large.layout, RESULT_LIMIT);
      const found = lookup(params.textDocument.uri);
      return found ? service.findDocumentSymbols2(found.document, found.json, { resultLimit: RESULT_LIMIT }) : [];
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe(log, 'folding', token, [], () => {
      const large = largeFile(params.textDocument.uri);
      if (large) return largeFileFoldingRanges(service, large.document, large.layout, RESULT_LIMIT);
      const document = documents.get(params.textDocument.uri);
      return served(document) ? service.getFoldingRanges(document, { rangeLimit: RESULT_LIMIT }) : [];
    }),
  );

  connection.onSelectionRanges((params, token) =>
    runSafe(log, 'selection ranges', token, [], () => {
      const large = largeFile(params.textDocument.uri);
      if (large) return largeFileSelectionRanges(service, large.document, large.layout, params.positions);
      const found = lookup(params.textDocument.uri);
      return found ? service.getSelectionRanges(found.document, params.positions, found.json) : [];
    }),
  );

  connection.onDocumentFormatting((params, token) =>
    runSafe(log, 'formatting', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return served(document) ? service.format(document, undefined, params.options) : [];
    }),
  );

  connection.onDocumentRangeFormatting((params, token) =>
    runSafe(log, 'range formatting', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return served(document) ? service.format(document, params.range, params.options) : [];
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe(log, 'code actions', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return served(document) ? quickFixes(document, params.context.diagnostics) : [];
    }),
  );

  connection.onShutdown(() => scheduler.dispose());

  connection.listen();
}
