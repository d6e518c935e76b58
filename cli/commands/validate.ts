// `airbyte-connection validate FILE|GLOB…`
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { diagnoseFile, type FileDiagnostic } from '../diagnose';
import { FORMATS, formatDiagnostics, type DiagnosticFormat } from '../diagnosticFormats';
import type { CliIo } from '../io';
import { UsageError } from '../usageError';

export async function validate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, strict: { type: 'boolean' } },
  });
  const format = values.format as DiagnosticFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format “${values.format}”: use ${FORMATS.join(', ')}.`);
  if (positionals.length === 0) throw new UsageError('Name at least one file or glob, e.g. "**/*.connection.json".');

  const files = await expand(positionals, io.cwd);
  const diagnostics: FileDiagnostic[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(path.resolve(io.cwd, file), 'utf8');
    } catch (error) {
      io.stderr(`airbyte-connection: ${file}: cannot read it (${(error as Error).message}).\n`);
      return 1;
    }
    diagnostics.push(...(await diagnoseFile(file, text)));
  }
  io.stdout(formatDiagnostics(format, diagnostics, files));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (format === 'text' || format === 'github') {
    io.stderr(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).\n`);
  }
  return errors > 0 || (values.strict === true && warnings > 0) ? 1 : 0;
}

/** Existing paths as given; anything else as a glob, which must match at least one file. */
async function expand(patterns: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const stat = await fs.stat(path.resolve(cwd, pattern)).catch(() => undefined);
    if (stat?.isFile()) {
      files.push(pattern);
      continue;
    }
    if (stat?.isDirectory()) throw new UsageError(`${pattern} is a folder: give files or a glob such as "${pattern}/**/*.connection.json".`);
    const matched = (await glob(pattern, { cwd, ignore: ['**/node_modules/**'] })).sort();
    if (matched.length === 0) throw new UsageError(`${pattern}: no such file, and no file matches it as a glob.`);
    files.push(...matched);
  }
  return [...new Set(files)];
}
