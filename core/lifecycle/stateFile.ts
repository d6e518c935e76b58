// The state file beside a connection file: `<name>.connection.state.json`, mapping each Airbyte
// server (its normalised URL) to the id of the connection this file manages there. It is meant
// to be committed with the file, so it holds ids only — never a credential.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { normalizeServerUrl } from '../api';

export interface ConnectionState {
  /** Server URL (normalised) → connection id. */
  connections: Record<string, string>;
}

const CONNECTION_SUFFIX = '.connection.json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `orders.connection.json` → `orders.connection.state.json` (other names: `<name>.state.json`). */
export function stateFilePath(connectionFile: string): string {
  const dir = path.dirname(connectionFile);
  const base = path.basename(connectionFile);
  if (base.endsWith(CONNECTION_SUFFIX)) return path.join(dir, `${base.slice(0, -'.json'.length)}.state.json`);
  return path.join(dir, `${base.replace(/\.json$/, '')}.state.json`);
}

export type StateRead = { ok: true; state: ConnectionState } | { ok: false; message: string };

/** Reads a state file; a missing one is an empty state, an unreadable or malformed one an error. */
export async function readStateFile(file: string): Promise<StateRead> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, state: { connections: {} } };
    return { ok: false, message: `Cannot read the state file ${file}: ${(error as Error).message}` };
  }
  return parseState(text, file);
}

export function parseState(text: string, file: string): StateRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The state file ${file} is not JSON (${(error as Error).message}). Fix it, or delete it to find the connection by name.` };
  }
  const connections = (data as { connections?: unknown } | null)?.connections;
  if (!connections || typeof connections !== 'object' || Array.isArray(connections)) {
    return { ok: false, message: `The state file ${file} has no "connections" object (server URL → connection id).` };
  }
  const out: Record<string, string> = {};
  for (const [server, id] of Object.entries(connections)) {
    if (typeof id !== 'string' || !UUID.test(id)) {
      return { ok: false, message: `The state file ${file} maps ${server} to ${JSON.stringify(id)}, which is not a connection id.` };
    }
    out[normalizeServerUrl(server)] = id;
  }
  return { ok: true, state: { connections: out } };
}

export function linkedConnectionId(state: ConnectionState, serverUrl: string): string | undefined {
  return state.connections[normalizeServerUrl(serverUrl)];
}

/** Records `connectionId` for `serverUrl`, keeping the other servers' entries; servers sorted. */
export async function writeStateEntry(file: string, serverUrl: string, connectionId: string): Promise<void> {
  const current = await readStateFile(file);
  const connections = { ...(current.ok ? current.state.connections : {}), [normalizeServerUrl(serverUrl)]: connectionId };
  await fs.writeFile(file, formatState({ connections }), 'utf8');
}

export function formatState(state: ConnectionState): string {
  const sorted = Object.fromEntries(Object.entries(state.connections).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ connections: sorted }, null, 2)}\n`;
}
