// Trust, credentials and bounded I/O, in a real extension host against local servers:
//  - a server named by the folder's settings gets no request before the user allows it;
//  - a password planted in the server URL, or echoed back by a server, appears nowhere: not in
//    the command's messages (what its notifications show), not in diagnostics, not in any log
//    file of the extension host;
//  - a 1 MB page that is not JSON gets a clear message quickly, an endless one is cut off;
//  - plain http:// to a host that is not loopback asks first (this extension's loopback is
//    exactly localhost, 127.0.0.1 and ::1, so a server on 127.0.0.2 stands for another machine);
//  - the duplicate guard across spellings of one server, a renamed or copied file, a lost answer;
//  - the body sent is the file's exact text.
import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CreateConnectionOptions, CreateConnectionResult } from '../../client/src/commands';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { ourExtension, retry, waitForDiagnostics } from './helpers';

const SOURCE_ID = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION_ID = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';
const POSTGRES = 'Postgres — orders db';

const settings = () => vscode.workspace.getConfiguration('airbyte');
const setUserSetting = (key: string, value: unknown) => settings().update(key, value, vscode.ConfigurationTarget.Global);
const setFolderSetting = (key: string, value: unknown) => settings().update(key, value, vscode.ConfigurationTarget.Workspace);
const createConnection = (uri: vscode.Uri, options?: CreateConnectionOptions) =>
  vscode.commands.executeCommand<CreateConnectionResult>('airbyte.createConnection', uri, options);
const complete = (uri: vscode.Uri, position: vscode.Position) =>
  vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
const hover = (uri: vscode.Uri, position: vscode.Position) =>
  vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
