// The data file keeps what clients created (connections and their operations); the seeds always
// come from code. Writes go to a temp file that is renamed over the old one, so a crash never
// leaves half a file. An existing file that is not a data file of ours is never renamed,
// moved or overwritten: starting fails with a message that says so.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { OperationRead, StoredConnection } from './apiTypes';
import { isPlainObject } from '../core/json/plainObject';

export interface PersistedData {
  version: 1;
  connections: StoredConnection[];
  operations: OperationRead[];
}

export function emptyPersistedData(): PersistedData {
  return { version: 1, connections: [], operations: [] };
}

export class ForeignDataFileError extends Error {}

export async function loadPersistedData(file: string): Promise<PersistedData> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyPersistedData();
    throw new ForeignDataFileError(`cannot read data file ${file} (${(error as Error).message})`);
  }
  const problem = describeProblem(text);
  if (!problem) return JSON.parse(text) as PersistedData;
  throw new ForeignDataFileError(
    `${file} exists but is not a local-airbyte data file (${problem}); it was left untouched. Choose another --data-file, or move that file away yourself.`,
  );
}

export async function savePersistedData(file: string, data: PersistedData): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temp, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

function describeProblem(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (!isPlainObject(data) || data.version !== 1) return 'expected an object with "version": 1';
  if (!Array.isArray(data.connections) || !data.connections.every(isStoredConnection)) {
    return '"connections" is not a list of connections';
  }
  if (!Array.isArray(data.operations) || !data.operations.every(isOperation)) {
    return '"operations" is not a list of operations';
  }
  return undefined;
}

function isStoredConnection(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    ['connectionId', 'name', 'sourceId', 'destinationId', 'status', 'scheduleType'].every(
      (key) => typeof value[key] === 'string',
    ) &&
    Array.isArray(value.operationIds) &&
    isPlainObject(value.syncCatalog) &&
    Array.isArray(value.syncCatalog.streams)
  );
}

function isOperation(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    typeof value.operationId === 'string' &&
    typeof value.workspaceId === 'string' &&
    typeof value.name === 'string' &&
    isPlainObject(value.operatorConfiguration)
  );
}
