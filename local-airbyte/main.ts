// `local-airbyte`: an Airbyte-compatible Configuration API on loopback, for the demo
// (`npm start`) and for tests. Prints one line once listening; stops on SIGINT/SIGTERM.
import { parseCliArgs, USAGE } from './cliArgs';
import { createLocalAirbyte } from './createLocalAirbyte';

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`local-airbyte: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const server = await createLocalAirbyte(options);
  process.stdout.write(`Local Airbyte listening on ${server.url}\n`);
  const stop = (): void => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`local-airbyte: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
