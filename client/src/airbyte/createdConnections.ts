// The duplicate guard: remembers what each file sent to each server, so a second submit asks
// before creating another connection. Kept in globalState (any window), per server in
// canonical form (`http://127.0.0.1:8000/api/` and `http://localhost:8000/api` are one).
//
// An attempt is recorded before the request is sent: when its answer is lost (timeout, reset,
// cancelled) the connection may exist, and the next submit still warns. A record is found by
// the file, or by what the connection is (name, source, destination), so a renamed, moved or
// copied file is recognised too.
import type * as vscode from 'vscode';

export interface CreatedConnection {
  /** Canonical server URL. */
  serverKey: string;
  /** The file's URI when it was sent. */
  file: string;
  /** Name, source and destination: what makes two files the same connection. */
  fingerprint: string;
  name: string;
  /** `attempted`: sent, answer not (yet) known. */
  state: 'attempted' | 'created';
  connectionId?: string;
  /** ISO 8601. */
  at: string;
}

export interface GuardMatch {
  record: CreatedConnection;
  /** `file`: this very file; `content`: another file (renamed, moved, copied) with the same connection. */
  by: 'file' | 'content';
}

const STORAGE_KEY = 'airbyte.createdConnections';
const MAX_RECORDS = 1000;

export class CreatedConnections {
  constructor(private readonly memento: vscode.Memento) {}

  find(file: vscode.Uri, serverKey: string, body: Record<string, unknown>): GuardMatch | undefined {
    const records = this.records().filter((r) => r.serverKey === serverKey);
    const fingerprint = fingerprintOf(body);
    const byFile = records.find((r) => r.file === file.toString());
    if (byFile) return { record: byFile, by: 'file' };
    const byContent = records.find((r) => r.fingerprint === fingerprint);
    return byContent ? { record: byContent, by: 'content' } : undefined;
  }

  /** Before sending: from now on this file and this connection warn, whatever the answer. */
  async recordAttempt(file: vscode.Uri, serverKey: string, body: Record<string, unknown>, name: string): Promise<CreatedConnection> {
    const record: CreatedConnection = { serverKey, file: file.toString(), fingerprint: fingerprintOf(body), name, state: 'attempted', at: new Date().toISOString() };
    await this.put(record);
    return record;
  }

  recordCreated(file: vscode.Uri, serverKey: string, body: Record<string, unknown>, name: string, connectionId: string): Thenable<void> {
    return this.put({ serverKey, file: file.toString(), fingerprint: fingerprintOf(body), name, state: 'created', connectionId, at: new Date().toISOString() });
  }

  /**
   * The server certainly created nothing for this attempt (it refused the request): it is
   * forgotten. Earlier records stay (an older lost answer may still have created one).
   */
  forgetAttempt(attempt: CreatedConnection): Thenable<void> {
    const kept = this.records().filter((r) => !(r.serverKey === attempt.serverKey && r.file === attempt.file && r.state === 'attempted' && r.at === attempt.at));
    return this.memento.update(STORAGE_KEY, kept);
  }

  private put(record: CreatedConnection): Thenable<void> {
    // A success replaces what was remembered for this file and server; an attempt is added.
    const others =
      record.state === 'created' ? this.records().filter((r) => !(r.serverKey === record.serverKey && r.file === record.file)) : this.records();
    return this.memento.update(STORAGE_KEY, [...others, record].slice(-MAX_RECORDS));
  }

  private records(): CreatedConnection[] {
    const stored = this.memento.get<unknown>(STORAGE_KEY);
    return Array.isArray(stored) ? (stored as CreatedConnection[]).filter((r) => r && typeof r.serverKey === 'string') : [];
  }
}

function fingerprintOf(body: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
  return JSON.stringify([typeof body.name === 'string' ? body.name.trim() : '', text(body.sourceId), text(body.destinationId)]);
}
