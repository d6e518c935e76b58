// Command-line options of `local-airbyte` (see main.ts).
import * as path from 'node:path';
import { DEFAULT_CREDENTIALS } from './createLocalAirbyte';

export interface CliOptions {
  port: number;
  host: string;
  dataFile: string;
  auth: { username: string; password: string } | false;
}

export const USAGE =
  'Usage: local-airbyte [--port N (8000)] [--host H (127.0.0.1)] [--data-file PATH (.local-airbyte/data.json)]\n' +
  '                     [--no-auth] [--username U (airbyte)] [--password P (password)]';

/** Parses argv (without node and script); throws an Error with a readable message on bad input. */
export function parseCliArgs(argv: string[], cwd: string = process.cwd()): CliOptions {
  let port = 8000;
  let host = '127.0.0.1';
  let dataFile = path.join(cwd, '.local-airbyte', 'data.json');
  let useAuth = true;
  let { username, password } = DEFAULT_CREDENTIALS;
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
        password = value();
        break;
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
