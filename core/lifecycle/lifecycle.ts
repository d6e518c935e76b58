// Plan, apply and export: the lifecycle of a connection file, one implementation for the editor
// commands and the command line. Expected failures are values (`{ ok: false, error }`).
import type { AirbyteApiError, AirbyteClient, ApiResult, WebBackendConnectionRead } from '../api';
import { diffConnections, isEmptyDiff, type ConnectionDiff } from './diff';
import { exportConnectionFile, formatConnectionFile } from './exportFile';
import { ambiguityError, resolveLink } from './link';
import { normalizeFile, normalizeLive } from './normalize';
import { predictResets, type ResetPrediction } from './resets';
import { writeStateEntry, type ConnectionState } from './stateFile';
import { buildUpdateRequest, completeStreams } from './updateRequest';

type Obj = Record<string, unknown>;

export interface LifecycleTarget {
  client: AirbyteClient;
  serverUrl: string;
  signal?: AbortSignal;
}

export interface Plan {
  serverUrl: string;
  /** `create`: the file manages nothing on this server yet; `none`: the live connection matches. */
  action: 'create' | 'update' | 'none';
  body: Obj;
  connectionId?: string;
  connectionName?: string;
  linkedBy?: 'state' | 'search';
  live?: WebBackendConnectionRead;
  diff?: ConnectionDiff;
  resets: ResetPrediction;
  /** Changes Airbyte cannot make by update (source or destination); apply refuses them. */
  blockers: string[];
}

export async function planConnection(
  target: LifecycleTarget,
  body: Obj,
  state: ConnectionState,
  statePath?: string,
): Promise<ApiResult<Plan>> {
  const { client, serverUrl, signal } = target;
  const link = await resolveLink(client, serverUrl, state, body, { signal });
  if (!link.ok) return link;
  const noResets: ResetPrediction = { streams: [], allStreams: false };
  if (link.value.kind === 'ambiguous') return { ok: false, error: ambiguityError(link.value.candidates, statePath) };
  if (link.value.kind === 'none') return { ok: true, value: { serverUrl, action: 'create', body, resets: noResets, blockers: [] } };

  const { connectionId } = link.value;
  const got = await client.getConnection(connectionId, { signal });
  if (!got.ok) {
    if (got.error.kind === 'notFound' && link.value.kind === 'state') return { ok: false, error: staleLink(connectionId, serverUrl, statePath) };
    return got;
  }
  const live = got.value;
  if (live.status === 'deprecated') return { ok: false, error: staleLink(connectionId, serverUrl, statePath) };

  const liveForm = normalizeLive(live);
  const fileForm = normalizeFile(body);
  const diff = diffConnections(liveForm, fileForm);
  const stateType = await client.getStateType(connectionId, { signal });
  const resets = predictResets(liveForm, fileForm, stateType.ok ? stateType.value : undefined);
  const blockers = diff.settings
    .filter((c) => c.field === 'sourceId' || c.field === 'destinationId')
    .map((c) => `${c.field} differs (${String(c.from)} on the server, ${String(c.to)} in the file): Airbyte cannot change a connection's ${c.field === 'sourceId' ? 'source' : 'destination'}. Create a new connection for it instead.`);
  return {
    ok: true,
    value: {
      serverUrl,
      action: isEmptyDiff(diff) ? 'none' : 'update',
      body,
      connectionId,
      connectionName: typeof live.name === 'string' ? live.name : undefined,
      linkedBy: link.value.kind,
      live,
      diff,
      resets,
      blockers,
    },
  };
}

export type ApplyOutcome =
  | { kind: 'unchanged'; connectionId: string }
  | { kind: 'created' | 'updated'; connectionId: string; name: string; notKept: ConnectionDiff | undefined; read: WebBackendConnectionRead };

/**
 * Carries out a plan: create when the file manages nothing, else update (never a second
 * create), then reads the connection back and reports what the server did not keep. The state
 * file is written after a create, and after an update found by name.
 */
export async function applyPlan(target: LifecycleTarget, plan: Plan, statePath: string | undefined): Promise<ApiResult<ApplyOutcome>> {
  const { client, signal } = target;
  if (plan.action === 'none' && plan.connectionId) {
    if (plan.linkedBy === 'search' && statePath) await writeStateEntry(statePath, plan.serverUrl, plan.connectionId);
    return { ok: true, value: { kind: 'unchanged', connectionId: plan.connectionId } };
  }
  if (plan.blockers.length > 0) {
    return { ok: false, error: { kind: 'badRequest', message: plan.blockers.join(' '), hint: 'Nothing was sent.' } };
  }
  let connectionId: string;
  if (plan.action === 'create') {
    const created = await client.createConnection(plan.body, { signal });
    if (!created.ok) return created;
    connectionId = created.value.connectionId;
    if (statePath) await writeStateEntry(statePath, plan.serverUrl, connectionId);
  } else {
    const request = await updateRequestFor(target, plan);
    if (!request.ok) return request;
    const updated = await client.updateConnection(request.value as { connectionId: string }, { signal });
    if (!updated.ok) return updated;
    connectionId = updated.value.connectionId;
    if (plan.linkedBy === 'search' && statePath) await writeStateEntry(statePath, plan.serverUrl, connectionId);
  }
  const read = await client.getConnection(connectionId, { signal });
  if (!read.ok) return read;
  const notKept = diffConnections(normalizeLive(read.value), normalizeFile(plan.body));
  return {
    ok: true,
    value: {
      kind: plan.action === 'create' ? 'created' : 'updated',
      connectionId,
      name: String(read.value.name ?? ''),
      notKept: isEmptyDiff(notKept) ? undefined : notKept,
      read: read.value,
    },
  };
}

/** The request apply would send: the file itself for a create, the update body otherwise. */
export async function updateRequestFor(target: LifecycleTarget, plan: Plan): Promise<ApiResult<Obj>> {
  if (plan.action === 'create' || !plan.live) return { ok: true, value: plan.body };
  return buildUpdateRequest(target.client, plan.body, plan.live, { signal: target.signal });
}

export interface ExportResult {
  read: WebBackendConnectionRead;
  file: Obj;
  text: string;
}

export async function exportConnection(target: LifecycleTarget, connectionId: string): Promise<ApiResult<ExportResult>> {
  const read = await target.client.getConnection(connectionId, { signal: target.signal });
  if (!read.ok) return read;
  const file = exportConnectionFile(read.value);
  return { ok: true, value: { read: read.value, file, text: formatConnectionFile(file) } };
}

/**
 * The live connection and the file, each written as a minimal normalised file: the two sides
 * of the editor's diff view (equal text means an empty plan).
 */
export function diffTexts(plan: Plan): { live: string; file: string } {
  const liveText = plan.live ? formatConnectionFile(exportConnectionFile(plan.live)) : '';
  const syncCatalog = { streams: completeStreams(plan.body.syncCatalog, plan.live?.syncCatalog) };
  const asRead = { ...plan.body, connectionId: plan.connectionId ?? '', syncCatalog } as unknown as WebBackendConnectionRead;
  if (plan.live && typeof plan.body.name !== 'string') asRead.name = plan.live.name;
  return { live: liveText, file: formatConnectionFile(exportConnectionFile(asRead)) };
}

function staleLink(connectionId: string, serverUrl: string, statePath: string | undefined): AirbyteApiError {
  return {
    kind: 'notFound',
    id: connectionId,
    message: `The state file links this file to connection ${connectionId} on ${serverUrl}, but the server has no such connection (it was deleted).`,
    hint: `Remove that entry from ${statePath ?? 'the state file'} to create the connection again or find it by name.`,
  };
}
