// How the server gets a document's problems. The validator keeps its own copy of every open
// document and is sent edits, not texts; the Node entry runs it on a worker thread so a 30 MB
// catalog never blocks completion in another file, tests may run it in-process.
import type { Diagnostic } from 'vscode-json-languageservice';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { CatalogLayout } from '../../core/language/catalogLayout';
import type { SourceWorkspaces } from '../../core/rules';

/** Diagnostics of the validator's copy of a document, with the version and session they belong to. */
export interface DiagnosisResult {
  version: number;
  session: number;
  diagnostics: Diagnostic[];
  /** Where the stream entries are in that version: completion and hover use it on the main thread. */
  layout: CatalogLayout | undefined;
}

/**
 * A document's text the validator was handed as raw bytes before the server had decoded it (a
 * large didOpen, see node/slicedMessageReader.ts): `open` may then refer to it instead of
 * sending the text again.
 */
export interface PreloadedText {
  readonly id: number;
}

/** The long strings of a large body that another thread unescaped while the body arrived. */
export interface BodyReadAhead {
  /** The reader starts decoding the body (after handing over any text of it with `preload`). */
  decoding(): void;
  /**
   * The UTF-8 bytes of the value of the string whose content is bytes [start, end) of the body:
   * 'pending' while they may still come, undefined when they will not (then decode it yourself).
   */
  stringAt(start: number, end: number): Uint8Array | 'pending' | undefined;
  /**
   * While stringAt says 'pending': resolves when it no longer will, if that is soon (the other
   * thread has read the whole body); undefined when it may take long (decode meanwhile).
   */
  whenSettled(): Promise<void> | undefined;
  /** The reader is done with the body. */
  dispose(): void;
}

export interface DocumentValidator {
  /** `preloaded`: the same text, already handed over by `preload`. */
  open(uri: string, version: number, session: number, text: string, sourceWorkspaces?: SourceWorkspaces, preloaded?: PreloadedText): void;
  /**
   * Hands over the text of a didOpen of `uri` at `version` (or of a validateText request, at
   * version 0) before the server has decoded it: the JSON string literal at bytes [start, end)
   * of `bytes` (its content, between the quotes).
   */
  preload?(uri: string, version: number, bytes: SharedArrayBuffer, start: number, end: number): PreloadedText;
  /**
   * A large body is arriving in `bytes` (`filled[0]` of them so far): the validator may make
   * that memory resident ahead of the reader (node/mapAhead.ts), and unescape its long strings
   * as they arrive (node/bodyStrings.ts), which the reader may then use.
   */
  prepare?(bytes: SharedArrayBuffer, filled: Int32Array): BodyReadAhead | void;
  /** A preloaded text no `open` will refer to. */
  release?(preloaded: PreloadedText): void;
  /** The configured server's sources for the document (undefined: not known); diagnose again after it. */
  setSourceWorkspaces(uri: string, sourceWorkspaces: SourceWorkspaces | undefined): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** Diagnostics of the document as of the last open/change sent. */
  diagnose(uri: string): Promise<DiagnosisResult>;
  /**
   * Diagnostics of exactly `text`, as if it were opened fresh (the Create Connection check).
   * `preloaded`: the same text, already handed over by `preload` (at version 0).
   */
  validateText(uri: string, text: string, sourceWorkspaces?: SourceWorkspaces, preloaded?: PreloadedText): Promise<Diagnostic[]>;
  dispose(): void;
}

/** Messages to the validation engine, in order. */
export type ValidationMessage =
  /** `preloaded`: the text given earlier by ValidationEngine.preload. */
  | ({ kind: 'open'; uri: string; version: number; session: number; sourceWorkspaces?: SourceWorkspaces } & ({ text: string } | { preloaded: number }))
  | { kind: 'sourceWorkspaces'; uri: string; sourceWorkspaces: SourceWorkspaces | undefined }
  | { kind: 'change'; uri: string; version: number; changes: TextDocumentContentChangeEvent[] }
  | { kind: 'close'; uri: string }
  | { kind: 'diagnose'; id: number; uri: string }
  /** `preloaded`: the text given earlier by ValidationEngine.preload. */
  | ({ kind: 'validateText'; id: number; uri: string; sourceWorkspaces?: SourceWorkspaces } & ({ text: string } | { preloaded: number }));
