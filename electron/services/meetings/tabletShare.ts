// The tablet share of a meeting (`Present on tablet`, share/): the deck it serves is the prospect's
// deck as planned now, and what happens on the tablet goes into this meeting's record.
import type { ShareChange } from '../../../core/api';
import { meetingEventOf } from '../../../core/meeting/tabletShare';
import { planDeck } from '../../../core/plan/planDeck';
import type { AdvisorProfileStore } from '../advisorProfile';
import { readDeckChanges } from '../prospects/deckFile';
import type { ProspectStore } from '../prospects/store';
import { loadRecipe } from '../recipes';
import { SharingService } from '../share';
import type { MeetingService } from './index';

export function shareMeetings(deps: {
  host: string | undefined;
  templatesDir: string;
  prospects: ProspectStore;
  advisor: AdvisorProfileStore;
  meetings: MeetingService;
  /** The share changed: raised as the contract's `share:changed` event. */
  changed?: (change: ShareChange) => void;
}): SharingService {
  const { prospects, advisor, meetings, templatesDir } = deps;
  return new SharingService({
    host: deps.host,
    templatesDir,
    deck: async (id) => {
      const profile = await advisor.advisor();
      if (!profile.ok) return { problem: 'no-advisor' };
      const intake = prospects.intake(id);
      if (!intake) return { problem: 'no-intake' };
      const { changes } = await readDeckChanges(prospects.prospectDir(id));
      const recipe = await loadRecipe('first-meeting', templatesDir);
      return { plan: planDeck(intake, profile.value, recipe, changes), advisor: profile.value, logo: profile.logo };
    },
    record: async (id, events) => {
      await meetings.recordAll(id, events.map(meetingEventOf));
    },
    meeting: (id) => meetings.live(id),
    changed: deps.changed,
  });
}
