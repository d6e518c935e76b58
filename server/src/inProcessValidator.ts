// Validation on the calling thread: for runtimes without worker threads, and for tests.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { validateConnection } from '../../core/language/validateConnection';
import type { DocumentValidator, ValidationRequest } from './validator';

export function createInProcessValidator(): DocumentValidator {
  const service = createConnectionLanguageService();
  return {
    validate: ({ uri, version, text }: ValidationRequest) =>
      validateConnection(service, TextDocument.create(uri, 'airbyte-connection', version, text)),
    dispose: () => undefined,
  };
}
