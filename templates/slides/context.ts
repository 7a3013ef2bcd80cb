import type { DeckPlan, Slide } from '../../core/plan/planDeck';

import type { AdvisorCard } from '../../core/advisor/card';

export type { AdvisorCard };

export interface DeckContext {
  plan: DeckPlan;
  advisor: AdvisorCard;
}

export interface SlideProps {
  slide: Slide;
  context: DeckContext;
}
