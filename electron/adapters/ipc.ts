// Wires the channel map of core/api.ts to ipcMain, and its events to the window. Every call is checked twice before a
// handler runs: the sender must be our own page in the top frame, and the input must pass
// the channel's schema (in dispatch). Type-only electron imports: main.ts passes the real
// ipcMain, the tests a fake one, so the checks run under plain Node.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelNames, dispatch, type AppEvent, type AppEvents, type Handlers, type Result } from '../../core/api';

/** The part of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/**
 * True when the call comes from our own page in the window's top frame. A null frame has
 * navigated or been destroyed since it sent; a child frame is not ours, whatever its URL.
 */
export function senderIsApp(event: SenderEvent, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

export function registerIpcHandlers(
  ipc: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isAppUrl: (url: string) => boolean,
): void {
  for (const channel of channelNames) {
    ipc.handle(channel, (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!senderIsApp(event, isAppUrl)) {
        return Promise.resolve({ ok: false, error: `Refused ${channel}: the sender is not the app window.` });
      }
      return dispatch(handlers, channel, input);
    });
  }
}

/**
 * Sends one event of the contract to the window, on the IPC channel of the event's name (the
 * preload forwards it to the page's subscription). A page still loading gets it once loaded.
 */
export function sendAppEvent<E extends AppEvent>(
  contents: Pick<WebContents, 'send' | 'isLoading' | 'once'>,
  event: E,
  payload: AppEvents[E],
): void {
  const send = () => contents.send(event, payload);
  if (contents.isLoading()) contents.once('did-finish-load', send);
  else send();
}
