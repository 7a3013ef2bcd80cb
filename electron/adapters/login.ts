// "Open at login": the app starts hidden, in the tray, so reminders fire from the moment the
// advisor logs in.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';

export const HIDDEN_ARG = '--hidden';

// Electron's login items exist on macOS and Windows only; Linux desktops start what
// ~/.config/autostart lists (XDG Autostart).
function linuxAutostartFile(): string {
  return join(process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'autostart', 'advisor-deck.desktop');
}

/** Desktop Entry strings: the Exec key quotes arguments and escapes \, ", ` and $ (and % as %%). */
function execQuote(arg: string): string {
  return `"${arg.replace(/[\\"`$]/g, '\\$&').replace(/%/g, '%%')}"`;
}

export function setOpenAtLogin(enabled: boolean): void {
  if (process.platform === 'linux') {
    const file = linuxAutostartFile();
    if (!enabled) {
      rmSync(file, { force: true });
      return;
    }
    // An AppImage runs from a temporary mount: autostart the AppImage file itself.
    const executable = process.env['APPIMAGE'] || process.execPath;
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(
      file,
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Advisor Deck',
        `Exec=${execQuote(executable)} ${HIDDEN_ARG}`,
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    return;
  }
  // Windows starts the app with `args`; macOS reports wasOpenedAtLogin instead.
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
}

/** True when this run was started by the login item (so no window, only the tray). */
export function startedAtLogin(): boolean {
  if (process.argv.includes(HIDDEN_ARG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
