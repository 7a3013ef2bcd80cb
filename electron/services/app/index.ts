// The app layer: the handlers of core/api.ts over the data folder's stores, built once from
// their dependencies. The Electron shell (main.ts) wires IPC to it; `npm run web` wires a
// 127.0.0.1 HTTP server to the same object. Same contract, same validation, same results.
import type { AppEventHub, DeckSetupOutcome, Handlers, ImportOutcome } from '../../../core/api';
import { join } from 'node:path';
import { applyIntakeForm, importIntakeForm, intakeFormFile, sendIntakeForm } from './fillableForm';
import { PendingForms } from '../fillableForm/pending';
import { pageFollowUps, type FollowUpSettings } from '../../../core/followUp/record';
import { mailtoLink } from '../../../core/followUp/email';
import { AdvisorProfileStore } from '../advisorProfile';
import { FollowUpScheduler, systemClock, type Clock, type Firing } from '../followUp/scheduler';
import { FollowUpStore } from '../followUp/store';
import { cancelWinBacks, scheduleWinBack } from '../followUp/winBack';
import { lockDataFolder, type DataFolderLock } from '../lock';
import { removeOrphanTemps } from '../orphanTemps';
import { ProspectStore, type FollowUpIndex } from '../prospects/store';
import { buildPreview, slideLook } from './preview';
import { MeetingService } from '../meetings';
import { readDeckChanges, writeDeckChanges } from '../prospects/deckFile';
import { loadRecipe } from '../recipes';
import { planDeck } from '../../../core/plan/planDeck';
import { SharingService } from '../share';
import { meetingEventOf } from '../../../core/meeting/tabletShare';
import { Records } from '../records';
import { recordsHandlers } from '../records/handlers';

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

function followUpIndex(store: FollowUpStore | null, now: () => number): FollowUpIndex {
  if (!store) return { get: () => undefined };
  // Rebuilt when the follow-ups change, not per list call: listing 5,000 prospects stays cheap.
  let index: Map<string, { dueAt: string; due: boolean }> | undefined;
  store.subscribe(() => {
    index = undefined;
  });
  return {
    get(prospectId) {
      if (!index) {
        index = new Map();
        const t = now();
        for (const f of store.all()) {
          if (f.status === 'done' || f.status === 'cancelled') continue;
          const dueAt = f.status === 'snoozed' && f.snoozedUntil ? f.snoozedUntil : f.dueAt;
          const current = index.get(f.prospectId);
          if (!current || Date.parse(dueAt) < Date.parse(current.dueAt))
            index.set(f.prospectId, { dueAt, due: f.status === 'due' || Date.parse(dueAt) <= t });
        }
      }
      return index.get(prospectId);
    },
  };
}

/** The clock of AppOptions: `clock`, else the system's timers around `now`, else the system clock. */
export function appClock(options: Pick<AppOptions, 'clock' | 'now'>): Clock {
  if (options.clock) return options.clock;
  const now = options.now;
  return now ? { ...systemClock, now: () => now() } : systemClock;
}

