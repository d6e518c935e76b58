// All problems of one connection file: JSON syntax, the schema, and Airbyte's own rules, with
// messages that say what is wrong and what to do, at the place they belong. This is the
// reference "fresh open"; incrementalValidation.ts gives the same answer entry by entry.
import {
  DiagnosticSeverity,
  type ASTNode,
  type Diagnostic,
  type JSONDocument,
  type JSONSchema,
  type LanguageService,
  type TextDocument,
} from 'vscode-json-languageservice';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { runRules, streamProblems, type RuleProblem, type ServerFacts } from '../rules';
import { bodySizeProblem } from './bodySize';
import { refineServiceDiagnostics } from './refineMessages';
import { checkNesting, MAX_NESTING_DEPTH } from './nestingGuard';
import { schemaProblems } from './schemaProblems';

import { DIAGNOSTIC_SOURCE } from './diagnosticSource';

export { DIAGNOSTIC_SOURCE };

const SEVERITY: Record<RuleProblem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface ValidateOptions {
  /** The caller already knows the text is nested within MAX_NESTING_DEPTH (catalogLayout.ts checks it). */
  nestingChecked?: boolean;
  /** The caller judges the whole body's size itself (incrementalValidation.ts, from its parts). */
  skipBodySize?: boolean;
}

export async function validateConnection(
  service: LanguageService,
  document: TextDocument,
  jsonDocument?: JSONDocument,
  /** What the caller knows from the server (for example the source's workspace); optional. */
  server?: ServerFacts,
  options: ValidateOptions = {},
): Promise<Diagnostic[]> {
  const text = document.getText();
  if (text.trim() === '') {
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        code: 'empty-file',
        message: 'The file is empty. A connection needs at least `sourceId`, `destinationId` and `status`: type `airbyte-connection` and accept the snippet, or press Ctrl+Space.',
      },
    ];
  }
  const nesting = options.nestingChecked ? { tooDeep: false, offset: 0 } : checkNesting(text);
  if (nesting.tooDeep) {
    const at = document.positionAt(nesting.offset);
    return [
      {
        range: { start: at, end: { line: at.line, character: at.character + 1 } },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        code: 'too-deep',
        message: `This JSON is nested more than ${MAX_NESTING_DEPTH} levels deep here; the editor does not analyse it further. A connection file is never this deep: check for a generated or corrupted value.`,
      },
    ];
  }

  const parsed = jsonDocument ?? service.parseJSONDocument(document);
  const tooLarge = options.skipBodySize ? undefined : bodySizeProblem(text);
  const extra: Diagnostic[] = tooLarge ? [{ ...tooLarge, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, source: DIAGNOSTIC_SOURCE }] : [];
  return combine(service, document, parsed, (root) => [...schemaProblems(root), ...runRules({ root, server })], extra);
}

/** The schema definition of one `syncCatalog.streams[i]` entry. */
const STREAM_ENTRY: JSONSchema = { $ref: '#/definitions/AirbyteStreamAndConfiguration' };

/**
 * The problems of one stream entry whose text is the whole of `document` (nested within
 * MAX_NESTING_DEPTH): syntax, its schema definition and the per-stream rules, exactly those
 * `validateConnection` finds inside that entry of a file (the checks across entries and of the
 * header are the caller's).
 */
export function validateStreamEntry(service: LanguageService, document: TextDocument, parsed: JSONDocument): Promise<Diagnostic[]> {
  return combine(service, document, parsed, (root) => [...schemaProblems(root, STREAM_ENTRY), ...streamProblems(root)]);
}

/** Syntax problems from the JSON service, then `problemsOf` the tree, as one sorted list. */
async function combine(service: LanguageService, document: TextDocument, parsed: JSONDocument, problemsOf: (root: ASTNode) => RuleProblem[], extra: Diagnostic[] = []): Promise<Diagnostic[]> {
  const serviceDiagnostics = await service.doValidation(document, parsed, {
    comments: 'error', // Airbyte's JSON reader rejects comments and trailing commas
    trailingCommas: 'error',
    schemaValidation: 'ignore', // schemaProblems judges the schema as Airbyte's mapper does
    schemaRequest: 'ignore',
  });
  const diagnostics = [...refineServiceDiagnostics(serviceDiagnostics), ...extra];
  if (!parsed.root) return finish(diagnostics);
  const ruleDiagnostics = problemsOf(parsed.root).map((problem) => toDiagnostic(problem, document));
  // A rule that speaks about a deprecated field says more than the generic deprecation note.
  const ruled = new Set(ruleDiagnostics.filter((d) => d.code !== 'deprecated').map((d) => document.offsetAt(d.range.start)));
  return finish([...diagnostics, ...ruleDiagnostics.filter((d) => d.code !== 'deprecated' || !ruled.has(document.offsetAt(d.range.start)))]);
}

/** Dedupes and sorts by position: the final shape of a file's diagnostics. */
export function finish(diagnostics: Diagnostic[]): Diagnostic[] {
  return dedupe(diagnostics).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function toDiagnostic(problem: Pick<RuleProblem, 'severity' | 'code' | 'message' | 'unnecessary' | 'deprecated' | 'data'> & { node: { offset: number; length: number } }, document: Pick<TextDocument, 'positionAt'>): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(problem.node.offset), end: document.positionAt(problem.node.offset + problem.node.length) },
    severity: SEVERITY[problem.severity],
    source: DIAGNOSTIC_SOURCE,
    code: problem.code,
    message: problem.message,
  };
  if (problem.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (problem.deprecated) diagnostic.tags = [...(diagnostic.tags ?? []), DiagnosticTag.Deprecated];
  if (problem.data) diagnostic.data = problem.data;
  return diagnostic;
}

/** The same message at the same place is shown once (the schema and a rule may agree). */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.range.start.line}:${d.range.start.character}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

