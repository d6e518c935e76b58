// The Airbyte server and credentials from flags, then environment variables, then the defaults of a
// local Airbyte. Secrets never reach the output: every line written goes through `scrub`.
import { AirbyteClient, normalizeServerUrl, type AirbyteAuth } from '../core/api';
import { secretScrubber } from '../core/api/redact';
import { UsageError } from './usageError';

export const SERVER_FLAGS = {
  'server-url': { type: 'string' },
  authentication: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  token: { type: 'string' },
  timeout: { type: 'string' },
  verbose: { type: 'boolean' },
} as const;

export interface ServerConnection {
  serverUrl: string;
  client: AirbyteClient;
  /** Removes the configured password or token from a line before it is printed. */
  scrub: (line: string) => string;
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function serverConnection(values: Values, env: NodeJS.ProcessEnv, stderr: (line: string) => void): ServerConnection {
  const flag = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const serverUrl = normalizeServerUrl(flag('server-url') ?? env.AIRBYTE_SERVER_URL ?? 'http://localhost:8000/api');
  const token = flag('token') ?? env.AIRBYTE_TOKEN;
  const kind = flag('authentication') ?? env.AIRBYTE_AUTHENTICATION ?? (token ? 'bearer' : 'basic');
  let auth: AirbyteAuth;
  if (kind === 'none') auth = { kind: 'none' };
  else if (kind === 'bearer') {
    if (!token) throw new UsageError('Bearer authentication needs a token: set AIRBYTE_TOKEN (or pass --token).');
    auth = { kind: 'bearer', token };
  } else if (kind === 'basic') {
    auth = { kind: 'basic', username: flag('username') ?? env.AIRBYTE_USERNAME ?? 'airbyte', password: flag('password') ?? env.AIRBYTE_PASSWORD ?? 'password' };
  } else {
    throw new UsageError(`Unknown authentication “${kind}”: use basic, bearer or none.`);
  }
  const timeoutText = flag('timeout');
  const timeoutSeconds = timeoutText === undefined ? 60 : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not “${timeoutText}”.`);

  const secrets = auth.kind === 'basic' ? [auth.password] : auth.kind === 'bearer' ? [auth.token] : [];
  const basicHeader = auth.kind === 'basic' ? [Buffer.from(`${auth.username}:${auth.password}`).toString('base64')] : [];
  const scrub = secretScrubber(secrets, basicHeader);
  const client = new AirbyteClient({
    serverUrl,
    auth,
    timeoutMs: timeoutSeconds * 1000,
    log: values.verbose === true ? (line) => stderr(scrub(line)) : undefined,
  });
  return { serverUrl, client, scrub };
}
