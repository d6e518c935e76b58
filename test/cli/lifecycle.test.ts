// The `airbyte-connection` command line end to end: each test runs it as a child process against
// the project's local Airbyte server and checks what a user sees (output, exit code, files) and
// what the server holds afterwards.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AirbyteClient, normalizeServerUrl } from '../../core/api';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { SEED_IDS } from '../../local-airbyte/seed/ids';
import { runCli } from './runCli';

const PASSWORD = 'cli-test-s3cret-pw';
let airbyte: LocalAirbyte;
let dir: string;
let env: Record<string, string>;

before(async () => {
  airbyte = await createLocalAirbyte({ auth: { username: 'airbyte', password: PASSWORD }, warn: () => undefined });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'airbyte-cli-'));
  env = { AIRBYTE_SERVER_URL: airbyte.url, AIRBYTE_USERNAME: 'airbyte', AIRBYTE_PASSWORD: PASSWORD };
});
after(async () => {
  await airbyte.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const client = () => new AirbyteClient({ serverUrl: airbyte.url, auth: { kind: 'basic', username: 'airbyte', password: PASSWORD }, timeoutMs: 10_000 });
const connectionsNamed = (name: string) => airbyte.store.listConnections(SEED_IDS.workspace).filter((c) => c.name === name);
const cli = (args: string[], extraEnv: Record<string, string> = {}) => runCli(args, { cwd: dir, env: { ...env, ...extraEnv } });

function stream(name: string, config: Record<string, unknown>) {
  return {
    stream: { name, namespace: 'public', jsonSchema: { type: 'object', properties: { id: { type: 'number' }, updated_at: { type: 'string' } } }, supportedSyncModes: ['full_refresh', 'incremental'] },
    config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true, ...config },
  };
}

function connectionBody(name: string) {
  return {
    name,
    sourceId: SEED_IDS.sources.postgres,
    destinationId: SEED_IDS.destinations.snowflake,
    status: 'active',
    scheduleType: 'manual',
    syncCatalog: { streams: [stream('orders', {}), stream('customers', {})] },
  };
}

async function writeJson(file: string, value: unknown): Promise<string> {
  await fs.writeFile(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

const readState = async (file: string) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as { connections: Record<string, string> };

describe('airbyte-connection plan and apply', () => {
  it('creates once, then plans exactly an edit, updates the same connection, and plans nothing', async () => {
    const name = 'CLI lifecycle';
    const body = connectionBody(name);
    const file = await writeJson('lifecycle.connection.json', body);

    const firstPlan = await cli(['plan', file]);
    assert.equal(firstPlan.code, 2, firstPlan.stderr);
    assert.match(firstPlan.stdout, /apply will CREATE it/);

    const created = await cli(['apply', file, '--yes']);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created connection “CLI lifecycle”/);
    const state = await readState('lifecycle.connection.state.json');
    const id = state.connections[normalizeServerUrl(airbyte.url)];
    assert.ok(id, `state file names the connection for ${airbyte.url}: ${JSON.stringify(state)}`);
    assert.deepEqual(connectionsNamed(name).map((c) => c.connectionId), [id]);

    body.scheduleType = 'cron';
    Object.assign(body, { scheduleData: { cron: { cronExpression: '0 0 3 * * ?', cronTimeZone: 'UTC' } } });
    body.syncCatalog.streams[0].config.syncMode = 'incremental';
    body.syncCatalog.streams[0].config.destinationSyncMode = 'append';
    Object.assign(body.syncCatalog.streams[0].config, { cursorField: ['updated_at'] });
    await writeJson(file, body);

    const plan = await cli(['plan', file]);
    assert.equal(plan.code, 2, plan.stderr);
    const changes = plan.stdout.split('\n').filter((l) => /^\s+[~+-] /.test(l)).map((l) => l.trim());
    assert.deepEqual(changes, [
      '~ scheduleType: "manual" → "cron"',
      '~ scheduleData: (none) → {"cron":{"cronExpression":"0 0 3 * * ?","cronTimeZone":"UTC"}}',
      '~ stream public.orders: syncMode: "full_refresh" → "incremental"',
      '~ stream public.orders: destinationSyncMode: "overwrite" → "append"',
      '~ stream public.orders: cursorField: [] → ["updated_at"]',
    ]);
    // A new connection has no per-stream state: v0.44.3 resets every stream when one needs it.
    assert.match(plan.stdout, /RESET \(clear and re-sync\) 2 stream\(s\): public\.customers, public\.orders \(.*not_set/);

    const markdown = await cli(['plan', file, '--format', 'markdown']);
    assert.equal(markdown.code, 2);
    assert.match(markdown.stdout, /^### Airbyte plan: `lifecycle\.connection\.json`/);
    assert.match(markdown.stdout, /\| `scheduleType` \| `"manual"` \| `"cron"` \|/);
    assert.match(markdown.stdout, /> \[!WARNING\]/);

    const applied = await cli(['apply', file, '--yes']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, new RegExp(`Updated connection “CLI lifecycle” \\(${id}\\)`));
    assert.deepEqual(connectionsNamed(name).map((c) => c.connectionId), [id], 'one connection on the server, not two');
    const stored = airbyte.store.getConnection(id);
    assert.equal(stored.scheduleType, 'cron');
    assert.deepEqual(airbyte.store.resetsOf(id), [[{ name: 'orders', namespace: 'public' }, { name: 'customers', namespace: 'public' }]]);

    const after = await cli(['plan', file]);
    assert.equal(after.code, 0, after.stdout + after.stderr);
    assert.match(after.stdout, /No changes: the connection matches the file\./);
  });

  it('refuses to apply without --yes when there is no terminal, and --dry-run sends nothing', async () => {
    const body = connectionBody('CLI confirm');
    const file = await writeJson('confirm.connection.json', body);
    assert.equal((await cli(['apply', file, '--yes'])).code, 0);
    const id = (await readState('confirm.connection.state.json')).connections[normalizeServerUrl(airbyte.url)];
    body.syncCatalog.streams.pop();
    await writeJson(file, body);

    const refused = await cli(['apply', file]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not applied: confirm on a terminal, or pass --yes/);
    const dry = await cli(['apply', file, '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /- stream public\.customers/);
    assert.match(dry.stdout, /Dry run: would POST .*\/v1\/web_backend\/connections\/update with:/);
    assert.equal(airbyte.store.getConnection(id).syncCatalog.streams.length, 2, 'nothing was sent');
    assert.deepEqual(airbyte.store.resetsOf(id), []);
  });

  it('shows a rename made on the server', async () => {
    const file = await writeJson('rename.connection.json', connectionBody('CLI rename'));
    assert.equal((await cli(['apply', file, '--yes'])).code, 0);
    const id = (await readState('rename.connection.state.json')).connections[normalizeServerUrl(airbyte.url)];
    const renamed = await client().updateConnection({ connectionId: id, name: 'Renamed in the web app' });
    assert.ok(renamed.ok);

    const plan = await cli(['plan', file]);
    assert.equal(plan.code, 2);
    assert.match(plan.stdout, /connection “Renamed in the web app”/);
    assert.match(plan.stdout, /~ name: "Renamed in the web app" → "CLI rename"/);
    assert.doesNotMatch(plan.stdout, /RESET/, 'a rename resets nothing');
  });

  it('finds the connection by name, source and destination without a state file, and names both of two candidates', async () => {
    const body = connectionBody('CLI twins');
    const first = await client().createConnection(body);
    assert.ok(first.ok);
    const file = await writeJson('twins.connection.json', body);

    const found = await cli(['plan', file]);
    assert.equal(found.code, 0, found.stderr);
    assert.match(found.stdout, /found by name, source and destination/);
    // Applying a found connection records the link, so later runs do not search.
    assert.equal((await cli(['apply', file, '--yes'])).code, 0);
    assert.deepEqual(await readState('twins.connection.state.json'), { connections: { [normalizeServerUrl(airbyte.url)]: first.value.connectionId } });
    await fs.rm(path.join(dir, 'twins.connection.state.json'));

    const second = await client().createConnection(body);
    assert.ok(second.ok);
    const ambiguous = await cli(['plan', file]);
    assert.equal(ambiguous.code, 1);
    assert.match(ambiguous.stderr, new RegExp(first.value.connectionId));
    assert.match(ambiguous.stderr, new RegExp(second.value.connectionId));
    const refused = await cli(['apply', file, '--yes']);
    assert.equal(refused.code, 1);
    assert.equal(connectionsNamed('CLI twins').length, 2, 'no third connection');
  });

  it('exports a connection so that planning the export shows no change', async () => {
    const exported = await cli(['export', SEED_IDS.connections.ordersToSnowflake, '-o', 'seed.connection.json']);
    assert.equal(exported.code, 0, exported.stderr);
    const state = await readState('seed.connection.state.json');
    assert.deepEqual(state, { connections: { [normalizeServerUrl(airbyte.url)]: SEED_IDS.connections.ordersToSnowflake } });
    const plan = await cli(['plan', 'seed.connection.json']);
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
    assert.match(plan.stdout, /No changes/);
    const validate = await cli(['validate', 'seed.connection.json']);
    assert.equal(validate.code, 0, validate.stdout);

    const toStdout = await cli(['export', SEED_IDS.connections.ordersToSnowflake]);
    assert.equal(toStdout.code, 0);
    assert.equal(toStdout.stdout, await fs.readFile(path.join(dir, 'seed.connection.json'), 'utf8'));
    // Unselected streams are not exported (Airbyte keeps only selected ones).
    const file = JSON.parse(toStdout.stdout) as { syncCatalog: { streams: { stream: { name: string } }[] } };
    assert.ok(!file.syncCatalog.streams.some((s) => s.stream.name === 'order_items'));
  });
});

describe('airbyte-connection state file', () => {
  it('keeps other servers when it records one, and a malformed one is a clear error', async () => {
    await writeJson('round.connection.state.json', { connections: { 'https://airbyte.example.com/api/': '11111111-2222-4333-8444-555555555555' } });
    const file = await writeJson('round.connection.json', connectionBody('CLI round trip'));
    assert.equal((await cli(['apply', file, '--yes'])).code, 0);
    const state = await readState('round.connection.state.json');
    assert.equal(state.connections['https://airbyte.example.com/api'], '11111111-2222-4333-8444-555555555555');
    assert.equal(Object.keys(state.connections).length, 2);
    assert.equal((await cli(['plan', file])).code, 0);
    assert.doesNotMatch(await fs.readFile(path.join(dir, 'round.connection.state.json'), 'utf8'), new RegExp(PASSWORD));

    await fs.writeFile(path.join(dir, 'round.connection.state.json'), '{"connections": {"x": 1}}');
    const broken = await cli(['plan', file]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /round\.connection\.state\.json maps x to 1, which is not a connection id/);
  });
});

describe('airbyte-connection validate', () => {
  before(async () => {
    await writeJson('good.connection.json', connectionBody('good'));
    await writeJson('bad.connection.json', { ...connectionBody('bad'), status: 'actve' });
  });

  it('prints file:line:col diagnostics and exits 1 on errors', async () => {
    const good = await cli(['validate', 'good.connection.json']);
    assert.equal(good.code, 0, good.stdout);
    const bad = await cli(['validate', '*.connection.json']);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^bad\.connection\.json:5:13: error: Airbyte rejects "actve" here \(400\)/m);
  });

  it('writes json, github and sarif', async () => {
    const json = await cli(['validate', 'bad.connection.json', '--format', 'json']);
    assert.equal(json.code, 1);
    const diagnostics = JSON.parse(json.stdout) as { file: string; line: number; severity: string }[];
    assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.severity]), [['bad.connection.json', 5, 'error']]);
    const github = await cli(['validate', 'bad.connection.json', '--format', 'github']);
    assert.match(github.stdout, /^::error file=bad\.connection\.json,line=5,col=13,/m);
    const sarif = await cli(['validate', 'bad.connection.json', '--format', 'sarif']);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results[0].level, 'error');
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.region.startLine, 5);
  });

  it('fails on warnings only with --strict', async () => {
    const warned = await writeJson('warned.connection.json', { ...connectionBody('warned'), syncCatalog: { streams: [stream('orders', { selected: false })] } });
    const plain = await cli(['validate', warned]);
    assert.equal(plain.code, 0, plain.stdout);
    assert.match(plain.stdout, /warning: No stream is selected/);
    assert.equal((await cli(['validate', warned, '--strict'])).code, 1);
  });
});

