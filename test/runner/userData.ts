// A fresh VS Code user-data folder per run, with settings that keep first-start prompts away.
import * as fs from 'fs';
import * as path from 'path';

export const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false, // no trust dialog over the workbench
  'workbench.startupEditor': 'none', // no welcome page
  'workbench.tips.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
};

/** Writes `settings` as the user settings of `userDataDir` (where code-server and its server read them). */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const folder = path.join(userDataDir, 'User');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * For the Restricted Mode run: workspace trust on, and the fixtures folder (never trusted in a
 * fresh user-data folder) stays untrusted without a startup dialog asking about it.
 */
export const RESTRICTED_MODE_SETTINGS = {
  ...TEST_SETTINGS,
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};
