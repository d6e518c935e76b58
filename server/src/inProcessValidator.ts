// Validation on the calling thread: for runtimes without worker threads, and for tests.
import type { Diagnostic } from 'vscode-json-languageservice';
import { ValidationEngine } from './validationEngine';
import type { DiagnosisResult, DocumentValidator } from './validator';

export function createInProcessValidator(): DocumentValidator {
  const engine = new ValidationEngine();
  let nextId = 1;
  return {
    open: (uri, version, session, text, sourceWorkspaces) => void engine.handle({ kind: 'open', uri, version, session, text, sourceWorkspaces }),
    setSourceWorkspaces: (uri, sourceWorkspaces) => void engine.handle({ kind: 'sourceWorkspaces', uri, sourceWorkspaces }),
    change: (uri, version, changes) => void engine.handle({ kind: 'change', uri, version, changes }),
    close: (uri) => void engine.handle({ kind: 'close', uri }),
    diagnose: (uri) => engine.handle({ kind: 'diagnose', id: nextId++, uri }) as Promise<DiagnosisResult>,
    validateText: (uri, text, sourceWorkspaces) => engine.handle({ kind: 'validateText', id: nextId++, uri, text, sourceWorkspaces }) as Promise<Diagnostic[]>,
    dispose: () => undefined,
  };
}
