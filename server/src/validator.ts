// How the server gets a document's problems. The Node entry validates on a worker thread so a
// 30 MB catalog never blocks completion in another file; tests may validate in-process.
import type { Diagnostic } from 'vscode-json-languageservice';

export interface ValidationRequest {
  uri: string;
  version: number;
  text: string;
}

export interface DocumentValidator {
  validate(request: ValidationRequest): Promise<Diagnostic[]>;
  dispose(): void;
}
