// Smoke test of the packaged extension as a person meets it: code-server with
// dist/airbyte-connections.vsix installed, the examples workspace open, the local Airbyte server
// behind it, driven by keyboard and mouse in headless Chromium: completion, hover, Problems,
// Create Connection. Asserts on what is on screen; saves screenshots (docs/images/*.png with UPDATE_SCREENSHOTS=1).
//
//   npm run build && npm run package && node --import tsx test/ui/smoke.ts
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../runner/browser';
import { freePort } from '../runner/network';
import { codeServerEntry, examplesFolder, extensionMain, packagedExtension, requireFiles, screenshotsFolder } from '../runner/paths';
import { onCleanup, runMain } from '../runner/processes';
import { TEST_SETTINGS, writeUserSettings } from '../runner/userData';
import { answerPick, multiPick } from './quickPicks';
import { installVsix, startCodeServer, startLocalAirbyte } from './servers';
import {
  activeEditorText,
  hoverUntil,
  newLineInsideTopObject,
  notification,
  openWorkbench,
  quickOpen,
  runFromPalette,
  showProblems,
  triggerSuggestions,
} from './workbench';

const WHOLE_RUN_TIMEOUT_MS = 5 * 60_000;
const EXTENSION_ID = 'airbyte-connections-as-code.airbyte-connections';
// What the screen looked like when the run ended: the first thing to look at when a step fails.
const LAST_SCREEN = path.join(os.tmpdir(), 'airbyte-ui-smoke-last.png');

async function smoke(): Promise<void> {
  requireFiles([
    [codeServerEntry, 'run: bash scripts/install-code-server.sh'],
    [packagedExtension, 'run: npm run build && npm run package'],
  ]);
  if (fs.statSync(packagedExtension).mtimeMs < fs.statSync(extensionMain).mtimeMs) {
    throw new Error(`${path.basename(packagedExtension)} is older than the last build: run npm run package (the test checks the packaged extension)`);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'airbyte-ui-smoke-'));
  onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
  // A copy of the examples: the test types into files and must never change the real ones.
  const workspace = path.join(scratch, 'examples');
  fs.cpSync(examplesFolder, workspace, { recursive: true });

  const step = stepTimer();
  const extensionsDir = path.join(scratch, 'extensions');
  await installVsix(packagedExtension, extensionsDir, scratch);
  const installed = fs.readdirSync(extensionsDir).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1) throw new Error(`expected ${EXTENSION_ID} in ${extensionsDir}, found: ${fs.readdirSync(extensionsDir).join(', ')}`);
  step(`installed ${installed[0]} from the .vsix`);

  const airbytePort = await freePort();
  const airbyteApi = `http://127.0.0.1:${airbytePort}/api`;
  await startLocalAirbyte(airbytePort, scratch);
  const userDataDir = path.join(scratch, 'user-data');
  writeUserSettings(userDataDir, {
    ...TEST_SETTINGS,
    'workbench.reduceMotion': 'on', // still screenshots
    'airbyte.serverUrl': airbyteApi,
  });
  const port = await freePort();
  await startCodeServer({ port, userDataDir, extensionsDir, scratch, folder: workspace });
  step(`code-server on 127.0.0.1:${port}, local Airbyte on ${airbytePort}`);

  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  onCleanup(() => page.screenshot({ path: LAST_SCREEN }).then(() => undefined, () => undefined));
  await openWorkbench(page, `http://127.0.0.1:${port}`, workspace, 'orders-to-snowflake.connection.json');
  step('workbench open on the examples');

  // Completion: a new line inside a minimal connection, Ctrl+Space.
  await quickOpen(page, 'stripe-to-bigquery.connection.json');
  await page.locator('.statusbar-item', { hasText: 'Airbyte Connection' }).first().waitFor({ timeout: 30_000 });
  await newLineInsideTopObject(page);
  const suggestions = await triggerSuggestions(page, 'scheduleType');
  await expectText(suggestions, ['scheduleType', 'nonBreakingChangesPreference', 'geography'], 'the suggest widget');
  await screenshot(page, 'completion');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');
  step('completion lists connection properties');

  // Hover: point at "status" in the full example.
  await quickOpen(page, 'orders-to-snowflake.connection.json');
  const statusKey = activeEditorText(page).locator('span', { hasText: /^"?status"?$/ }).first();
  const hover = await hoverUntil(page, statusKey, 'inactive');
  await expectText(hover, ['active', 'inactive', 'deprecated'], 'the hover');
  await screenshot(page, 'hover');
  await page.mouse.move(0, 0);
  step('hover explains status');

  // Diagnostics: the example with mistakes, seen in the Problems panel.
  await quickOpen(page, 'nightly-with-mistakes.connection.json');
  const problems = await showProblems(page, 'Did you mean "active"?');
  await expectText(problems, ['Did you mean "active"?', 'Quartz cron'], 'the Problems panel');
  await screenshot(page, 'problems');
  step('Problems panel shows the misspelt status and the Unix cron');

  // Create Connection from the palette, on the valid full example, against the local server.
  await page.keyboard.press('Control+J'); // hide the panel again
  await problems.waitFor({ state: 'hidden' });
  await quickOpen(page, 'orders-to-snowflake.connection.json');
  await runFromPalette(page, 'Airbyte: Create Connection');
  const created = await notification(page, 'Created connection “Postgres orders → Snowflake analytics”');
  await page.locator('.notification-toast', { hasText: 'Creating connection' }).waitFor({ state: 'hidden' });
  await screenshot(page, 'create-connection');
  const names = await connectionNamesOnServer(airbyteApi);
  if (!names.includes('Postgres orders → Snowflake analytics')) {
    throw new Error(`the notification said "${await created.innerText()}" but the server has: ${names.join(', ')}`);
  }
  step('Create Connection: notification shown, connection on the server');

  // New Connection File from the palette: workspace, source, destination, streams (all kept).
  await runFromPalette(page, 'Airbyte: New Connection File');
  await answerPick(page, 'workspace', 'Data Platform');
  await answerPick(page, 'source', 'Stripe');
  await answerPick(page, 'destination', 'BigQuery', 'BigQuery — warehouse');
  const streamsPick = await multiPick(page, 'streams to sync', ['charges', 'customers', 'invoices']);
  // The discovery's progress toast closes once the streams are listed (a still screenshot).
  await page.locator('.notification-toast', { hasText: 'Discovering the streams' }).waitFor({ state: 'hidden', timeout: 30_000 });
  await screenshot(page, 'new-connection-file');
  await page.keyboard.press('Enter');
  await streamsPick.waitFor({ state: 'hidden' });
  const newFile = 'stripe-to-bigquery-warehouse.connection.json';
  await page.locator('.tabs-container .tab.active', { hasText: newFile }).waitFor({ timeout: 30_000 });
  await notification(page, `Wrote ${newFile}: 3 of 3 streams selected`);
  step('New Connection File: picks answered, file written and opened');

  await runFromPalette(page, 'Airbyte: Create Connection');
  await notification(page, 'Created connection “Stripe <> BigQuery — warehouse”');
  if (!(await connectionNamesOnServer(airbyteApi)).includes('Stripe <> BigQuery — warehouse')) {
    throw new Error('the new file was not created on the server');
  }
  step('Create Connection accepts the new file as it is');

  // The Getting Started walkthrough, from the palette as a new user finds it.
  await runFromPalette(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').first().waitFor({ state: 'hidden', timeout: 30_000 });
  await runFromPalette(page, 'Welcome: Open Walkthrough');
  await answerPick(page, '', 'Airbyte Connections as Code');
  const walkthrough = page.locator('.gettingStartedContainer', { hasText: 'Connect to your Airbyte server' });
  await walkthrough.waitFor({ timeout: 30_000 });
  await expectText(walkthrough, ['Write a connection file', 'Create the connection'], 'the walkthrough');
  await screenshot(page, 'walkthrough');
  step('Getting Started walkthrough opens with its steps');
}

