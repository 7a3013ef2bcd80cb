// Slides that carry what every first meeting must have: never hidden by the advisor, never
// skipped when a meeting runs long. Apart from deckChanges.ts (and its schema) so present mode's
// re-planning loads without the validator.

/** Slides that carry what every first meeting must have: never hidden. */
export const LOCKED_SLIDES: readonly string[] = ['title', 'what-we-heard', 'next-steps', 'closing'];
