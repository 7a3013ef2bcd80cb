// The app layer, wiring only: openApp takes the data folder's lock, opens the stores and starts
// the follow-ups, then gathers each feature's channels of core/api.ts into one Handlers object
// (prospects and deck: prospectHandlers.ts; meetings and the tablet share: meetings/handlers.ts;
// follow-ups and settings: followUp/handlers.ts; records: records/handlers.ts). The rules live in
// their feature (the win-back rule: followUp/winBack.ts). The Electron shell (main.ts) wires IPC
// to it; `npm run web` wires a 127.0.0.1 HTTP server to the same object. Same contract, same
// validation, same results.
import type { AppEventHub, Handlers } from '../../../core/api';
import type { FollowUpSettings } from '../../../core/followUp/record';
import { AdvisorProfileStore } from '../advisorProfile';
import { clockOf, type Clock } from '../clock';
import { PendingForms } from '../fillableForm/pending';
import { followUpHandlers } from '../followUp/handlers';
import { followUpsOff, openFollowUps } from '../followUp/open';
import type { Firing } from '../followUp/scheduler';
import type { FollowUpStore } from '../followUp/store';
import { lockDataFolder, type DataFolderLock } from '../lock';
import { MeetingService } from '../meetings';
import { meetingHandlers } from '../meetings/handlers';
import { shareMeetings } from '../meetings/tabletShare';
import { removeOrphanTemps } from '../orphanTemps';
import { ProspectStore } from '../prospects/store';
import { Records } from '../records';
import { recordsHandlers } from '../records/handlers';
import { deckSetup } from './preview';
import { prospectHandlers } from './prospectHandlers';

/** What only the host can do: the desktop shell, or the browser host's stand-ins. */
export interface Platform {
  readonly name: string;
  readonly version: string;
  /** Opens a link the app built itself (mailto:) in the system's handler; false when it cannot. */
  openExternal(url: string): Promise<boolean>;
  /** Shows a follow-up reminder; false when this host has no notifications. */
  notify(firing: Firing): boolean;
  /** Opens a file with the system's app for it (mail, calendar, PDF), or shows a folder; false when it cannot. */
  openPath(path: string): Promise<boolean>;
  /** Tray and open-at-login follow the settings (desktop only). */
  applySettings(settings: FollowUpSettings, change: Partial<FollowUpSettings>): void;
}

export interface AppOptions {
  /** The advisor's data folder (Electron's userData by default). */
  dataDir: string;
  /** The shipped templates (recipes, copy, theme): from the source tree or the packaged resources. */
  templatesDir: string;
  platform: Platform;
  /** Who holds the data folder, for the message a second process gets. */
  holder: string;
  /**
   * The one clock of everything the app starts (stores, follow-up scheduler, meetings, win-back):
   * the system clock by default. Tests fix it, so nothing depends on today's date.
   */
  clock?: Clock;
  /** Shorthand for a clock whose wall time is this (its timers stay the system's). */
  now?: () => number;
  /** The interface the tablet server listens on (`--share-host`); by default the LAN address. */
  shareHost?: string | undefined;
  /** Where the app layer raises the contract's events (core/contract/events.ts) for the host to carry. */
  events?: AppEventHub;
}

export interface AdvisorDeckApp {
  readonly handlers: Handlers;
  readonly prospects: ProspectStore;
  readonly followUps: FollowUpStore | null;
  /** Problems found on open (damaged files set aside), for the log. */
  readonly problems: string[];
  /** The machine woke up: fire what came due while it slept. */
  onResume(): void;
  close(): Promise<void>;
}

/** Takes the data folder's lock, opens the stores and starts the follow-up scheduler. */
export async function openApp(options: AppOptions): Promise<AdvisorDeckApp> {
  const clock = clockOf(options);
  const now = () => clock.now();
  const { dataDir, templatesDir, platform } = options;
  const lock: DataFolderLock = lockDataFolder(dataDir, options.holder);
  const problems: string[] = [];
  let prospects: ProspectStore;
  // Held now: the temporary files of writes a killed process never finished go (orphanTemps.ts),
  // beside the start rather than before it (a second for 5,000 prospects on a busy machine).
  const tidied = removeOrphanTemps(dataDir).catch((error: unknown) =>
    console.warn(`Temporary files: ${String(error)}`),
  );
  try {
    prospects = await ProspectStore.open(dataDir, { now });
  } catch (error) {
    lock.release();
    throw error;
  }
  for (const p of prospects.problems) problems.push(`${p.file}: ${p.message}`);
  const advisor = new AdvisorProfileStore(dataDir);
  const followUps = openFollowUps({ dataDir, clock, prospects, notify: (firing) => platform.notify(firing) });
  problems.push(...followUps.problems);
  const { scheduler } = followUps;
  try {
    if (scheduler) scheduler.start();
  } catch (error) {
    problems.push(followUpsOff(error));
  }
  const store = (): FollowUpStore => {
    if (!followUps.store) throw new Error('Follow-ups are not available: their store could not be opened.');
    return followUps.store;
  };
  /** The advisor's days off: moved follow-ups skip them (none while the profile is not set up). */
  const holidays = async (): Promise<readonly string[]> => {
    const profile = await advisor.advisor().catch(() => undefined);
    return profile?.ok ? profile.value.followUp.holidays : [];
  };

  // Books and records: what is shown and sent is written through it and appended to records/log.jsonl.
  const records = new Records({ dataDir, now, appVersion: platform.version });
  // What the features are built from.
  const deps = { prospects, advisor, followUps: () => followUps.store, templatesDir, now, records };
  const meetings = new MeetingService(deps);
  const sharing = shareMeetings({
    host: options.shareHost,
    templatesDir,
    prospects,
    advisor,
    meetings,
    changed: (change) => options.events?.emit('share:changed', change),
  });
  const openPath = (path: string) => platform.openPath(path);

  const handlers: Handlers = {
    'app:info': () => ({ name: platform.name, version: platform.version }),
    ...prospectHandlers({ ...deps, pendingForms: new PendingForms(), openPath }),
    ...meetingHandlers({
      meetings,
      sharing,
      prospects,
      deckSetup: (id) => deckSetup({ prospects, advisor, templatesDir }, id),
      openPath,
    }),
    'advisor:get': () => advisor.read(),
    'advisor:save': ({ advisor: input }) => advisor.save(input),
    'advisor:logo': ({ base64 }) => advisor.saveLogo(base64),
    ...followUpHandlers({
      store,
      holidays,
      now,
      openExternal: (url) => platform.openExternal(url),
      applySettings: (settings, change) => platform.applySettings(settings, change),
    }),
    ...recordsHandlers(dataDir, now),
  };

  let closed = false;
  return {
    handlers,
    prospects,
    followUps: followUps.store,
    problems,
    onResume: () => scheduler?.onResume(),
    async close() {
      if (closed) return;
      closed = true;
      await sharing.stop();
      scheduler?.stop();
      await prospects.flush();
      followUps.store?.close();
      await tidied;
      lock.release();
    },
  };
}
