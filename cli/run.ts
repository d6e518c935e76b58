// Dispatches `airbyte-connection COMMAND …` and turns usage mistakes into a message and exit 1.
import { apply } from './commands/apply';
import { exportCommand } from './commands/export';
import { plan } from './commands/plan';
import { validate } from './commands/validate';
import type { CliIo } from './io';
import { HELP, MAIN_HELP } from './usage';
import { UsageError } from './usageError';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  validate,
  plan,
  apply,
  export: exportCommand,
};

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(MAIN_HELP);
    return command === undefined ? 1 : 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.stderr(`airbyte-connection: unknown command “${command}”.\n\n${MAIN_HELP}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(HELP[command]);
    return 0;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`airbyte-connection ${command}: ${(error as Error).message}\nRun “airbyte-connection ${command} --help” for usage.\n`);
      return 1;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
