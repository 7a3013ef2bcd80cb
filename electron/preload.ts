// Runs in the sandboxed app window before the page, in its own isolated world. The page gets
// window.advisorDeck: one function per channel of core/api.ts and one subscription per event of
// the contract, and nothing else, so it can never send on an arbitrary channel or touch ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AdvisorDeckApi, Channel } from '../core/api';
// The events' names and payload checks: a file without zod (core/contract/events.ts).
import { eventPayload, eventSubscriptions, type AppEvent } from '../core/contract/events';

// Type-only use of the contract keeps zod out of the sandboxed preload; the Record type makes
// the compiler flag a channel that is added to core/api.ts but not exposed here.
const exposed: Record<Channel, true> = {
  'app:info': true,
  'followups:list': true,
  'followups:count': true,
  'followups:snooze': true,
  'followups:reschedule': true,
  'followups:complete': true,
  'followups:cancel': true,
  'followups:email': true,
  'prospects:list': true,
  'prospects:get': true,
  'prospects:saveDraft': true,
  'prospects:save': true,
  'prospects:delete': true,
  'prospects:restore': true,
  'prospects:discardDraft': true,
  'prospects:setStatus': true,
  'prospects:import': true,
  'prospects:intakeForm': true,
  'prospects:intakeFormFile': true,
  'prospects:intakeFormOpen': true,
  'prospects:applyForm': true,
  'prospects:preview': true,
  'advisor:get': true,
  'advisor:save': true,
  'advisor:logo': true,
  'deck:get': true,
  'deck:save': true,
  'meeting:get': true,
  'meeting:start': true,
  'present:start': true,
  'meeting:record': true,
  'meeting:end': true,
  'share:start': true,
  'share:stop': true,
  'share:status': true,
  'share:mode': true,
  'share:answer': true,
  'meeting:wrapUp': true,
  'meeting:file': true,
  'meeting:open': true,
  'settings:get': true,
  'settings:set': true,
  'records:list': true,
  'records:verify': true,
  'records:export': true,
};

// Main sends each event on an IPC channel of the event's name; only a payload of the event's
// shape (an id-shaped string for a focus, and so on) ever reaches the page's listener.
function subscribe(event: AppEvent) {
  return (listener: (payload: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, data: unknown) => {
      const payload = eventPayload(event, data);
      if (payload !== undefined) listener(payload);
    };
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  };
}

const advisorDeck = {
  // Only the one input argument crosses; main checks it against the channel's schema.
  ...Object.fromEntries(
    Object.keys(exposed).map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]),
  ),
  ...Object.fromEntries(Object.entries(eventSubscriptions).map(([name, event]) => [name, subscribe(event)])),
} as unknown as AdvisorDeckApi;

contextBridge.exposeInMainWorld('advisorDeck', advisorDeck);
