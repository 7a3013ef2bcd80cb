// What each of the builder's actions does to the advisor's changes (deck.json), and whether a
// slide shown again or added still fits the meeting. Pure: planDeck decides what the deck is;
// these only say what the advisor asked for, so the app and the CLI plan the same deck.
import type { DeckSetup } from '../../../../core/api';
import { LOCKED_SLIDES, type DeckChanges, type SlideEdit } from '../../../../core/plan/deckChanges';
import { planDeck, type DeckPlan, type Slide } from '../../../../core/plan/planDeck';

export function planOf(setup: DeckSetup, changes: DeckChanges): DeckPlan {
  return planDeck(setup.intake, setup.advisor, setup.recipe, changes);
}

export function isLocked(id: string): boolean {
  return LOCKED_SLIDES.includes(id);
}

/**
 * The slide ids in the advisor's order, hidden ones kept at their places: once the advisor has
 * moved or hidden anything, `order` lists every slide, so a slide shown again comes back where
 * it was rather than after the closing.
 */
function fullOrder(changes: DeckChanges, visible: readonly string[]): string[] {
  if (changes.order.length === 0) return [...visible];
  return [...changes.order, ...visible.filter((id) => !changes.order.includes(id))];
}

/** Moves one of the shown slides; hidden slides keep their places in the order. */
export function moveSlide(changes: DeckChanges, visible: readonly string[], from: number, to: number): DeckChanges {
  if (from === to || from < 0 || to < 0 || from >= visible.length || to >= visible.length) return changes;
  const moved = [...visible];
  const [id] = moved.splice(from, 1);
  if (id === undefined) return changes;
  moved.splice(to, 0, id);
  const shown = new Set(visible);
  let next = 0;
  const order = fullOrder(changes, visible).map((slot) => (shown.has(slot) ? (moved[next++] ?? slot) : slot));
  return { ...changes, order };
}

/** A slide the advisor added goes back to "Add slide"; a planned one is hidden, keeping its place. */
export function hideSlide(changes: DeckChanges, visible: readonly string[], id: string): DeckChanges {
  if (isLocked(id)) return changes;
  if (changes.added.includes(id)) return { ...changes, added: changes.added.filter((a) => a !== id) };
  if (changes.hidden.includes(id)) return changes;
  return { ...changes, order: fullOrder(changes, visible), hidden: [...changes.hidden, id] };
}

/**
 * Puts `id` into the advisor's order after the nearest slide before it in the plan's own order,
 * so an added slide lands where the recipe puts it (fees before questions), not at the end.
 */
function placed(setup: DeckSetup, changes: DeckChanges, id: string): DeckChanges {
  if (changes.order.length === 0 || changes.order.includes(id)) return changes;
  const natural = planOf(setup, { ...changes, order: [] }).deck.slides.map((s) => s.id);
  const at = natural.indexOf(id);
  let after = -1;
  for (let i = at - 1; i >= 0 && after < 0; i--) after = changes.order.indexOf(natural[i] ?? '');
  const order = [...changes.order];
  order.splice(after + 1, 0, id);
  return { ...changes, order };
}

export function showSlide(setup: DeckSetup, changes: DeckChanges, id: string): DeckChanges {
  return placed(setup, { ...changes, hidden: changes.hidden.filter((h) => h !== id) }, id);
}

export function addSlide(setup: DeckSetup, changes: DeckChanges, id: string): DeckChanges {
  if (changes.added.includes(id)) return changes;
  return placed(setup, { ...changes, added: [...changes.added, id] }, id);
}

export function editSlide(changes: DeckChanges, id: string, edit: SlideEdit): DeckChanges {
  return { ...changes, edits: { ...changes.edits, [id]: edit } };
}

export function resetWords(changes: DeckChanges, id: string): DeckChanges {
  return { ...changes, edits: Object.fromEntries(Object.entries(changes.edits).filter(([key]) => key !== id)) };
}

/** Why a slide was not shown or added: it would take the deck over its time. */
export interface Refusal {
  title: string;
  minutes: number;
  /** Titles of slides that, hidden, would make room (a few, shortest first). */
  hide: string[];
}

/**
 * The deck with `candidate` keeps every slide it had and gains `id`. planDeck never goes over
 * the meeting's time: it drops the last added slide instead, so a slide missing from its answer
 * is one that does not fit. "Also on your list" may go: a goal given its own slide leaves it.
 */
function keepsAll(
  setup: DeckSetup,
  current: readonly Slide[],
  candidate: DeckChanges,
  id: string,
  except?: string,
): boolean {
  const ids = new Set(planOf(setup, candidate).deck.slides.map((s) => s.id));
  return ids.has(id) && current.every((s) => s.id === except || s.id === 'also-on-your-list' || ids.has(s.id));
}

/** The candidate changes when the slide fits; otherwise what to hide to make room for it. */
export function tryToInclude(
  setup: DeckSetup,
  plan: DeckPlan,
  candidate: DeckChanges,
  option: { id: string; title: string; minutes: number },
): { ok: true } | { ok: false; refusal: Refusal } {
  const current = plan.deck.slides;
  if (keepsAll(setup, current, candidate, option.id)) return { ok: true };
  const minutes = setup.recipe.recipe.minutes;
  const hide = current
    .filter((s) => !isLocked(s.id) && s.id !== option.id && s.id !== 'also-on-your-list')
    .filter((s) =>
      keepsAll(
        setup,
        current,
        hideSlide(
          candidate,
          current.map((c) => c.id),
          s.id,
        ),
        option.id,
        s.id,
      ),
    )
    .sort((a, b) => minutes[a.layout] - minutes[b.layout])
    .slice(0, 3)
    .map((s) => s.title);
  return { ok: false, refusal: { title: option.title, minutes: option.minutes, hide } };
}

/** One slide whose planned minutes a change moved: the freed (or taken) time, said per slide. */
export interface MinutesMove {
  title: string;
  delta: number;
}

/**
 * Where the minutes went when the deck changed: planDeck spreads freed time over the slides
 * the recipe lets grow, so hiding a slide can leave the meter where it was; the advisor is told
 * which slides grew (or shrank) instead of seeing slides change silently.
 */
export function minutesMoved(before: readonly Slide[], after: readonly Slide[]): MinutesMove[] {
  const was = new Map(before.map((s) => [s.id, s.minutes]));
  return after.flatMap((s) => {
    const old = was.get(s.id);
    return old === undefined || old === s.minutes ? [] : [{ title: s.title, delta: s.minutes - old }];
  });
}
