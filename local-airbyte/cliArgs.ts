// Command-line options of `local-airbyte` (see main.ts).
import * as path from 'node:path';
import { DEFAULT_CREDENTIALS } from './createLocalAirbyte';

export interface CliOptions {
  port: number;
  host: string;
  dataFile: string;
  auth: { username: string; password: string } | false;
}

/** The password comes from the environment: a command line is visible to every local user (ps). */
export const PASSWORD_ENV = 'LOCAL_AIRBYTE_PASSWORD';

export const USAGE =
  'Usage: local-airbyte [--port N (8000)] [--host H (127.0.0.1)] [--data-file PATH (.local-airbyte/data.json)]\n' +
  '                     [--no-auth] [--username U (airbyte)]\n' +
  `The password is read from ${PASSWORD_ENV} (default: password).`;

/** Parses argv (without node and script); throws an Error with a readable message on bad input. */
export function parseCliArgs(argv: string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): CliOptions {
  let port = 8000;
  let host = '127.0.0.1';
  let dataFile = path.join(cwd, '.local-airbyte', 'data.json');
  let useAuth = true;
  let { username } = DEFAULT_CREDENTIALS;
  const password = env[PASSWORD_ENV] || DEFAULT_CREDENTIALS.password;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inlineValue] = argv[i].startsWith('--') && argv[i].includes('=') ? splitOnce(argv[i]) : [argv[i]];
    const value = (): string => {
      const next = inlineValue ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port':
        port = parsePort(value());
        break;
      case '--host':
        host = value();
        break;
      case '--data-file':
        dataFile = path.resolve(cwd, value());
        break;
      case '--no-auth':
        useAuth = false;
        break;
      case '--username':
        username = value();
        break;
      case '--password':
        throw new Error(`--password is not accepted (other users can read a command line): set ${PASSWORD_ENV} instead`);
      default:
        throw new Error(`Unknown option ${argv[i]}`);
    }
  }
  return { port, host, dataFile, auth: useAuth ? { username, password } : false };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port must be 0-65535, got ${text}`);
  return port;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
