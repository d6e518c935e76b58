// Which connection on a server a file manages: the one its state file names for that server, or
// else the one with the same name, source and destination in the source's workspace
// (`web_backend/connections/list`). Two such candidates is an error that names both.
import type { AirbyteApiError, AirbyteClient, ApiResult, WebBackendConnectionListItem } from '../api';
import { linkedConnectionId, type ConnectionState } from './stateFile';

export type Link =
  | { kind: 'state'; connectionId: string }
  | { kind: 'search'; connectionId: string; name: string }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: { connectionId: string; name: string }[] };

export async function resolveLink(
  client: AirbyteClient,
  serverUrl: string,
  state: ConnectionState,
  body: Record<string, unknown>,
  options: { signal?: AbortSignal } = {},
): Promise<ApiResult<Link>> {
  const linked = linkedConnectionId(state, serverUrl);
  if (linked) return { ok: true, value: { kind: 'state', connectionId: linked } };
  if (typeof body.sourceId !== 'string' || typeof body.destinationId !== 'string') return { ok: true, value: { kind: 'none' } };

  const source = await client.getSource(body.sourceId, options);
  if (!source.ok) return source.error.kind === 'notFound' ? { ok: true, value: { kind: 'none' } } : source;
  const listed = await client.listConnections(
    source.value.workspaceId,
    { sourceId: [body.sourceId], destinationId: [body.destinationId] },
    options,
  );
  if (!listed.ok) return listed;
  const candidates = listed.value.filter((c) => matches(c, body));
  if (candidates.length === 0) return { ok: true, value: { kind: 'none' } };
  if (candidates.length === 1) return { ok: true, value: { kind: 'search', connectionId: candidates[0].connectionId, name: candidates[0].name } };
  return { ok: true, value: { kind: 'ambiguous', candidates: candidates.map((c) => ({ connectionId: c.connectionId, name: c.name })) } };
}

// A file without a name matches any connection between its source and destination.
function matches(item: WebBackendConnectionListItem, body: Record<string, unknown>): boolean {
  if (item.status === 'deprecated') return false; // deleted in Airbyte's terms
  if (item.source?.sourceId !== body.sourceId || item.destination?.destinationId !== body.destinationId) return false;
  return typeof body.name !== 'string' || body.name === '' || item.name === body.name;
}

export function ambiguityError(candidates: { connectionId: string; name: string }[], statePath: string | undefined): AirbyteApiError {
  const named = candidates.map((c) => `“${c.name}” (${c.connectionId})`).join(' and ');
  return {
    kind: 'badRequest',
    message: `${candidates.length} connections on the server have this file's name, source and destination: ${named}. Which one this file manages is ambiguous.`,
    hint: `Record the right one in ${statePath ?? 'the state file'} as {"connections": {"<server URL>": "<connection id>"}}, or rename or delete the other on the server.`,
  };
}
