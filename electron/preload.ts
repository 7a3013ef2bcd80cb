// Runs in the sandboxed app window before the page, in its own isolated world. The page gets
// window.advisorDeck: one function per channel of core/api.ts and nothing else, so it can
// never send on an arbitrary channel or touch ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { AdvisorDeckApi, Channel } from '../core/api';

// Type-only use of the contract keeps zod out of the sandboxed preload; the Record type makes
// the compiler flag a channel that is added to core/api.ts but not exposed here.
const exposed: Record<Channel, true> = { 'app:info': true };

const advisorDeck = Object.fromEntries(
  // Only the one input argument crosses; main checks it against the channel's schema.
  Object.keys(exposed).map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as AdvisorDeckApi;

contextBridge.exposeInMainWorld('advisorDeck', advisorDeck);
