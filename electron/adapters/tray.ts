// The tray icon that keeps the app (and its reminders) running with the window closed.
import { readFileSync } from 'node:fs';
import { Menu, nativeImage, Tray } from 'electron';

export interface TrayOptions {
  /** assets/tray.png (16 px) and assets/tray@2x.png (32 px). */
  icon: { x1: string; x2: string };
  onOpen: () => void;
  onQuit: () => void;
}

export function createAppTray({ icon, onOpen, onQuit }: TrayOptions): Tray {
  const image = nativeImage.createEmpty();
  image.addRepresentation({ scaleFactor: 1, buffer: readFileSync(icon.x1) });
  image.addRepresentation({ scaleFactor: 2, buffer: readFileSync(icon.x2) });
  const tray = new Tray(image);
  tray.setToolTip('Advisor Deck: follow-up reminders are on');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Advisor Deck', click: onOpen },
      { type: 'separator' },
      { label: 'Quit (reminders stop until the next start)', click: onQuit },
    ]),
  );
  // Windows and Linux open the app on a click; macOS shows the menu.
  tray.on('click', onOpen);
  return tray;
}
