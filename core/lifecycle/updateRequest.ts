// The WebBackendConnectionUpdate that makes the live connection what the file says. The update is
// a patch, so every setting is sent explicitly (a default the file leaves out must still reset a
// value changed elsewhere); streams the file lists without their discovered facts (JSON schema,
// supported sync modes…) get them from the live catalog, because Airbyte stores what it is sent.
import type { AirbyteClient, ApiResult, WebBackendConnectionRead } from '../api';
import { isObj, normalizeFile, streamKey } from './normalize';

type Obj = Record<string, unknown>;

export async function buildUpdateRequest(
  client: AirbyteClient,
  body: Obj,
  live: WebBackendConnectionRead,
  options: { signal?: AbortSignal } = {},
): Promise<ApiResult<Obj>> {
  const { settings } = normalizeFile(body);
  const request: Obj = { connectionId: live.connectionId };
  for (const [field, value] of Object.entries(settings)) {
    if (field === 'sourceId' || field === 'destinationId') continue; // not updatable
    if (value === null || value === undefined) continue; // null would mean “leave as is”
    request[field] = value;
  }
  request.syncCatalog = { streams: completeStreams(body.syncCatalog, live.syncCatalog) };
  if (typeof body.sourceCatalogId === 'string') request.sourceCatalogId = body.sourceCatalogId;

  const operations = await operationsFor(client, body, live, options);
  if (!operations.ok) return operations;
  request.operations = operations.value;
  return { ok: true, value: request };
}

export function completeStreams(fileCatalog: unknown, liveCatalog: unknown): Obj[] {
  const liveStreams = new Map<string, Obj>();
  for (const entry of isObj(liveCatalog) && Array.isArray(liveCatalog.streams) ? liveCatalog.streams : []) {
    if (isObj(entry) && isObj(entry.stream) && typeof entry.stream.name === 'string') {
      liveStreams.set(streamKey(entry.stream.name, namespaceOf(entry.stream)), entry.stream);
    }
  }
  const entries = isObj(fileCatalog) && Array.isArray(fileCatalog.streams) ? fileCatalog.streams.filter(isObj) : [];
  return entries.map((entry) => {
    const stream = isObj(entry.stream) ? entry.stream : {};
    const known = typeof stream.name === 'string' ? liveStreams.get(streamKey(stream.name, namespaceOf(stream))) : undefined;
    return { ...entry, stream: { ...(known ?? {}), ...stream } };
  });
}

function namespaceOf(stream: Obj): string | undefined {
  return typeof stream.namespace === 'string' && stream.namespace !== '' ? stream.namespace : undefined;
}

// WebBackendConnectionUpdate has no operationIds: operations are sent whole, with their id when
// they already belong to the connection; inline operations matching a live one keep its id.
async function operationsFor(
  client: AirbyteClient,
  body: Obj,
  live: WebBackendConnectionRead,
  options: { signal?: AbortSignal },
): Promise<ApiResult<Obj[]>> {
  const liveOperations = Array.isArray(live.operations) ? (live.operations as unknown[]).filter(isObj) : [];
  const out: Obj[] = [];
  for (const id of Array.isArray(body.operationIds) ? body.operationIds : []) {
    if (typeof id !== 'string') continue;
    let operation = liveOperations.find((o) => o.operationId === id);
    if (!operation) {
      const fetched = await client.getOperation(id, options);
      if (!fetched.ok) return fetched;
      operation = fetched.value as unknown as Obj;
    }
    out.push(pick(operation, true));
  }
  const claimed = new Set(out.map((o) => o.operationId));
  for (const inline of Array.isArray(body.operations) ? body.operations.filter(isObj) : []) {
    const same = liveOperations.find(
      (o) => !claimed.has(o.operationId) && o.name === inline.name && JSON.stringify(o.operatorConfiguration) === JSON.stringify(inline.operatorConfiguration),
    );
    if (same) claimed.add(same.operationId);
    out.push(same ? pick(same, true) : pick(inline, false));
  }
  return { ok: true, value: out };
}

function pick(operation: Obj, withId: boolean): Obj {
  const { workspaceId, name, operatorConfiguration } = operation;
  return withId ? { operationId: operation.operationId, workspaceId, name, operatorConfiguration } : { workspaceId, name, operatorConfiguration };
}