/** The names of the connections the local Airbyte server holds (its default credentials). */
async function connectionNamesOnServer(api: string): Promise<string[]> {
  const { workspaces } = await postJson<{ workspaces: Array<{ workspaceId: string }> }>(`${api}/v1/workspaces/list`, {});
  const { connections } = await postJson<{ connections: Array<{ name: string }> }>(`${api}/v1/connections/list`, {
    workspaceId: workspaces[0].workspaceId,
  });
  return connections.map((c) => c.name);
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const authorization = `Basic ${Buffer.from('airbyte:password').toString('base64')}`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Saves <screenshotsFolder>/<name>.png, with widget fade-ins finished rather than caught half-way. */
function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(screenshotsFolder, `${name}.png`), animations: 'disabled' });
}

/** Fails unless every one of `texts` is in what `where` shows on screen. */
async function expectText(where: { innerText(): Promise<string> }, texts: string[], what: string): Promise<void> {
  const shown = await where.innerText();
  const missing = texts.filter((t) => !shown.includes(t));
  if (missing.length > 0) throw new Error(`${what} does not show ${missing.map((t) => `"${t}"`).join(', ')}; it shows:\n${shown}`);
}

let stepsPassed = 0;
function stepTimer(): (done: string) => void {
  let last = Date.now();
  return (done) => {
    stepsPassed++;
    console.log(`✓ ${done} (${((Date.now() - last) / 1000).toFixed(1)} s)`);
    last = Date.now();
  };
}

runMain(async () => {
  fs.mkdirSync(screenshotsFolder, { recursive: true });
  const overall = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`UI smoke test still running after ${WHOLE_RUN_TIMEOUT_MS / 60_000} min`)), WHOLE_RUN_TIMEOUT_MS).unref(),
  );
  try {
    await Promise.race([smoke(), overall]);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    console.log(`${stepsPassed} passed, 1 failed`); // the step that threw; later steps did not run
    return 1;
  }
  console.log(`UI smoke test passed; screenshots in ${path.relative(process.cwd(), screenshotsFolder) || '.'}`);
  console.log(`${stepsPassed} passed, 0 failed`);
  return 0;
});
