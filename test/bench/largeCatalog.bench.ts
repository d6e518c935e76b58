// `npm run bench`: this project's language server and VS Code's own JSON language server
// (vscode-langservers-extracted, given the official v0.44.3 WebBackendConnectionCreate schema)
// side by side over stdio, on catalogs shaped like discovered ones. Each server gets a fresh
// process per size, the same file and the same ranged edits. Prints times and peak memory with
// ratios (ours / peer's; below 1 is better). Numbers, not pass/fail. The open is the median of
// BENCH_OPENS cold opens (3), each in a fresh process: one open varies by ±15% on a shared VM.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../server/lspTestClient';
import { discoveredCatalog } from './discoveredCatalog';
import { peerSchema } from './peerSchema';

const PEER = require.resolve('vscode-langservers-extracted/lib/json-language-server/node/jsonServerNodeMain.js');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const REPEATS = 3;
/** Cold opens per server and size (each in a fresh process, the two servers taking turns): the median is reported. */
const OPENS = Math.max(1, Number(process.env.BENCH_OPENS ?? 3));

interface Measured {
  openMs: number;
  editMs: number;
  completionAfterEditMs: number;
  /** Median while the big file validates, and the worst (the first request waits for the open to be read). */
  completionOtherFileMs: number;
  completionOtherFileWorstMs: number;
  hoverMs: number;
  /** The outline and folding ranges VS Code asks for when a file opens. */
  outlineMs: number;
  foldingMs: number;
  peakRssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Peak resident memory of a process (all its threads), from Linux's VmHWM. */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

class Session {
  readonly client: LspTestClient;
  private waiters: Array<(p: PublishDiagnosticsParams) => boolean> = [];
  private document!: TextDocument;

  constructor(readonly peer: boolean) {
    // BENCH_SERVER: another build of this server (for example an older commit's dist/server.js).
    // Each started as its editor starts it: ours with the extension's additions to the
    // environment (client/src/serverEnvironment.ts), the peer with none, as VS Code starts it.
    this.client = peer ? new LspTestClient(['--stdio'], PEER, process.env) : new LspTestClient(['--stdio'], process.env.BENCH_SERVER || undefined);
    this.client.onPublish = (params) => (this.waiters = this.waiters.filter((w) => !w(params)));
  }

  async start(): Promise<void> {
    await this.client.initialize(this.peer ? { provideFormatter: false, handledSchemaProtocols: ['file'] } : {});
    if (this.peer) {
      await this.client.connection.sendNotification('workspace/didChangeConfiguration', {
        // resultLimit: VS Code's json.maxItemsComputed (5000), as its JSON extension sends it.
        settings: { json: { validate: { enable: true }, resultLimit: 5000, schemas: [{ fileMatch: ['*.connection.json'], schema: peerSchema() }] } },
      });
    }
  }

  /** Resolves with the time at which `uri` gets diagnostics accepted by `accept`. */
  published(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<number> {
    return new Promise((resolve) => this.waiters.push((p) => p.uri === uri && accept(p) && (resolve(performance.now()), true)));
  }

  async open(uri: string, text: string): Promise<void> {
    this.document = TextDocument.create(uri, 'json', 1, text);
    await this.client.open(uri, text, 'json');
  }

  /**
   * Sends a ranged edit; returns when it was sent. The benchmark's own copy of the text is
   * updated later, when next read, so that its cost is never part of a measured time.
   */
  async edit(uri: string, offset: number, length: number, text: string): Promise<number> {
    const range = { start: this.position(offset), end: this.position(offset + length) };
    const sent = performance.now();
    await this.client.edit(uri, range, text);
    this.pending.push({ range, text });
    return sent;
  }

  private pending: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }> = [];

  private current(): TextDocument {
    if (this.pending.length > 0) this.document = TextDocument.update(this.document, this.pending.splice(0), this.document.version + 1);
    return this.document;
  }

  position(offset: number) {
    return this.current().positionAt(offset);
  }

