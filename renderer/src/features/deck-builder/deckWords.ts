// What the builder says about a change: the minutes that moved, and why a slide was refused.
import type { DeckPlan } from '../../../../core/plan/planDeck';
import type { Translate } from '../../i18n';
import { minutesMoved, type Refusal } from './deckEdits';

/** "“Why us” hidden: +0.5 min to “Retirement”, +0.5 min to “Your questions”." */
export function minutesSaid(before: DeckPlan, after: DeckPlan, change: string, language: string, t: Translate): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const moves = minutesMoved(before.deck.slides, after.deck.slides).map((m) =>
    t(m.delta > 0 ? 'deckMinutesTo' : 'deckMinutesFrom', { n: number.format(Math.abs(m.delta)), title: m.title }),
  );
  if (moves.length > 0)
    return t('deckMinutesWent', { change, moves: new Intl.ListFormat(language, { type: 'unit' }).format(moves) });
  const free = before.deck.plannedMinutes - after.deck.plannedMinutes;
  return free > 0 ? t('deckMinutesFree', { change, n: number.format(free) }) : change;
}

export function refusalMessage(refusal: Refusal, max: number, language: string, t: Translate): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const values = {
    title: refusal.title,
    minutes: t('minutes', { n: number.format(refusal.minutes) }),
    max: number.format(max),
  };
  if (refusal.hide.length === 0) return t('deckRefusedAny', values);
  const quoted = refusal.hide.map((title) => t('deckQuoted', { title }));
  return t('deckRefused', { ...values, slides: new Intl.ListFormat(language, { type: 'disjunction' }).format(quoted) });
}