/** Takes the data folder's lock, opens the stores and starts the follow-up scheduler. */
export async function openApp(options: AppOptions): Promise<AdvisorDeckApp> {
  const clock = appClock(options);
  const now = () => clock.now();
  const lock: DataFolderLock = lockDataFolder(options.dataDir, options.holder);
  const problems: string[] = [];
  let prospects: ProspectStore;
  // Held now: the temporary files of writes a killed process never finished go (orphanTemps.ts),
  // beside the start rather than before it (a second for 5,000 prospects on a busy machine).
  const tidied = removeOrphanTemps(options.dataDir).catch((error: unknown) =>
    console.warn(`Temporary files: ${String(error)}`),
  );
  try {
    prospects = await ProspectStore.open(options.dataDir, { now });
  } catch (error) {
    lock.release();
    throw error;
  }
  for (const p of prospects.problems) problems.push(`${p.file}: ${p.message}`);
  const advisor = new AdvisorProfileStore(options.dataDir);

  // A damaged follow-up store must not keep the advisor out of the app: reminders are off and
  // the problem is reported, never silently papered over.
  let followUps: FollowUpStore | null = null;
  let scheduler: FollowUpScheduler | null = null;
  try {
    followUps = FollowUpStore.open({ cwd: options.dataDir, now });
    for (const p of followUps.problems) problems.push(`${p.file}: ${p.message}`);
    scheduler = new FollowUpScheduler({
      store: followUps,
      clock,
      notify: (firing) => {
        if (!options.platform.notify(firing)) console.warn(`Follow-up ${firing.followUp.id} is due.`);
        // Met → Follow-up due: a step in the prospect's history (the list shows it from the store).
        prospects
          .note(firing.followUp.prospectId, 'follow-up due')
          .catch((error: unknown) => console.warn(`History of ${firing.followUp.prospectId}: ${String(error)}`));
      },
    });
    scheduler.start();
  } catch (error) {
    problems.push(`Follow-ups could not start; reminders are off until this is fixed: ${(error as Error).message}`);
  }
  prospects.setFollowUps(followUpIndex(followUps, now));
  followUps?.subscribe(() => prospects.invalidate());

  const store = (): FollowUpStore => {
    if (!followUps) throw new Error('Follow-ups are not available: their store could not be opened.');
    return followUps;
  };

  /** The advisor's days off: moved follow-ups skip them (none while the profile is not set up). */
  const advisorHolidays = async (): Promise<readonly string[]> => {
    const profile = await advisor.advisor().catch(() => undefined);
    return profile?.ok ? profile.value.followUp.holidays : [];
  };

  // Books and records: what is shown and sent is written through it and appended to records/log.jsonl.
  const records = new Records({ dataDir: options.dataDir, now, appVersion: options.platform.version });
  const meetings = new MeetingService({
    prospects,
    advisor,
    followUps: () => followUps,
    templatesDir: options.templatesDir,
    now,
    records,
  });

  const sharing = new SharingService({
    host: options.shareHost,
    changed: (change) => options.events?.emit('share:changed', change),
    templatesDir: options.templatesDir,
    deck: async (id) => {
      const profile = await advisor.advisor();
      if (!profile.ok) return { problem: 'no-advisor' };
      const intake = prospects.intake(id);
      if (!intake) return { problem: 'no-intake' };
      const { changes } = await readDeckChanges(prospects.prospectDir(id));
      const recipe = await loadRecipe('first-meeting', options.templatesDir);
      return { plan: planDeck(intake, profile.value, recipe, changes), advisor: profile.value, logo: profile.logo };
    },
    record: async (id, events) => {
      await meetings.recordAll(id, events.map(meetingEventOf));
    },
    meeting: (id) => meetings.live(id),
  });

  // Returned forms waiting for `Apply changes` or `Keep as it is`, for every window of this app.
  const pendingForms = new PendingForms();
  const handlers: Handlers = {
    'app:info': () => ({ name: options.platform.name, version: options.platform.version }),
    'prospects:list': () => ({ prospects: prospects.list(), problems: prospects.problems }),
    'prospects:get': ({ id }) => prospects.get(id),
    'prospects:saveDraft': ({ id, draft, revision }) => prospects.saveDraft(id, draft, revision),
    'prospects:save': ({ id, intake, revision }) => prospects.save(id, intake, revision),
    'prospects:delete': ({ id }) => prospects.delete(id),
    'prospects:restore': ({ trashId }) => prospects.restore(trashId),
    'prospects:discardDraft': ({ id }) => prospects.discardDraft(id),
    'prospects:setStatus': async ({ id, status }) => {
      const summary = await prospects.setStatus(id, status, `stage set to ${status}`);
      if ((status === 'client' || status === 'closed') && followUps) cancelWinBacks(followUps, id);
      return summary;
    },
    'prospects:import': async ({ files }) => {
      const outcomes: ImportOutcome[] = [];
      // One at a time: each import is a few small writes, and order keeps the report readable.
      for (const file of files) {
        // A returned intake form (PDF): updates the prospect it was made for, or creates one.
        if ('bytes' in file) {
          outcomes.push(
            await importIntakeForm({ prospects, pending: pendingForms }, file.name, Buffer.from(file.bytes, 'base64')),
          );
          continue;
        }
        const result = await prospects.importIntake(file.text);
        outcomes.push(
          result.saved
            ? { name: file.name, ok: true as const, prospect: result.value }
            : { name: file.name, ok: false as const, problems: result.problems },
        );
      }
      return outcomes;
    },
    'prospects:applyForm': ({ id, apply }) => applyIntakeForm({ prospects, pending: pendingForms }, id, apply),
    'prospects:intakeForm': ({ id }) =>
      sendIntakeForm({ prospects, advisor, templatesDir: options.templatesDir, now, records }, id),
    'prospects:intakeFormFile': ({ id, name }) => intakeFormFile({ prospects }, id, name),
    'prospects:intakeFormOpen': async ({ id, name }) => {
      prospects.get(id);
      return { opened: await options.platform.openPath(join(prospects.prospectDir(id), name)) };
    },
    'prospects:preview': ({ id }) =>
      buildPreview({ id, prospects, advisor, templatesDir: options.templatesDir, records }),
    'deck:get': async ({ id }): Promise<DeckSetupOutcome> => {
      const profile = await advisor.advisor();
      if (!profile.ok) return { ready: false, reason: 'no-advisor', problems: profile.problems };
      const intake = prospects.intake(id);
      if (!intake)
        return { ready: false, reason: 'no-intake', problems: [{ path: 'intake', message: 'is not saved yet' }] };
      const { changes, problem, revision } = await readDeckChanges(prospects.prospectDir(id));
      const recipe = await loadRecipe('first-meeting', options.templatesDir);
      return {
        ready: true,
        value: {
          intake,
          advisor: profile.value,
          recipe,
          changes,
          look: slideLook(profile.value, profile.logo),
          ...(problem ? { problem } : {}),
          revision,
        },
      };
    },
    'deck:save': async ({ id, changes, revision }) => {
      prospects.get(id);
      return writeDeckChanges(prospects.prospectDir(id), changes, revision);
    },
    'meeting:get': async ({ id }) => {
      const { live, last, revision, problems } = await meetings.snapshot(id);
      return { live, proposedFollowUp: await meetings.proposedFollowUp(id), last, revision, problems };
    },
    'meeting:start': ({ id }) => meetings.start(id),
    'present:start': async ({ id }) => {
      const deck = await handlers['deck:get']({ id });
      if (!deck.ready) return deck;
      const { intake, advisor: profile, recipe, changes, look } = deck.value;
      // Planned here, once: the window (a tablet's CPU) only draws it.
      const meeting = await meetings.start(id);
      const problems = meetings.problems(id);
      return {
        ready: true,
        plan: planDeck(intake, profile, recipe, changes),
        look,
        meeting,
        ...(problems.length ? { problems } : {}),
      };
    },
    'meeting:record': async ({ id, event }) => {
      if (sharing.sharing(id) && event.kind === 'slide') {
        // While the tablet presents, the slide on the tablet is the meeting's (the laptop mirrors it).
        if (sharing.status(id).mode === 'presents') return (await meetings.live(id)) ?? meetings.record(id, event);
        sharing.laptopSlide(id, event.slideId);
      }
      return meetings.record(id, event);
    },
    'meeting:end': async ({ id }) => {
      await sharing.stop(id);
      return meetings.end(id);
    },
    'share:start': async ({ id, mode }) => {
      prospects.get(id);
      const outcome = await sharing.start(id, mode);
      if (!outcome.started) return outcome;
      const onScreen = (await meetings.start(id)).visits.at(-1)?.slideId;
      if (onScreen) sharing.meetingSlide(id, onScreen);
      return { started: true, status: sharing.status(id) };
    },
    'share:stop': async ({ id }) => {
      await sharing.stop(id);
      return sharing.status(id);
    },
    'share:status': ({ id }) => sharing.status(id),
    'share:mode': async ({ id, mode }) => {
      // Following from now: the tablet starts on the slide this screen shows.
      const onScreen = mode === 'follows' ? (await meetings.live(id))?.visits.at(-1)?.slideId : undefined;
      const status = sharing.setMode(id, mode);
      if (onScreen) sharing.laptopSlide(id, onScreen);
      return onScreen ? sharing.status(id) : status;
    },
    'share:answer': ({ id, device, allow }) => sharing.answer(id, device, allow),
    'meeting:wrapUp': ({ id, ...input }) => meetings.wrapUp(id, input),
    'meeting:file': ({ id, meeting, name }) => meetings.file(id, meeting, name),
    'meeting:open': async ({ id, meeting, name }) => ({
      opened: await options.platform.openPath(meetings.path(id, meeting, name)),
    }),
    'advisor:get': () => advisor.read(),
    'advisor:save': ({ advisor: input }) => advisor.save(input),
    'advisor:logo': ({ base64 }) => advisor.saveLogo(base64),
    'followups:list': (input) => pageFollowUps(store().list(), input ?? {}),
    'followups:count': () => {
      const { overdue, today } = store().counts();
      return { overdue, today };
    },
    'followups:snooze': async ({ id, until }) => {
      // "Tomorrow" is the next business day: the advisor's holidays are not business days.
      if (until.kind !== 'tomorrow') return store().snooze(id, until);
      const holidays = await advisorHolidays();
      return store().snooze(id, { kind: 'tomorrow', holidays });
    },
    'followups:reschedule': ({ id, dueAt }) => store().reschedule(id, dueAt),
    'followups:complete': async ({ id }) => {
      const done = store().complete(id);
      scheduleWinBack(store(), done, { now: now(), holidays: await advisorHolidays() });
      return done;
    },
    'followups:cancel': ({ id }) => store().cancel(id),
    'followups:email': async ({ id }) => {
      const f = store().get(id);
      if (!f) throw new Error('This follow-up no longer exists.');
      // Only a mailto: link the app built itself is ever opened; nothing the renderer sends.
      const mailto = mailtoLink(f.prospectEmail, f.subject, f.body);
      const opened = await options.platform.openExternal(mailto);
      // The list carries no email's words: a host that cannot open the mail app gives the link.
      return opened ? { opened } : { opened, mailto };
    },
    ...recordsHandlers(options.dataDir, now),
    'settings:get': () => store().settings(),
    'settings:set': (change) => {
      const settings = store().setSettings(change);
      options.platform.applySettings(settings, change);
      return settings;
    },
  };

  let closed = false;
  return {
    handlers,
    prospects,
    followUps,
    problems,
    onResume: () => scheduler?.onResume(),
    async close() {
      if (closed) return;
      closed = true;
      await sharing.stop();
      scheduler?.stop();
      await prospects.flush();
      followUps?.close();
      await tidied;
      lock.release();
    },
  };
}
