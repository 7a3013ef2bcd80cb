// Where the advisor's data folder is: plain files they can back up (DESIGN.md, "The data
// folder"); what is in it is named in core/dataFolder.ts.
// The Electron app and `npm run web` must agree on it without Electron, so the folder is
// computed here the way Electron computes app.getPath('userData') for this app's name.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app's name as Electron uses it for its user data folder (main.ts sets it explicitly). */
export const APP_FOLDER_NAME = 'Advisor Deck';

/** Electron's `appData` for this platform and environment. */
export function appDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env['APPDATA'] ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env['XDG_CONFIG_HOME'] || join(home, '.config');
}

/** The folder both the desktop app and the web host use by default. */
export function defaultDataFolder(): string {
  return join(appDataFolder(), APP_FOLDER_NAME);
}
