// The plan of one prospect's deck, as data: what planDeck (planDeck.ts) returns and every layer
// reads (the slides, the builder, present mode, the summary, the exported deck).
import type { FollowUpSlot } from '../followUp/slotRule';
import type { Goal } from '../intake/intake';
import type { CollegeProjection } from '../charts/college';
import type { ModelAllocation } from '../charts/allocation';
import type { RetirementProjection } from '../charts/projection';
import type { Copy, Recipe, SlideKind } from './recipe';

/** A recipe with its copy in every language it ships (keys: language tags such as en, fr). */
export interface DeckRecipe {
  recipe: Recipe;
  copy: Readonly<Record<string, Copy>>;
}

export type AspectRatio = '4:3' | '16:9';

/** The numbers behind a goal's chart: a hypothetical projection or a model allocation. */
export type SlideChart =
  | { kind: 'retirement'; projection: RetirementProjection }
  | { kind: 'college'; projection: CollegeProjection }
  | { kind: 'allocation'; allocation: ModelAllocation };

export interface Slide {
  /** Unique in the deck and stable across runs: title, goal-retirement, … */
  id: string;
  layout: SlideKind;
  title: string;
  subtitle?: string;
  minutes: number;
  /** The goals this slide covers. */
  goals: Goal[];
  /** At most six short lines, already shortened to fit a slide. */
  points: string[];
  /** The last point says how many more were left out ("+45 more questions"): shown quieter. */
  more?: true;
  /** Short labels shown as chips (the goals in the prospect's order on "what we heard"). */
  chips?: string[];
  /** The prospect's own words, shortened to fit. */
  quote?: string;
  /** One line the summary lists under "what we covered". */
  takeaway: string;
  /** For the advisor only: the full texts and what to say. */
  notes: string;
  /** Disclosures and assumptions, printed small. */
  fineprint?: string;
  /** A chart drawn as SVG from these numbers; projections carry their assumptions. */
  chart?: SlideChart;
}

export interface DeckPlan {
  version: 1;
  locale: string;
  /** The language of the copy used, after fallback (fr-CA → fr → en). */
  language: string;
  recipe: string;
  /** ISO 4217: the prospect's money, for charts and the summary. */
  currency: string;
  prospect: { fullName: string; firstName: string; lastName: string };
  advisor: { name: string; firm: string };
  deck: {
    title: string;
    aspectRatio: AspectRatio;
    budgetMinutes: number;
    qaMinutes: number;
    plannedMinutes: number;
    slides: Slide[];
  };
  followUp: FollowUpSlot;
}
