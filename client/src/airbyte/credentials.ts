// Passwords and tokens live in VS Code's secret storage, one per server (canonical form), never
// in settings or logs. A default local Airbyte needs none stored: its documented password is
// used, but only for a loopback server: it is never offered to another machine.
import * as vscode from 'vscode';
import { isLoopbackServer, normalizeServerUrl, trimSlashes, type AirbyteAuth } from '../../../core/api';
import { scrubber } from './scrubbing';
import type { AirbyteSettings } from './settings';

/** Airbyte's documented default for a local install (user `airbyte`). */
export const DEFAULT_LOCAL_PASSWORD = 'password';

export type SecretKind = 'password' | 'token';

const KEY_PREFIX = 'airbyte.credentials';

export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  /** Fires when any Airbyte credential is stored or removed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key.startsWith(`${KEY_PREFIX}:`)) this.changed.fire();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  async get(serverUrl: string, kind: SecretKind): Promise<string | undefined> {
    const stored = await this.secrets.get(secretKey(serverUrl, kind));
    if (stored !== undefined) return stored;
    // Stored by an earlier version under the URL as typed (trimmed): still found, once.
    const legacy = legacyKey(serverUrl, kind);
    return legacy === secretKey(serverUrl, kind) ? undefined : this.secrets.get(legacy);
  }

  store(serverUrl: string, kind: SecretKind, value: string): Thenable<void> {
    scrubber.addSecret(value);
    return this.secrets.store(secretKey(serverUrl, kind), value);
  }

  /** Removes both kinds; resolves to whether anything was stored. */
  async clear(serverUrl: string): Promise<boolean> {
    let removed = false;
    for (const kind of ['password', 'token'] as const) {
      if ((await this.get(serverUrl, kind)) !== undefined) removed = true;
      await this.secrets.delete(secretKey(serverUrl, kind));
      await this.secrets.delete(legacyKey(serverUrl, kind));
    }
    return removed;
  }
}

function secretKey(serverUrl: string, kind: SecretKind): string {
  return `${KEY_PREFIX}:${kind}:${normalizeServerUrl(serverUrl)}`;
}

function legacyKey(serverUrl: string, kind: SecretKind): string {
  return `${KEY_PREFIX}:${kind}:${trimSlashes(serverUrl)}`;
}

export type ResolvedAuth =
  | { ok: true; auth: AirbyteAuth; usedDefaultPassword: boolean }
  | { ok: false; message: string };

/** The authentication to use for `settings.serverUrl`, per `airbyte.authentication`. */
export async function resolveAuth(store: CredentialStore, settings: AirbyteSettings): Promise<ResolvedAuth> {
  switch (settings.authentication) {
    case 'none':
      return { ok: true, auth: { kind: 'none' }, usedDefaultPassword: false };
    case 'basic': {
      const stored = await store.get(settings.serverUrl, 'password');
      if (stored !== undefined) scrubber.addBasicCredentials(settings.username, stored);
      if (stored === undefined && !isLoopbackServer(settings.serverUrl)) {
        return {
          ok: false,
          message: `No password is stored for ${settings.serverUrl}. The default local password is only ever sent to this machine (localhost): run “Airbyte: Set Credentials” to store this server's password.`,
        };
      }
      return {
        ok: true,
        auth: { kind: 'basic', username: settings.username, password: stored ?? DEFAULT_LOCAL_PASSWORD },
        usedDefaultPassword: stored === undefined,
      };
    }
    case 'bearer': {
      const token = await store.get(settings.serverUrl, 'token');
      scrubber.addSecret(token);
      if (token) return { ok: true, auth: { kind: 'bearer', token }, usedDefaultPassword: false };
      return {
        ok: false,
        message: `No token is stored for ${settings.serverUrl}, and airbyte.authentication is “bearer”. Run “Airbyte: Set Credentials” first.`,
      };
    }
  }
}
