// Answering the extension's own quick picks as a person does: wait for the picker by its title,
// type to filter, and press Enter once the wanted entry is highlighted.
import type { Page } from 'playwright-core';

const STEP_TIMEOUT_MS = 30_000;

export async function answerPick(page: Page, title: string, filter: string, expected = filter): Promise<void> {
  const widget = page.locator('.quick-input-widget', { hasText: title });
  await widget.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await widget.locator('.quick-input-box input').fill(filter);
  await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: expected }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => undefined); // the next picker may reuse it
}

/** Waits for the multi-select picker titled `title` to list `expected`; returns its widget. */
export async function multiPick(page: Page, title: string, expected: string[]) {
  const widget = page.locator('.quick-input-widget', { hasText: title });
  await widget.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  for (const text of expected) await widget.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  return widget;
}
