// What the user has allowed per server (canonical form), remembered in globalState and revocable:
//  - lookups: a server named by the folder's settings (a cloned repository can name any server)
//    gets automatic requests (id completion, hover) only once the user has allowed it;
//  - plain HTTP: credentials go over plain http:// to a host that is not loopback only after
//    a modal question, answered once per server.
import * as vscode from 'vscode';
import { isInsecureRemote } from '../../../core/api';
import { scrub, showInfo } from './scrubbing';
import type { AirbyteSettings } from './settings';

const LOOKUPS_KEY = 'airbyte.trust.lookups';
const PLAIN_HTTP_KEY = 'airbyte.trust.plainHttp';
export const ALLOW_SERVER_COMMAND = 'airbyte.allowServer';
export const SEND_OVER_HTTP = 'Send over HTTP';
export const ALLOW_LOOKUPS = 'Allow Lookups';

export type LookupPermission = { ok: true } | { ok: false; missing: 'lookups' | 'plainHttp'; reason: string };

export class ServerTrust implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a permission is granted or revoked. */
  readonly onDidChange = this.changed.event;
  /** Servers already offered this session: the offer is not repeated on every keystroke. */
  private readonly offered = new Set<string>();

  constructor(private readonly memento: vscode.Memento) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Whether credentials for `settings` cross the network in clear text. */
  needsPlainHttpConsent(settings: AirbyteSettings): boolean {
    return settings.authentication !== 'none' && isInsecureRemote(settings.serverUrl);
  }

  /** May automatic lookups (completion, hover) send requests to this document's server? */
  lookupPermission(settings: AirbyteSettings): LookupPermission {
    if (settings.serverChosenBy === 'folder' && !this.has(LOOKUPS_KEY, settings.serverKey)) {
      return {
        ok: false,
        missing: 'lookups',
        reason: `this folder's settings name the Airbyte server ${settings.serverUrl}, which you have not allowed yet`,
      };
    }
    if (this.needsPlainHttpConsent(settings) && !this.has(PLAIN_HTTP_KEY, settings.serverKey)) {
      return {
        ok: false,
        missing: 'plainHttp',
        reason: `${settings.serverUrl} is plain http:// to another machine; credentials are not sent there until you allow it`,
      };
    }
    return { ok: true };
  }

  /** Offers (once per session and server, without blocking) to allow what lookups need. */
  offerLookups(settings: AirbyteSettings, permission: Exclude<LookupPermission, { ok: true }>, documentUri: string): void {
    if (this.offered.has(settings.serverKey)) return;
    this.offered.add(settings.serverKey);
    const text =
      permission.missing === 'lookups'
        ? `Ids are not looked up: this folder's settings point Airbyte at ${settings.serverUrl}. Completion and hover send requests with your credentials there only once you allow that server.`
        : `Ids are not looked up: ${settings.serverUrl} is plain http:// to another machine, where anyone on the network could read your credentials.`;
    void showInfo(text, ALLOW_LOOKUPS).then((choice) => {
      if (choice === ALLOW_LOOKUPS) void vscode.commands.executeCommand(ALLOW_SERVER_COMMAND, { uri: documentUri });
    });
  }

  async allowLookups(settings: AirbyteSettings): Promise<void> {
    await this.add(LOOKUPS_KEY, settings.serverKey);
  }

  /** Asks (modal) before credentials go over plain HTTP to `settings`' server; remembers a yes. */
  async confirmPlainHttp(settings: AirbyteSettings, answer?: boolean): Promise<boolean> {
    if (!this.needsPlainHttpConsent(settings) || this.has(PLAIN_HTTP_KEY, settings.serverKey)) return true;
    const yes =
      answer ??
      (await vscode.window.showWarningMessage(
        scrub(`Send your Airbyte credentials to ${settings.serverUrl} over plain HTTP?`),
        {
          modal: true,
          detail:
            'The address is http://, not https://, and the host is not this machine: the password or token travels unencrypted and anyone on the network between can read it. ' +
            'Prefer the https:// address of the server. Your answer is remembered for this server ("Airbyte: Revoke Server Permissions" forgets it).',
        },
        SEND_OVER_HTTP,
      )) === SEND_OVER_HTTP;
    if (yes) await this.add(PLAIN_HTTP_KEY, settings.serverKey);
    return yes;
  }

  async allowPlainHttp(settings: AirbyteSettings): Promise<void> {
    await this.add(PLAIN_HTTP_KEY, settings.serverKey);
  }

  /** Forgets every permission given to `serverKey`; resolves to whether there was any. */
  async revoke(serverKey: string): Promise<boolean> {
    const had = this.has(LOOKUPS_KEY, serverKey) || this.has(PLAIN_HTTP_KEY, serverKey);
    for (const key of [LOOKUPS_KEY, PLAIN_HTTP_KEY]) {
      await this.memento.update(key, this.list(key).filter((s) => s !== serverKey));
    }
    this.offered.delete(serverKey);
    this.changed.fire();
    return had;
  }

  private has(key: string, serverKey: string): boolean {
    return this.list(key).includes(serverKey);
  }

  private list(key: string): string[] {
    const stored = this.memento.get<unknown>(key);
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
  }

  private async add(key: string, serverKey: string): Promise<void> {
    if (this.has(key, serverKey)) return;
    await this.memento.update(key, [...this.list(key), serverKey]);
    this.changed.fire();
  }
}
