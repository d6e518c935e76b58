// `airbyte-connection apply FILE [--yes] [--dry-run]`
import { parseArgs } from 'node:util';
import {
  applyPlan,
  planConnection,
  readStateFile,
  renderNotKept,
  renderPlanText,
  resetLine,
  stateFilePath,
  updateRequestFor,
} from '../../core/lifecycle';
import { redactJson } from '../../core/api';
import { describeApiError } from '../apiError';
import { loadConnectionFile } from '../connectionFile';
import type { CliIo } from '../io';
import { SERVER_FLAGS, serverConnection } from '../serverOptions';
import { UsageError } from '../usageError';

export async function apply(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...SERVER_FLAGS, yes: { type: 'boolean', short: 'y' }, 'dry-run': { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('Name exactly one connection file.');
  const server = serverConnection(values, io.env, io.stderr);
  const say = (text: string) => io.stdout(server.scrub(text));
  const fail = (text: string) => {
    io.stderr(server.scrub(text));
    return 1;
  };

  const loaded = await loadConnectionFile(positionals[0], io.cwd);
  if (!loaded.ok) return fail(`airbyte-connection: ${loaded.message}\n`);
  const statePath = stateFilePath(loaded.file);
  const state = await readStateFile(statePath);
  if (!state.ok) return fail(`airbyte-connection: ${state.message}\n`);
  const target = { client: server.client, serverUrl: server.serverUrl };
  const planned = await planConnection(target, loaded.body, state.state, statePath);
  if (!planned.ok) return fail(describeApiError(planned.error));
  const plan = planned.value;
  say(renderPlanText(plan, loaded.label));

  if (values['dry-run'] === true) {
    if (plan.action === 'none') return 0;
    const request = await updateRequestFor(target, plan);
    if (!request.ok) return fail(describeApiError(request.error));
    const endpoint = plan.action === 'create' ? 'create' : 'update';
    say(`Dry run: would POST ${server.serverUrl}/v1/web_backend/connections/${endpoint} with:\n${JSON.stringify(redactJson(request.value), null, 2)}\n`);
    return 0;
  }
  if (plan.action !== 'none' && plan.blockers.length === 0 && values.yes !== true) {
    if (!io.ask) return fail('airbyte-connection: not applied: confirm on a terminal, or pass --yes (for CI).\n');
    const resets = resetLine(plan.resets);
    const verb = plan.action === 'create' ? 'Create the connection' : 'Update the connection';
    const answer = await io.ask(`${resets ? `${resets}\n` : ''}${verb}? Type "yes" to continue: `);
    if (answer.trim().toLowerCase() !== 'yes') return fail('airbyte-connection: not applied (not confirmed).\n');
  }

  const applied = await applyPlan(target, plan, statePath);
  if (!applied.ok) return fail(describeApiError(applied.error));
  const outcome = applied.value;
  if (outcome.kind === 'unchanged') {
    say(`Nothing to apply.\n`);
    return 0;
  }
  say(`${outcome.kind === 'created' ? 'Created' : 'Updated'} connection “${outcome.name}” (${outcome.connectionId}) on ${server.serverUrl}.\n`);
  if (outcome.kind === 'created') say(`Recorded it in ${statePath}: commit that file with ${loaded.label}.\n`);
  if (outcome.notKept) {
    return fail(`airbyte-connection: the server did not keep everything the file says; read back, it differs in:\n${renderNotKept(outcome.notKept)}\n`);
  }
  return 0;
}