describe('airbyte-connection usage and failures', () => {
  it('has --help everywhere', async () => {
    for (const command of ['validate', 'plan', 'apply', 'export']) {
      const help = await cli([command, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`^Usage: airbyte-connection ${command}`));
    }
    const main = await cli(['--help']);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /airbyte-connection plan FILE/);
  });

  it('rejects unknown flags and commands, and missing files', async () => {
    const flag = await cli(['plan', 'good.connection.json', '--frobnicate']);
    assert.equal(flag.code, 1);
    assert.match(flag.stderr, /Unknown option '--frobnicate'/);
    const command = await cli(['deploy']);
    assert.equal(command.code, 1);
    assert.match(command.stderr, /unknown command “deploy”/);
    const missing = await cli(['plan', 'nowhere.connection.json']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nowhere\.connection\.json: no such file/);
  });

  it('reports an unreachable server clearly and never prints the password', async () => {
    const closed = await createLocalAirbyte({ warn: () => undefined });
    const url = closed.url;
    await closed.close();
    const down = await cli(['plan', 'good.connection.json', '--verbose'], { AIRBYTE_SERVER_URL: url });
    assert.equal(down.code, 1);
    assert.match(down.stderr, /refused|could not|cannot|not reach/i);
    const wrong = await cli(['export', SEED_IDS.connections.ordersToSnowflake, '--verbose'], { AIRBYTE_PASSWORD: `${PASSWORD}-wrong` });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /401|credentials|password|unauthori/i);
    for (const run of [down, wrong]) {
      assert.doesNotMatch(run.stdout + run.stderr, new RegExp(PASSWORD));
      assert.doesNotMatch(run.stdout + run.stderr, new RegExp(Buffer.from(`airbyte:${PASSWORD}`).toString('base64')));
    }
  });
});
