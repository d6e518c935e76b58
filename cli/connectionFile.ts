// Reading a connection file for plan and apply: it must exist, be JSON, and pass the editor's
// checks without errors (what Airbyte would reject is not sent).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diagnoseFile, formatDiagnosticText, type FileDiagnostic } from './diagnose';

export type LoadedFile =
  | { ok: true; file: string; label: string; body: Record<string, unknown> }
  | { ok: false; message: string; diagnostics?: FileDiagnostic[] };

export async function loadConnectionFile(file: string, cwd: string): Promise<LoadedFile> {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot read it (${(error as Error).message}).` };
  }
  const diagnostics = await diagnoseFile(file, text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    return {
      ok: false,
      message: `${file} has ${errors.length} error(s); fix them first:\n${errors.map(formatDiagnosticText).join('\n')}`,
      diagnostics,
    };
  }
  return { ok: true, file: absolute, label: file, body: JSON.parse(text) as Record<string, unknown> };
}
