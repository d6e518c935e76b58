// A file with thousands of problems (a catalog pasted with a wrong shape) would flood the
// Problems panel and the protocol. The most severe few hundred are shown, plus one line at the
// top that says how many more there are.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-json-languageservice';

export const MAX_DIAGNOSTICS = 300;

export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const rank = (d: Diagnostic) => d.severity ?? DiagnosticSeverity.Error;
  const shown = diagnostics
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j)
    .slice(0, max - 1)
    .sort(([, i], [, j]) => i - j)
    .map(([d]) => d);
  const hidden = diagnostics.length - shown.length;
  const listed = new Set(shown);
  const worst = diagnostics.reduce((w, d) => (listed.has(d) ? w : Math.min(w, rank(d))), DiagnosticSeverity.Hint as number) as DiagnosticSeverity;
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: worst,
      source: 'airbyte',
      code: 'more-problems',
      message: `${hidden} more problems are not listed (at most ${max} are shown per file). Fix the ones shown, or run the CLI on the file for the full list.`,
    },
    ...shown,
  ];
}
