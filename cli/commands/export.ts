// `airbyte-connection export CONNECTION_ID [-o FILE]`
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { exportConnection, stateFilePath, writeStateEntry } from '../../core/lifecycle';
import { describeApiError } from '../apiError';
import type { CliIo } from '../io';
import { SERVER_FLAGS, serverConnection } from '../serverOptions';
import { UsageError } from '../usageError';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...SERVER_FLAGS, output: { type: 'string', short: 'o' } },
  });
  if (positionals.length !== 1) throw new UsageError('Name exactly one connection id.');
  const server = serverConnection(values, io.env, io.stderr);
  const exported = await exportConnection({ client: server.client, serverUrl: server.serverUrl }, positionals[0]);
  if (!exported.ok) {
    io.stderr(server.scrub(describeApiError(exported.error)));
    return 1;
  }
  if (values.output === undefined) {
    io.stdout(exported.value.text);
    return 0;
  }
  const file = path.resolve(io.cwd, values.output);
  try {
    await fs.writeFile(file, exported.value.text, 'utf8');
    await writeStateEntry(stateFilePath(file), server.serverUrl, exported.value.read.connectionId);
  } catch (error) {
    io.stderr(`airbyte-connection: cannot write ${values.output}: ${(error as Error).message}\n`);
    return 1;
  }
  io.stderr(`Wrote ${values.output} and ${path.relative(io.cwd, stateFilePath(file))}.\n`);
  return 0;
}
