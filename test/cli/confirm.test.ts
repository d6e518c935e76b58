// `apply` on a terminal: the question names the resets, and only "yes" applies. The terminal is
// the one thing a child process cannot have here, so `run` gets an `ask` that answers for it.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, it } from 'node:test';
import { run } from '../../cli/run';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { SEED_IDS } from '../../local-airbyte/seed/ids';

let airbyte: LocalAirbyte;
let dir: string;
before(async () => {
  airbyte = await createLocalAirbyte({ auth: false, warn: () => undefined });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'airbyte-cli-confirm-'));
});
after(async () => {
  await airbyte.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function apply(answer: string) {
  const questions: string[] = [];
  let stdout = '';
  let stderr = '';
  const code = await run(['apply', 'seed.connection.json'], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { AIRBYTE_SERVER_URL: airbyte.url, AIRBYTE_AUTHENTICATION: 'none' },
    cwd: dir,
    ask: async (question) => {
      questions.push(question);
      return answer;
    },
  });
  return { code, stdout, stderr, questions };
}

it('asks before updating, naming the streams to reset, and applies only on "yes"', async () => {
  const exported = await run(['export', SEED_IDS.connections.ordersToSnowflake, '-o', 'seed.connection.json'], {
    stdout: () => undefined,
    stderr: () => undefined,
    env: { AIRBYTE_SERVER_URL: airbyte.url, AIRBYTE_AUTHENTICATION: 'none' },
    cwd: dir,
  });
  assert.equal(exported, 0);
  const file = path.join(dir, 'seed.connection.json');
  const body = JSON.parse(await fs.readFile(file, 'utf8'));
  body.syncCatalog.streams[0].config.syncMode = 'full_refresh';
  body.syncCatalog.streams[0].config.destinationSyncMode = 'overwrite';
  await fs.writeFile(file, JSON.stringify(body, null, 2));
  const stream = `${body.syncCatalog.streams[0].stream.namespace}.${body.syncCatalog.streams[0].stream.name}`;

  const declined = await apply('no');
  assert.equal(declined.code, 1);
  assert.equal(declined.questions.length, 1, declined.stderr + declined.stdout);
  // The seeded connection has per-stream state: only the changed stream is reset.
  assert.match(declined.questions[0], new RegExp(`RESET \\(clear and re-sync\\) 1 stream\\(s\\): ${stream.replace('.', '\\.')}\\.`));
  assert.match(declined.stderr, /not applied \(not confirmed\)/);
  assert.deepEqual(airbyte.store.resetsOf(SEED_IDS.connections.ordersToSnowflake), []);

  const accepted = await apply('yes');
  assert.equal(accepted.code, 0, accepted.stderr);
  assert.match(accepted.stdout, /Updated connection/);
  assert.deepEqual(airbyte.store.resetsOf(SEED_IDS.connections.ordersToSnowflake).map((r) => r.map((s) => `${s.namespace}.${s.name}`)), [[stream]]);
});
