// Headless Debian chromium driven by playwright-core (no browser download needed).
import { chromium, type Browser } from 'playwright-core';
import { chromiumExecutable, requireFiles } from './paths';
import { onCleanup } from './processes';

// Without the networking flags Chromium keeps trying hosts this machine cannot reach.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the browser and registers its closing with the run's cleanup. */
export async function launchBrowser(): Promise<Browser> {
  requireFiles([[chromiumExecutable, 'install it: apt-get install -y chromium (or set CHROMIUM_PATH)']]);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    headless: true,
    args: CHROMIUM_FLAGS,
    // Our own cleanup closes it; Playwright's signal handlers would race it.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  onCleanup(() => browser.close().catch(() => undefined));
  return browser;
}
