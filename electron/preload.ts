// Runs in the sandboxed app window before the page, in its own isolated world. The page gets
// window.advisorDeck: one function per channel of core/api.ts and one event subscription, and
// nothing else, so it can never send on an arbitrary channel or touch ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AdvisorDeckApi, Channel, FOLLOW_UP_FOCUS_EVENT } from '../core/api';

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

// The same literal as core/api.ts (checked by the type), and the id pattern of
// core/followUp/record.ts: only an id-shaped string ever reaches the page's listener.
const FOCUS_EVENT: typeof FOLLOW_UP_FOCUS_EVENT = 'followups:focus';
const FOLLOW_UP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const advisorDeck = {
  // Only the one input argument crosses; main checks it against the channel's schema.
  ...Object.fromEntries(
    Object.keys(exposed).map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]),
  ),
  // Reminders are system notifications here (main.ts); their click arrives as onFollowUpFocus.
  onReminder: () => () => undefined,
  onFollowUpFocus: (listener: (id: string) => void) => {
    const forward = (_event: IpcRendererEvent, id: unknown) => {
      if (typeof id === 'string' && FOLLOW_UP_ID.test(id)) listener(id);
    };
    ipcRenderer.on(FOCUS_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(FOCUS_EVENT, forward);
    };
  },
} as unknown as AdvisorDeckApi;

contextBridge.exposeInMainWorld('advisorDeck', advisorDeck);
