// Starts the local Airbyte-compatible server: used by `main.ts` (the CLI / `npm start`) and by
// tests, which run it on port 0 and read the real address from `url`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BasicCredentials } from './http/basicAuth';
import { loadPersistedData } from './persistence';
import { createRouter } from './router';
import { API_BASE_PATH } from './routes';
import { LocalAirbyteStore } from './store';

export const DEFAULT_CREDENTIALS: BasicCredentials = { username: 'airbyte', password: 'password' };

export interface LocalAirbyteOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: loopback only. */
  host?: string;
  /** Where created connections are kept across restarts; undefined keeps them in memory only. */
  dataFile?: string;
  /** Basic auth credentials (default `airbyte`/`password`), or false for none. */
  auth?: BasicCredentials | false;
  /** Delay every answer by this many milliseconds (for timeout and cancel tests). */
  latencyMs?: number;
  /** Host names (besides IP literals and localhost) that requests may carry in Host. */
  allowedHosts?: string[];
  /** Where problems are reported; default stderr. */
  warn?: (message: string) => void;
}

export interface LocalAirbyte {
  /** Base URL including `/api`, e.g. `http://127.0.0.1:41234/api`. */
  url: string;
  port: number;
  store: LocalAirbyteStore;
  close(): Promise<void>;
}

export async function createLocalAirbyte(options: LocalAirbyteOptions = {}): Promise<LocalAirbyte> {
  const host = options.host ?? '127.0.0.1';
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));
  const persisted = options.dataFile ? await loadPersistedData(options.dataFile) : undefined;
  const store = new LocalAirbyteStore(persisted, options.dataFile, warn);
  const closing = new AbortController();
  const server = createServer(
    createRouter({ store, auth: options.auth ?? DEFAULT_CREDENTIALS, latencyMs: options.latencyMs, closing: closing.signal, allowedHosts: options.allowedHosts }),
  );
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}${API_BASE_PATH}`,
    port,
    store,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        // Keep-alive sockets (fetch keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
