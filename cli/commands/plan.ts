// `airbyte-connection plan FILE`: exit 0 no change, 2 changes, 1 failure.
import { parseArgs } from 'node:util';
import { hasChanges, planConnection, readStateFile, renderPlanMarkdown, renderPlanText, stateFilePath } from '../../core/lifecycle';
import { loadConnectionFile } from '../connectionFile';
import type { CliIo } from '../io';
import { describeApiError } from '../apiError';
import { SERVER_FLAGS, serverConnection } from '../serverOptions';
import { UsageError } from '../usageError';

export async function plan(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...SERVER_FLAGS, format: { type: 'string', default: 'text' } },
  });
  if (values.format !== 'text' && values.format !== 'markdown') throw new UsageError(`Unknown --format “${values.format}”: use text or markdown.`);
  if (positionals.length !== 1) throw new UsageError('Name exactly one connection file.');
  const server = serverConnection(values, io.env, io.stderr);

  const loaded = await loadConnectionFile(positionals[0], io.cwd);
  if (!loaded.ok) {
    io.stderr(`airbyte-connection: ${loaded.message}\n`);
    return 1;
  }
  const statePath = stateFilePath(loaded.file);
  const state = await readStateFile(statePath);
  if (!state.ok) {
    io.stderr(`airbyte-connection: ${state.message}\n`);
    return 1;
  }
  const planned = await planConnection({ client: server.client, serverUrl: server.serverUrl }, loaded.body, state.state, statePath);
  if (!planned.ok) {
    io.stderr(server.scrub(describeApiError(planned.error)));
    return 1;
  }
  const render = values.format === 'markdown' ? renderPlanMarkdown : renderPlanText;
  io.stdout(server.scrub(render(planned.value, loaded.label)));
  return hasChanges(planned.value) ? 2 : 0;
}
