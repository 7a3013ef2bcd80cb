// The meeting's channels (core/api.ts), from present mode to wrap-up, and their coordination
// with the tablet share: while the tablet presents, its slide is the meeting's; ending the
// meeting ends the share; a share started or followed starts on the slide the laptop shows.
import type { DeckSetupOutcome, Handlers } from '../../../core/api';
import { planDeck } from '../../../core/plan/planDeck';
import type { ProspectStore } from '../prospects/store';
import type { SharingService } from '../share';
import type { MeetingService } from './index';

type MeetingChannels =
  | 'meeting:get'
  | 'meeting:start'
  | 'present:start'
  | 'meeting:record'
  | 'meeting:end'
  | 'share:start'
  | 'share:stop'
  | 'share:status'
  | 'share:mode'
  | 'share:answer'
  | 'meeting:wrapUp'
  | 'meeting:file'
  | 'meeting:open';

export function meetingHandlers(deps: {
  meetings: MeetingService;
  sharing: SharingService;
  prospects: ProspectStore;
  /** What the deck screens load (deck:get): present mode plans from it. */
  deckSetup: (id: string) => Promise<DeckSetupOutcome>;
  /** The host opens a file with the system's app, or shows a folder; false when it cannot. */
  openPath: (path: string) => Promise<boolean>;
}): Pick<Handlers, MeetingChannels> {
  const { meetings, sharing, prospects } = deps;
  return {
    'meeting:get': async ({ id }) => {
      const { live, last, revision, problems } = await meetings.snapshot(id);
      return { live, proposedFollowUp: await meetings.proposedFollowUp(id), last, revision, problems };
    },
    'meeting:start': ({ id }) => meetings.start(id),
    'present:start': async ({ id }) => {
      const deck = await deps.deckSetup(id);
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
      opened: await deps.openPath(meetings.path(id, meeting, name)),
    }),
  };
}