  text(): string {
    return this.current().getText();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const small = 'file:///bench/small.connection.json';
const bigUri = (streams: number) => `file:///bench/catalog-${streams}.connection.json`;

/** A fresh server with a small file open (so the large file is not its first). */
async function startedSession(peer: boolean): Promise<Session> {
  const session = new Session(peer);
  await session.start();
  await session.client.open(small, '{\n  \n}');
  await session.published(small, () => true).catch(() => undefined);
  return session;
}

/** Open → first diagnostics of the large file, in a fresh server. */
async function coldOpenMs(peer: boolean, streams: number, text: string): Promise<number> {
  const session = await startedSession(peer);
  const start = performance.now();
  const first = session.published(bigUri(streams), () => true);
  await session.open(bigUri(streams), text);
  const openMs = (await first) - start;
  await session.client.stop();
  return openMs;
}

async function measure(peer: boolean, streams: number, text: string): Promise<Measured> {
  const session = await startedSession(peer);
  const big = bigUri(streams);

  // Open -> first diagnostics, and completion in the small file while the big one is analysed.
  const start = performance.now();
  let baseline = 0;
  const first = session.published(big, (p) => ((baseline = p.diagnostics.length), true));
  await session.open(big, text);
  let done = false;
  void first.then(() => (done = true));
  const otherFile: number[] = [];
  while (!done) {
    otherFile.push(await timed(() => session.client.completion(small, 1, 2)));
    await new Promise((r) => setTimeout(r, 50));
  }
  const openMs = (await first) - start;
  if (process.env.BENCH_VERBOSE) console.error(`${peer ? 'peer' : 'ours'}: ${baseline} diagnostics on the generated file`);
  const outlineMs = await timed(() => session.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: big } }));
  const foldingMs = await timed(() => session.client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: big } }));

  // Edit -> diagnostics: break one stream's `selected` in the middle, then fix it.
  const editTimes: number[] = [];
  const afterEdit: number[] = [];
  const hovers: number[] = [];
  for (let k = 0; k < REPEATS; k++) {
    const middle = session.text().indexOf('"selected": true', Math.floor(session.text().length * (0.3 + 0.2 * k)));
    const value = middle + '"selected": '.length;
    session.position(0); // the local copy is up to date before timing starts
    let shown = session.published(big, (p) => p.diagnostics.length > baseline);
    let sent = await session.edit(big, value, 4, '"yes"');
    editTimes.push((await shown) - sent);
    if (process.env.BENCH_VERBOSE) console.error(`edit ${Math.round(editTimes[editTimes.length - 1])} ms`);
    session.position(0);
    shown = session.published(big, (p) => p.diagnostics.length === baseline);
    sent = await session.edit(big, value, 5, 'true');
    editTimes.push((await shown) - sent);

    // Completion right after typing in a stream's config (the first request after the edit).
    const alias = session.text().indexOf('"aliasName": "', value - 400) + '"aliasName": "'.length;
    const configStart = session.text().lastIndexOf('"config": {', alias) + '"config": {'.length;
    const at = session.position(configStart); // before the edit point: the edit does not move it
    const settled = session.published(big, (p) => p.diagnostics.length === baseline);
    await session.edit(big, alias, 0, 'x');
    afterEdit.push(await timed(() => session.client.completion(big, at.line, at.character)));
    await settled;
    await session.edit(big, alias, 1, '');

    const key = session.position(session.text().indexOf('"syncMode"', value - 400) + 3);
    hovers.push(await timed(() => session.client.hover(big, key.line, key.character)));
  }
  const peakRssMbValue = peakRssMb(session.client.process.pid!);
  await session.client.stop();
  return {
    openMs,
    editMs: median(editTimes),
    completionAfterEditMs: median(afterEdit),
    completionOtherFileMs: median(otherFile),
    completionOtherFileWorstMs: Math.max(...otherFile),
    hoverMs: median(hovers),
    outlineMs,
    foldingMs,
    peakRssMb: peakRssMbValue,
  };
}

function cell(ours: number, peer: number, unit = 'ms'): string {
  return `${Math.round(ours)} vs ${Math.round(peer)} ${unit} (×${(ours / peer).toFixed(2)})`;
}

async function main(): Promise<void> {
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`Ours vs vscode-langservers-extracted 4.10 (json), median of edits and of ${OPENS} cold opens; ×ratio = ours / peer\n`);
  const rows: string[] = [];
  for (const streams of SIZES) {
    const text = discoveredCatalog(streams);
    // BENCH_ONLY=ours skips the peer (quick checks while working on the server).
    const onlyOurs = process.env.BENCH_ONLY === 'ours';
    const opens = { ours: [] as number[], peer: [] as number[] };
    for (let k = 1; k < OPENS; k++) {
      opens.ours.push(await coldOpenMs(false, streams, text));
      if (!onlyOurs) opens.peer.push(await coldOpenMs(true, streams, text));
    }
    const ours = await measure(false, streams, text);
    opens.ours.push(ours.openMs);
    ours.openMs = median(opens.ours);
    if (onlyOurs) {
      console.log(streams, JSON.stringify(ours), 'opens', opens.ours.map(Math.round).join(' '));
      continue;
    }
    const peer = await measure(true, streams, text);
    opens.peer.push(peer.openMs);
    peer.openMs = median(opens.peer);
    console.log(`${streams} streams, cold opens (ms): ours ${opens.ours.map(Math.round).join(', ')}; peer ${opens.peer.map(Math.round).join(', ')}`);
    rows.push(
      `| ${streams.toLocaleString('en-US')} (${(text.length / 1e6).toFixed(1)} MB) | ${cell(ours.editMs, peer.editMs)} | ${cell(ours.openMs, peer.openMs)} | ${Math.round(ours.completionAfterEditMs)} vs ${Math.round(peer.completionAfterEditMs)} | ${Math.round(ours.completionOtherFileMs)} vs ${Math.round(peer.completionOtherFileMs)} (worst ${Math.round(ours.completionOtherFileWorstMs)} vs ${Math.round(peer.completionOtherFileWorstMs)}) | ${Math.round(ours.hoverMs)} vs ${Math.round(peer.hoverMs)} | ${Math.round(ours.outlineMs)} vs ${Math.round(peer.outlineMs)} | ${Math.round(ours.foldingMs)} vs ${Math.round(peer.foldingMs)} | ${cell(ours.peakRssMb, peer.peakRssMb, 'MB')} |`,
    );
    console.log(rows[rows.length - 1]);
  }
  console.log('\n| streams (size) | edit → diagnostics | open → first diagnostics | completion right after an edit (ms) | completion in another file while it validates, median (worst) ms | hover (ms) | outline after open (ms) | folding (ms) | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

void main();