const hoverText = (hovers: vscode.Hover[] | undefined) =>
  (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const labels = (list: vscode.CompletionList | undefined) => (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

function connection(name: string, extra = ''): string {
  return `{\n  "name": ${JSON.stringify(name)},\n  "sourceId": "${SOURCE_ID}",\n  "destinationId": "${DESTINATION_ID}",\n  "status": "active",\n  "scheduleType": "manual"${extra}\n}\n`;
}

interface Recorded {
  url: string;
  authorization?: string;
  body: string;
}

/**
 * A server on `host` that records every request and then lets `answer` respond (by default it
 * forwards to `target`). Its URL stands for one Airbyte server throughout a test.
 */
async function startRecorder(options: { host?: string; target?: string; answer?: (req: Recorded, res: http.ServerResponse, forward: () => void) => void }) {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { url: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const forward = () => {
        const upstream = new URL(options.target!);
        const headers = { ...req.headers, host: upstream.host };
        const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        out.on('error', () => res.destroy());
        out.end(recorded.body);
      };
      if (options.answer) options.answer(recorded, res, forward);
      else forward();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host}:${port}/api`,
    port,
    requests,
    creates: () => requests.filter((r) => r.url.endsWith('/connections/create')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every file under the extension host's log folder (the Airbyte channel's file and exthost.log). */
async function logFiles(): Promise<{ file: string; text: string }[]> {
  const api = (await ourExtension().activate()) as { logUri: string };
  const exthostFolder = path.dirname(vscode.Uri.parse(api.logUri).fsPath);
  const found: { file: string; text: string }[] = [];
  const walk = async (folder: string) => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.push({ file: full, text: await fs.readFile(full, 'utf8').catch(() => '') });
    }
  };
  await walk(exthostFolder);
  return found;
}

/** Waits until the log files show `marker` (so they hold what the test did), then searches them all. */
async function assertNowhereInLogs(secret: string, marker: string): Promise<void> {
  const files = await retry(logFiles, (all) => all.some((f) => f.text.includes(marker)), { what: `a log file containing “${marker}”` });
  for (const { file, text } of files) assert.ok(!text.includes(secret), `${file} contains the secret`);
}

suite('Trust, credentials and bounded I/O', () => {
  let airbyte: LocalAirbyte;
  let folder: string;
  let serial = 0;

  async function writeFile(name: string, text: string): Promise<vscode.Uri> {
    const file = path.join(folder, name);
    await fs.writeFile(file, text, 'utf8');
    return vscode.Uri.file(file);
  }

  /** A fresh connection file with a name no other test uses (the guard recognises content). */
  const fresh = (label: string, extra = '') => writeFile(`${label}-${++serial}.connection.json`, connection(`Trust: ${label} ${serial}`, extra));

  suiteSetup(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'airbyte-trust-'));
    airbyte = await createLocalAirbyte({ port: 0, host: '127.0.0.1', warn: () => undefined });
    await setUserSetting('authentication', 'basic');
    await setUserSetting('username', 'airbyte');
  });

  suiteTeardown(async () => {
    for (const key of ['serverUrl', 'authentication', 'username']) await setUserSetting(key, undefined);
    await setFolderSetting('serverUrl', undefined);
    // The folder setting lived in the fixtures folder's .vscode/settings.json: leave nothing behind.
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    if (workspaceFolder) await fs.rm(path.join(workspaceFolder.uri.fsPath, '.vscode'), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await airbyte?.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test("a server named by the folder's settings gets no request, with or without credentials, until the user allows it", async () => {
    const recorder = await startRecorder({ target: airbyte.url });
    try {
      await setUserSetting('serverUrl', undefined);
      await setFolderSetting('serverUrl', recorder.url);
      const document = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: '{\n  "sourceId": ""\n}' });
      await vscode.window.showTextDocument(document);
      const inValue = new vscode.Position(1, 15);

      for (let i = 0; i < 3; i++) {
        assert.ok(!labels(await complete(document.uri, inValue)).includes(POSTGRES));
      }
      // Hover on an id offers to allow the server instead of sending.
      const idDocument = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: `{\n  "sourceId": "${SOURCE_ID}"\n}` });
      const offer = hoverText(await hover(idDocument.uri, new vscode.Position(1, 20)));
      assert.match(offer, /Allow Lookups on This Folder's Server/);
      assert.strictEqual(recorder.requests.length, 0, 'requests reached the folder-chosen server before consent');

      assert.strictEqual(await vscode.commands.executeCommand('airbyte.allowServer', { uri: document.uri.toString(), confirm: true }), true);
      await retry(() => complete(document.uri, inValue), (list) => labels(list).includes(POSTGRES), { what: 'ids after consent' });
      assert.ok(recorder.requests.length > 0 && recorder.requests.every((r) => r.authorization?.startsWith('Basic ')));

      // Revocable: after revoking, lookups stop again.
      assert.strictEqual(await vscode.commands.executeCommand('airbyte.revokeServerPermissions', { uri: document.uri.toString() }), true);
      await retry(() => complete(document.uri, inValue), (list) => !labels(list).includes(POSTGRES), { what: 'no ids after revoking' });
      const seen = recorder.requests.length;
      await complete(document.uri, inValue);
      assert.strictEqual(recorder.requests.length, seen);
    } finally {
      await setFolderSetting('serverUrl', undefined);
      await recorder.close();
    }
  });

  test('before consent, id completion offers to allow the server (sorted last), and choosing it lists the ids', async () => {
    const recorder = await startRecorder({ target: airbyte.url });
    const document = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: '{\n  "sourceId": ""\n}' });
    try {
      await setUserSetting('serverUrl', undefined);
      await setFolderSetting('serverUrl', recorder.url);
      await vscode.window.showTextDocument(document);
      const inValue = new vscode.Position(1, 15);

      const before = await complete(document.uri, inValue);
      const offer = before?.items.find((i) => labels({ items: [i] } as vscode.CompletionList)[0].startsWith('Allow lookups on '));
      assert.ok(offer, `no offer to allow lookups among ${JSON.stringify(labels(before))}`);
      assert.ok(labels({ items: [offer] } as vscode.CompletionList)[0].includes(`:${recorder.port}/api`), `the offer names the server: ${labels({ items: [offer] } as vscode.CompletionList)[0]}`);
      const sortKey = (i: vscode.CompletionItem) => i.sortText ?? labels({ items: [i] } as vscode.CompletionList)[0];
      for (const other of before!.items) if (other !== offer) assert.ok(sortKey(other) < sortKey(offer), `${sortKey(other)} sorts after the offer`);
      assert.ok(!labels(before).includes(POSTGRES));
      assert.strictEqual(recorder.requests.length, 0, 'requests reached the folder-chosen server before consent');

      // Choosing it runs its command; `confirm: true` answers the modal as the user's "Allow" would.
      assert.ok(offer.command, 'the offer has a command');
      const [argument] = (offer.command.arguments ?? []) as [{ uri: string }];
      assert.strictEqual(argument?.uri, document.uri.toString());
      assert.strictEqual(await vscode.commands.executeCommand(offer.command.command, { ...argument, confirm: true }), true);
      const after = await retry(() => complete(document.uri, inValue), (list) => labels(list).includes(POSTGRES), { what: 'ids after choosing the offer' });
      assert.ok(!labels(after).some((l) => l.startsWith('Allow lookups on ')), 'the offer is gone once allowed');
      assert.ok(recorder.requests.length > 0);
    } finally {
      await vscode.commands.executeCommand('airbyte.revokeServerPermissions', { uri: document.uri.toString() });
      await setFolderSetting('serverUrl', undefined);
      await recorder.close();
    }
  });

  test('a password planted in the server URL appears in no message, diagnostic or log file', async () => {
    const planted = 'Planted-Pa55-q7x2';
    const recorder = await startRecorder({ target: airbyte.url });
    try {
      await setUserSetting('serverUrl', `http://someone:${planted}@127.0.0.1:${recorder.port}/api`);
      const uri = await fresh('planted');
      const result = await createConnection(uri);
      assert.ok(result && !result.ok && result.kind === 'invalidServerUrl', JSON.stringify(result));
      assert.match(result.message, /user name or password/);
      assert.match(result.message, /Set Credentials/);
      assert.ok(!result.message.includes(planted));

      const document = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: '{\n  "sourceId": ""\n}' });
      await vscode.window.showTextDocument(document);
      assert.ok(!labels(await complete(document.uri, new vscode.Position(1, 15))).includes(POSTGRES));
      await hover(document.uri, new vscode.Position(1, 15));
      await vscode.commands.executeCommand('airbyte.clearCredentials');

      assert.strictEqual(recorder.requests.length, 0, 'a URL with user information must not be used');
      for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
        for (const d of diagnostics) assert.ok(!d.message.includes(planted), d.message);
      }
      await assertNowhereInLogs(planted, 'contains a user name or password');
    } finally {
      await setUserSetting('serverUrl', undefined);
      await recorder.close();
    }
  });

  test('a stored password that a server echoes back appears in no message, diagnostic or log file', async () => {
    const stored = 'Stored-Secret-z9w4';
    const echoing = await startRecorder({
      answer: (request, res) => {
        // A careless server: repeats the credentials it got, in its message and a validation error.
        const decoded = Buffer.from((request.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        res.writeHead(422, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({
          message: `rejected ${request.authorization} (${decoded})`,
          validationErrors: [{ propertyPath: 'webBackendCreateConnection.arg0.name', invalidValue: decoded, message: `bad for ${stored}` }],
        }));
      },
    });
    try {
      await setUserSetting('serverUrl', echoing.url);
      await vscode.commands.executeCommand('airbyte.setCredentials', { serverUrl: echoing.url, password: stored });
      const uri = await fresh('echo');
      const result = await createConnection(uri);
      assert.ok(result && !result.ok && result.kind === 'validation', JSON.stringify(result));
      assert.strictEqual(echoing.creates().length, 1);
      const base64 = Buffer.from(`airbyte:${stored}`).toString('base64');
      for (const secret of [stored, base64]) assert.ok(!result.message.includes(secret), result.message);
      const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => d.source === 'Airbyte server'));
      for (const d of diagnostics) assert.ok(!d.message.includes(stored), d.message);
      await assertNowhereInLogs(stored, 'Create Connection failed (validation)');
      await assertNowhereInLogs(base64, 'Create Connection failed (validation)');
    } finally {
      await vscode.commands.executeCommand('airbyte.clearCredentials', { serverUrl: echoing.url });
      await setUserSetting('serverUrl', undefined);
      await echoing.close();
    }
  });

  test('a 1 MB page that is not JSON gets a clear message quickly; an endless one is cut off', async () => {
    // A shape that made the old log redaction quadratic: a long run of word characters.
    const page = `<html><head><title>Sign in</title></head><body>${'a'.repeat(1024 * 1024)}password</body></html>`;
    const html = await startRecorder({
      answer: (_request, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(page);
      },
    });
    const endless = await startRecorder({
      answer: (_request, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      },
    });
    try {
      await setUserSetting('serverUrl', html.url);
      const started = Date.now();
      const result = await createConnection(await fresh('html'));
      const elapsed = Date.now() - started;
      console.log(`    1 MB HTML answer handled in ${elapsed} ms`);
      assert.ok(result && !result.ok && result.kind === 'notJson', JSON.stringify(result));
      assert.match(result.message, /HTML page \(“Sign in”\)/);
      // An upper bound against the quadratic redaction (minutes), not a timing goal.
      assert.ok(elapsed < 20_000, `took ${elapsed} ms`);

      // The editor stays responsive: completion answers right after.
      const document = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: '{\n  \n}' });
      const list = await complete(document.uri, new vscode.Position(1, 2));
      assert.ok(labels(list).includes('sourceId'));

      await setUserSetting('serverUrl', endless.url);
      const cut = await createConnection(await fresh('endless'));
      assert.ok(cut && !cut.ok && cut.kind === 'responseTooLarge', JSON.stringify(cut));
      assert.match(cut.message, /more than 10 MB/);
    } finally {
      await setUserSetting('serverUrl', undefined);
      await html.close();
      await endless.close();
    }
  });

  test("thousands of the server's validation errors become at most 100 diagnostics and one summary", async () => {
    const flood = await startRecorder({
      answer: (_request, res) => {
        res.writeHead(422, { 'Content-Type': 'application/json' });
        const validationErrors = Array.from({ length: 5000 }, (_, i) => ({ propertyPath: 'webBackendCreateConnection.arg0.name', message: `problem ${i}` }));
        res.end(JSON.stringify({ message: 'Some properties contained invalid input.', validationErrors }));
      },
    });
    try {
      await setUserSetting('serverUrl', flood.url);
      const uri = await fresh('flood');
      const result = await createConnection(uri);
      assert.ok(result && !result.ok && result.kind === 'validation', JSON.stringify(result));
      const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => d.source === 'Airbyte server'));
      const fromServer = diagnostics.filter((d) => d.source === 'Airbyte server');
      assert.strictEqual(fromServer.length, 101);
      assert.ok(fromServer.some((d) => /4900 more problems/.test(d.message)), fromServer.map((d) => d.message).slice(-2).join(' | '));
    } finally {
      await setUserSetting('serverUrl', undefined);
      await flood.close();
    }
  });

  test('plain http:// to a host that is not loopback asks before any credential is sent, once per server', async () => {
    const remote = await createLocalAirbyte({ port: 0, host: '127.0.0.2', warn: () => undefined });
    let last: vscode.Uri | undefined;
    try {
      await setUserSetting('serverUrl', remote.url);
      const count = () => remote.store.listConnections('5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6').length;
      const before = count();

      // Nothing stored: the default local password is never offered to another machine.
      const noPassword = await createConnection(await fresh('remote-nopass'));
      assert.ok(noPassword && !noPassword.ok && noPassword.kind === 'missingCredentials', JSON.stringify(noPassword));
      assert.match(noPassword.message, /Set Credentials/);

      await vscode.commands.executeCommand('airbyte.setCredentials', { serverUrl: remote.url, password: 'password' });
      const declined = await createConnection(await fresh('remote-declined'), { confirmPlainHttp: false });
      assert.strictEqual(declined, undefined, 'declining the plain-HTTP question sends nothing');
      assert.strictEqual(count(), before);

      const allowed = await createConnection(await fresh('remote-allowed'), { confirmPlainHttp: true });
      assert.ok(allowed?.ok, JSON.stringify(allowed));
      // Remembered for this server: no question this time (an unanswered modal would hang here).
      last = await fresh('remote-again');
      const again = await createConnection(last);
      assert.ok(again?.ok, JSON.stringify(again));
      assert.strictEqual(count(), before + 2);
    } finally {
      if (last) await vscode.commands.executeCommand('airbyte.revokeServerPermissions', { uri: last.toString() });
      await vscode.commands.executeCommand('airbyte.clearCredentials', { serverUrl: remote.url });
      await setUserSetting('serverUrl', undefined);
      await remote.close();
    }
  });

  test('the duplicate guard holds across spellings of the server, a renamed file and a copy', async () => {
    await setUserSetting('serverUrl', `http://127.0.0.1:${airbyte.port}/api/`);
    const uri = await fresh('guard');
    const first = await createConnection(uri);
    assert.ok(first?.ok, JSON.stringify(first));

    await setUserSetting('serverUrl', `http://LOCALHOST:${airbyte.port}/api`);
    assert.strictEqual(await createConnection(uri, { confirmDuplicate: false }), undefined, 'another spelling of the same server');

    const renamed = vscode.Uri.file(path.join(folder, `renamed-${serial}.connection.json`));
    await vscode.workspace.fs.rename(uri, renamed);
    assert.strictEqual(await createConnection(renamed, { confirmDuplicate: false }), undefined, 'a renamed file');

    await fs.mkdir(path.join(folder, 'sub'), { recursive: true });
    const copy = vscode.Uri.file(path.join(folder, 'sub', `copy-${serial}.connection.json`));
    await vscode.workspace.fs.copy(renamed, copy);
    assert.strictEqual(await createConnection(copy, { confirmDuplicate: false }), undefined, 'a copied file');
    await setUserSetting('serverUrl', undefined);
  });

  test('a create whose answer was lost still warns next time', async () => {
    // The request reaches Airbyte (the connection is created), then the connection is reset.
    const lossy = await startRecorder({
      target: airbyte.url,
      answer: (request, res, forward) => {
        if (!request.url.endsWith('/connections/create')) return forward();
        const upstream = new URL(airbyte.url);
        const out = http.request(
          { host: upstream.hostname, port: upstream.port, method: 'POST', path: request.url, headers: { 'content-type': 'application/json', authorization: request.authorization ?? '' } },
          (answer) => {
            answer.resume();
            answer.on('end', () => res.destroy());
          },
        );
        out.end(request.body);
      },
    });
    try {
      await setUserSetting('serverUrl', lossy.url);
      const uri = await fresh('lost');
      const lost = await createConnection(uri);
      assert.ok(lost && !lost.ok && lost.kind === 'network', JSON.stringify(lost));
      assert.strictEqual(lossy.creates().length, 1);

      assert.strictEqual(await createConnection(uri, { confirmDuplicate: false }), undefined, 'the lost attempt must be remembered');
      assert.strictEqual(lossy.creates().length, 1);
    } finally {
      await setUserSetting('serverUrl', undefined);
      await lossy.close();
    }
  });

  test("the body sent is the file's exact text: 1e999 and big integers unchanged", async () => {
    const recorder = await startRecorder({
      answer: (_request, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ connectionId: '11111111-2222-4333-8444-555555555555', name: 'exact' }));
      },
    });
    try {
      await setUserSetting('serverUrl', recorder.url);
      const text = connection('Trust: exact', ',\n  "x-big": 123456789012345678901234567890,\n  "x-huge": 1e999');
      const uri = await writeFile('exact.connection.json', text);
      const result = await createConnection(uri);
      assert.ok(result?.ok, JSON.stringify(result));
      assert.strictEqual(recorder.creates()[0]?.body, text);
    } finally {
      await setUserSetting('serverUrl', undefined);
      await recorder.close();
    }
  });
});
