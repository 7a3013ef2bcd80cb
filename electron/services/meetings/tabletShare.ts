// The tablet share of a meeting (`Present on tablet`, share/): the deck it serves is the prospect's
// deck as planned now, and what happens on the tablet goes into this meeting's record.
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
      await meetings.recordAll(
        id,
        events.map((e) =>
          e.kind === 'slide'
            ? { kind: 'slide' as const, slideId: e.slideId, at: e.at }
            : { kind: 'question' as const, text: e.text, ...(e.slideId ? { slideId: e.slideId } : {}), at: e.at },
        ),
      );
    },
  });
}
