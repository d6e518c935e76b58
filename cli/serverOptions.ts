// The Airbyte server and credentials from flags, then environment variables, then the defaults of a
// local Airbyte. Secrets never reach the output: every line written goes through `scrub`.
import { AirbyteClient, isLoopbackServer, Scrubber, trimSlashes, type AirbyteAuth } from '../core/api';
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
  const serverUrl = trimSlashes(flag('server-url') ?? env.AIRBYTE_SERVER_URL ?? 'http://localhost:8000/api');
  const token = flag('token') ?? env.AIRBYTE_TOKEN;
  const kind = flag('authentication') ?? env.AIRBYTE_AUTHENTICATION ?? (token ? 'bearer' : 'basic');
  let auth: AirbyteAuth;
  if (kind === 'none') auth = { kind: 'none' };
  else if (kind === 'bearer') {
    if (!token) throw new UsageError('Bearer authentication needs a token: set AIRBYTE_TOKEN (or pass --token).');
    auth = { kind: 'bearer', token };
  } else if (kind === 'basic') {
    const password = flag('password') ?? env.AIRBYTE_PASSWORD;
    // Airbyte's default local password is only ever sent to this machine.
    if (password === undefined && !isLoopbackServer(serverUrl)) {
      throw new UsageError('No password given for a server that is not this machine: set AIRBYTE_PASSWORD (the default local password is only sent to localhost).');
    }
    auth = { kind: 'basic', username: flag('username') ?? env.AIRBYTE_USERNAME ?? 'airbyte', password: password ?? 'password' };
  } else {
    throw new UsageError(`Unknown authentication “${kind}”: use basic, bearer or none.`);
  }
  const timeoutText = flag('timeout');
  const timeoutSeconds = timeoutText === undefined ? 60 : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not “${timeoutText}”.`);

  // The one scrubber of core/api: the configured secrets, URLs' user information, secret-looking values.
  const scrubber = new Scrubber();
  if (auth.kind === 'basic') scrubber.addBasicCredentials(auth.username, auth.password);
  else if (auth.kind === 'bearer') scrubber.addSecret(auth.token);
  const scrub = (line: string) => scrubber.scrub(line);
  const client = new AirbyteClient({
    serverUrl,
    auth,
    scrubber,
    timeoutMs: timeoutSeconds * 1000,
    log: values.verbose === true ? (line) => stderr(scrub(line)) : undefined,
  });
  return { serverUrl, client, scrub };
}
