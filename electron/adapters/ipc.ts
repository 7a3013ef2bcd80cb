// Wires the channel map of core/api.ts to ipcMain. Every call is checked twice before a
// handler runs: the sender must be our own page in the top frame, and the input must pass
// the channel's schema (in dispatch).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, dispatch, type Handlers, type Result } from '../../core/api';

export function registerIpcHandlers(handlers: Handlers, isAppUrl: (url: string) => boolean): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      // A null frame has navigated or been destroyed since it sent; a child frame is not ours.
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return Promise.resolve({ ok: false, error: `Refused ${channel}: the sender is not the app window.` });
      }
      return dispatch(handlers, channel, input);
    });
  }
}
