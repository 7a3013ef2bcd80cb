// How much of the follow-up lists is asked for at a time.
import type { FollowUpSection } from '../../../../core/followUp/record';

/** How many of each section to ask for. */
export type Limits = Record<FollowUpSection, number>;

// A long list shows its soonest PAGE first (and the follow-up asked for, wherever it is), and
// only those cross from the app layer: thousands of rows (and their emails) at once would keep
// the screen from showing at all. `Show more` asks for the next PAGE.
export const PAGE = 50;
