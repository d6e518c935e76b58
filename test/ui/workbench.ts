// What a person does in the VS Code workbench, expressed with Playwright: open a file by name,
// ask for suggestions, point at a word, look at the Problems panel. Every wait is for something
// visible on screen and is bounded.
import type { Locator, Page } from 'playwright-core';

const STEP_TIMEOUT_MS = 30_000;

/** Opens the workbench on `folder` and waits until the explorer lists `expectedFile`. */
export async function openWorkbench(page: Page, origin: string, folder: string, expectedFile: string): Promise<void> {
  await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: expectedFile }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Ctrl+P, type the name, Enter; resolves when its editor tab is the active one. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await retryUntilVisible(page, () => page.keyboard.press('Control+P'), input, `the Quick Open box`);
  await input.fill(fileName);
  await focusedPick(page, fileName).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await activeEditorText(page).first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

/**
 * The highlighted entry of the open picker, once it is `text`. Until the picker has filtered
 * what was typed, the highlight is still on the previous list's first entry, and Enter would
 * pick that one.
 */
function focusedPick(page: Page, text: string): Locator {
  return page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text });
}

/** The text lines of the editor that has focus in the editor area. */
export function activeEditorText(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
}

/** Puts the cursor on a new line right after line 1 (`{`): a place where properties go. */
export async function newLineInsideTopObject(page: Page): Promise<void> {
  await activeEditorText(page).first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
}

/** Ctrl+Space until the suggest widget shows `expectedLabel`; returns the widget. */
export async function triggerSuggestions(page: Page, expectedLabel: string): Promise<Locator> {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  const row = widget.locator('.monaco-list-row', { hasText: expectedLabel }).first();
  await retryUntilVisible(page, () => page.keyboard.press('Control+Space'), row, `a suggestion "${expectedLabel}"`);
  return widget;
}

/** Points the mouse at `target` until a hover containing `expectedText` shows; returns the hover. */
export async function hoverUntil(page: Page, target: Locator, expectedText: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expectedText }).first();
  await retryUntilVisible(
    page,
    async () => {
      await page.mouse.move(0, 0); // away first, so each attempt is a fresh hover
      await target.hover();
    },
    hover,
    `a hover saying "${expectedText}"`,
  );
  return hover;
}

/** F1, type the command's title, Enter on it. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await retryUntilVisible(page, () => page.keyboard.press('F1'), input, 'the Command Palette');
  await input.fill(`>${title}`);
  await focusedPick(page, title).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

/** The notification toast that contains `text`, once it shows. */
export async function notification(page: Page, text: string): Promise<Locator> {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ timeout: STEP_TIMEOUT_MS });
  return toast;
}

/** Ctrl+Shift+M; resolves with the Problems panel once it lists a problem containing `expectedText`. */
export async function showProblems(page: Page, expectedText: string): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  const row = panel.locator('.monaco-list-row', { hasText: expectedText }).first();
  await retryUntilVisible(page, () => page.keyboard.press('Control+Shift+M'), panel, 'the Problems panel');
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  return panel;
}

/**
 * Repeats `trigger` (a key press, a hover) until `target` is visible: the workbench can drop a
 * trigger that arrives while it is still busy (language server starting, widget re-layout).
 */
export async function retryUntilVisible(page: Page, trigger: () => Promise<void>, target: Locator, what: string, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let attemptTimeoutMs = 1_000;
  for (let attempt = 1; ; attempt++) {
    await trigger();
    try {
      await target.waitFor({ state: 'visible', timeout: attemptTimeoutMs });
      return;
    } catch {
      if (Date.now() > deadline) {
        const shot = `/tmp/ui-smoke-failure-${Date.now()}.png`;
        await page.screenshot({ path: shot }).catch(() => undefined);
        throw new Error(`${what} did not show after ${attempt} attempts in ${timeoutMs / 1000} s (screenshot: ${shot})`);
      }
      attemptTimeoutMs = Math.min(attemptTimeoutMs * 2, 5_000);
    }
  }
}
