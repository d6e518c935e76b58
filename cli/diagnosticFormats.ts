// `validate --format`: plain lines, JSON, GitHub workflow commands (annotations on the pull
// request), or SARIF 2.1.0 (code scanning).
import { formatDiagnosticText, type FileDiagnostic } from './diagnose';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type DiagnosticFormat = (typeof FORMATS)[number];

export function formatDiagnostics(format: DiagnosticFormat, diagnostics: FileDiagnostic[], files: string[]): string {
  switch (format) {
    case 'text':
      return diagnostics.map((d) => `${formatDiagnosticText(d)}\n`).join('');
    case 'json':
      return `${JSON.stringify(diagnostics, null, 2)}\n`;
    case 'github':
      return diagnostics.map((d) => `${githubCommand(d)}\n`).join('');
    case 'sarif':
      return `${JSON.stringify(sarif(diagnostics, files), null, 2)}\n`;
  }
}

function githubCommand(d: FileDiagnostic): string {
  const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const properties = [
    `file=${escapeProperty(d.file)}`,
    `line=${d.line}`,
    `col=${d.column}`,
    `endLine=${d.endLine}`,
    `endColumn=${d.endColumn}`,
    `title=${escapeProperty(`airbyte${d.code ? ` ${d.code}` : ''}`)}`,
  ];
  return `::${command} ${properties.join(',')}::${escapeData(d.message)}`;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function sarif(diagnostics: FileDiagnostic[], files: string[]) {
  const rules = [...new Set(diagnostics.map((d) => d.code ?? 'schema'))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'airbyte-connection', informationUri: 'https://docs.airbyte.com/', rules: rules.map((id) => ({ id })) } },
        artifacts: files.map((file) => ({ location: { uri: toUri(file) } })),
        results: diagnostics.map((d) => ({
          ruleId: d.code ?? 'schema',
          level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(d.file) },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
