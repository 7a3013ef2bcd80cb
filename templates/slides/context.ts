import type { DeckPlan, Slide } from '../../core/plan/planDeck';

/** What the advisor's card shows; the website is a link only when it is https (href set). */
export interface AdvisorCard {
  name: string;
  title?: string;
  firm: string;
  credentials: string[];
  email: string;
  phone?: string;
  website?: { text: string; href?: string };
  /** A data: URL of the firm's logo, embedded so the deck needs no file and no network. */
  logo?: string;
}

export interface DeckContext {
  plan: DeckPlan;
  advisor: AdvisorCard;
}

export interface SlideProps {
  slide: Slide;
  context: DeckContext;
}
