// planDeck: the tailored first-meeting deck for one prospect, from their intake, the advisor's
// profile, the recipe and the advisor's changes. Types in deckPlan.ts; which slides fit in
// selectSlides.ts; what fits on a slide in slideText.ts; live re-planning in replan.ts.
import type { Advisor } from '../advisor/advisor';
import type { Goal, Intake } from '../intake/intake';
import type { Copy, SlideKind } from './recipe';
import { followUpSlot } from '../followUp/slotRule';
import { clip, fill, formatDayAndTime, formatList, formatLongDate, formatMoney, formatNumber } from '../locale/format';
import { householdFirstNames, householdName, pickLanguage } from '../locale/locale';
import { retirementProjectionFor } from '../charts/projection';
import { collegeCostProjection } from '../charts/college';
import { modelAllocation } from '../charts/allocation';
import { LOCKED_SLIDES, NO_CHANGES, type DeckChanges } from './deckChanges';
import type { AspectRatio, DeckPlan, DeckRecipe, Slide, SlideChart } from './deckPlan';
import { selectSlides, spreadExtraTime, type Selection } from './selectSlides';
import {
  DISCLOSURE_CHARS,
  HEARD_QUOTE_CHARS,
  POINT_CHARS,
  QUOTE_CHARS,
  SUBTITLE_CHARS,
  capped,
  cappedChips,
  lines,
  packLabels,
  pointsShown,
} from './slideText';

// The plan's types live in deckPlan.ts; everyone has imported them from here.
export type { AspectRatio, DeckPlan, DeckRecipe, Slide, SlideChart };
// How many points a layout draws: in slideText.ts (the slides import it without the planner).
export { pointsShown };

/** A quarter of the meeting (the recipe's share), rounded to the half minute, half up. */
export function qaMinutes(budget: number, share: number): number {
  return Math.round(budget * share * 2) / 2;
}

/**
 * The tailored first-meeting deck for one prospect. Pure and deterministic: the same intake,
 * advisor and recipe give a byte-identical plan (no clock, no randomness, no I/O).
 */
export function planDeck(
  intake: Intake,
  advisor: Advisor,
  deckRecipe: DeckRecipe,
  changes: DeckChanges = NO_CHANGES,
): DeckPlan {
  return planWithOptions(intake, advisor, deckRecipe, changes).plan;
}

/** A slide the advisor can show again or add, with its time. */
export interface SlideOption {
  id: string;
  title: string;
  minutes: number;
}

/** What the deck builder offers: the hidden slides, and what the recipe holds that is not in the deck. */
export function deckOptions(
  intake: Intake,
  advisor: Advisor,
  deckRecipe: DeckRecipe,
  changes: DeckChanges = NO_CHANGES,
): { hidden: SlideOption[]; addable: SlideOption[]; availableMinutes: number } {
  return planWithOptions(intake, advisor, deckRecipe, changes).options();
}

function planWithOptions(intake: Intake, advisor: Advisor, deckRecipe: DeckRecipe, changes: DeckChanges) {
  const { recipe } = deckRecipe;
  const locale = intake.locale;
  const language = pickLanguage(locale, Object.keys(deckRecipe.copy));
  const copy = deckRecipe.copy[language] as Copy;
  const p = intake.prospect;
  // A couple is one household: the deck is for both of them ("David & Priya Chen").
  const name = householdName(locale, p);
  const goals = intake.goals;
  const concerns = intake.concerns ?? [];
  const questions = intake.questions ?? [];
  const meetingDate = intake.meeting.startsAt.slice(0, 10);

  const followUp = followUpSlot({
    meetingDate,
    timeZone: intake.meeting.timeZone,
    preferredTime: advisor.followUp.preferredTime,
    holidays: advisor.followUp.holidays,
  });
  const followUpWhen = formatDayAndTime(locale, followUp.dueAt, followUp.timeZone);
  const currency = intake.finances.currency;
  const money = (n: number | undefined) => (n === undefined ? undefined : formatMoney(locale, currency, n));
  const phrase = (key: string, values: Record<string, string> = {}) => fill(copy.phrases[key] ?? key, values) ?? key;

  const aspectRatio: AspectRatio = intake.meeting.format === 'in-person' ? '4:3' : '16:9';
  const budget = intake.meeting.minutes;
  const qa = qaMinutes(budget, recipe.qaShare);
  const present = (kind: SlideKind): boolean => {
    if (kind === 'urgent-need') return intake.urgentNeed !== undefined;
    if (kind === 'your-questions') return questions.length > 0;
    return true;
  };
  const available = budget - qa;
  const { selection: planned, remaining: plannedRemaining } = selectSlides(recipe, available, goals.length, present);

  const values: Record<string, string | undefined> = {
    firstName: householdFirstNames(locale, p),
    lastName: p.lastName,
    fullName: name,
    partnerName: p.partner?.firstName,
    advisorName: advisor.name,
    advisorTitle: advisor.title,
    firm: advisor.firm,
    credentials: advisor.credentials?.length ? formatList(locale, advisor.credentials) : undefined,
    meetingDate: formatLongDate(locale, meetingDate),
    followUpDay: followUpWhen.day,
    followUpTime: followUpWhen.time,
    assets: money(intake.finances.investableAssets),
    income: money(intake.finances.annualIncome),
    monthlySavings: money(intake.finances.monthlySavings),
    years: intake.timeHorizonYears === undefined ? undefined : formatNumber(locale, intake.timeHorizonYears),
    risk: intake.riskTolerance ? copy.risk[intake.riskTolerance] : undefined,
    dependents: p.dependents?.length
      ? formatList(
          locale,
          p.dependents.map((d) => d.firstName),
        )
      : undefined,
    city: p.city,
    occupation: p.occupation,
    minutes: formatNumber(locale, budget),
    qaMinutes: formatNumber(locale, qa),
  };

  const goalLabels = goals.map((g) => copy.goals[g].label);
  const slides: Slide[] = [];
  const add = (kind: SlideKind, id: string, build: Partial<Slide> & { goals?: Goal[] }) => {
    const c = copy.slides[kind];
    const points = build.points
      ? { points: build.points, ...(build.more ? { more: build.more } : {}) }
      : capped(lines(c?.points ?? [], values), (n) => phrase('more', { count: String(n) }));
    const subtitle = build.subtitle ?? (c?.subtitle ? fill(c.subtitle, values) : undefined);
    slides.push({
      id,
      layout: kind,
      title: clip(build.title ?? fill(c?.title ?? '', values) ?? c?.title ?? '', 80),
      ...(subtitle ? { subtitle: clip(subtitle, SUBTITLE_CHARS) } : {}),
      minutes: recipe.minutes[kind],
      goals: build.goals ?? [],
      ...points,
      ...(build.chips ? { chips: build.chips } : {}),
      ...(build.quote ? { quote: build.quote } : {}),
      takeaway: build.takeaway ?? fill(c?.takeaway ?? '', values) ?? '',
      notes: build.notes ?? fill(c?.notes ?? '', values) ?? '',
      ...(build.fineprint ? { fineprint: build.fineprint } : {}),
      ...(build.chart ? { chart: build.chart } : {}),
    });
  };

  /** The chart that helps a goal's conversation, when the prospect gave the numbers for it. */
  const chartFor = (goal: Goal): SlideChart | undefined => {
    if (goal === 'retirement') {
      const projection = retirementProjectionFor(intake);
      return projection && { kind: 'retirement', projection };
    }
    if (goal === 'education') {
      const projection = collegeCostProjection(p.dependents ?? []);
      return projection.dependents.length > 0 ? { kind: 'college', projection } : undefined;
    }
    if (goal === 'portfolio' && intake.riskTolerance)
      return { kind: 'allocation', allocation: modelAllocation(intake.riskTolerance) };
    return undefined;
  };

  const build = (selection: Selection): Slide[] => {
    slides.length = 0;
    const dedicated = (goal: Goal, i: number) =>
      i < selection.dedicatedGoals || (selection.extraGoals?.has(goal) ?? false);
    for (const kind of recipe.order) {
      if (kind === 'goal') {
        goals.filter(dedicated).forEach((goal) => {
          const g = copy.goals[goal];
          const chart = chartFor(goal);
          // Beside a chart only the first lines fit: the copy's talking points, in its order.
          const goalPoints = lines(g.points, values);
          add('goal', `goal-${goal}`, {
            ...(chart ? { chart } : {}),
            title: fill(g.title, values) ?? g.label,
            goals: [goal],
            ...(chart
              ? {
                  points: goalPoints
                    .slice(0, pointsShown({ layout: 'goal', chart }, aspectRatio))
                    .map((l) => clip(l, POINT_CHARS)),
                }
              : capped(goalPoints, (n) => phrase('more', { count: String(n) }))),
            takeaway: fill(g.takeaway, values) ?? g.label,
            notes: fill(g.notes, values) ?? '',
          });
        });
        const rest = goals.filter((g, i) => !dedicated(g, i));
        if (rest.length > 0) {
          add('also-on-your-list', 'also-on-your-list', {
            goals: rest,
            points: packLabels(rest.map((g) => copy.goals[g].label)),
            notes: [
              fill(copy.slides['also-on-your-list']?.notes ?? '', values) ?? '',
              ...rest.map((g) => `${copy.goals[g].label}: ${copy.goals[g].takeaway}`),
            ].join('\n'),
          });
        }
        continue;
      }
      if (!selection.kinds.has(kind)) continue;
      switch (kind) {
        case 'title':
          add(kind, 'title', { title: name, subtitle: fill(copy.slides.title?.subtitle ?? '', values) ?? '' });
          break;
        case 'what-we-heard':
          add(kind, 'what-we-heard', {
            chips: goalLabels,
            ...(intake.urgentNeed ? { quote: clip(intake.urgentNeed, HEARD_QUOTE_CHARS) } : {}),
            ...capped(concerns, (n) => phrase('moreConcerns', { count: String(n) }), intake.urgentNeed ? 3 : 4),
            notes: [
              fill(copy.slides['what-we-heard']?.notes ?? '', values) ?? '',
              ...(intake.urgentNeed ? [`${phrase('urgent')}: ${intake.urgentNeed}`] : []),
              ...concerns.map((c) => `• ${c}`),
              // The intake's private notes stay out of the deck: a deck file may be shared.
            ].join('\n'),
          });
          break;
        case 'urgent-need':
          add(kind, 'urgent-need', {
            quote: clip(intake.urgentNeed ?? '', QUOTE_CHARS),
            notes: [fill(copy.slides['urgent-need']?.notes ?? '', values) ?? '', intake.urgentNeed ?? ''].join('\n'),
          });
          break;
        case 'your-questions':
          add(kind, 'your-questions', {
            ...capped(questions, (n) => phrase('moreQuestions', { count: String(n) })),
            notes: [
              fill(copy.slides['your-questions']?.notes ?? '', values) ?? '',
              ...questions.map((q) => `• ${q}`),
            ].join('\n'),
          });
          break;
        case 'why-us':
          add(kind, 'why-us', {
            chips: cappedChips(advisor.credentials ?? [], (n) => phrase('more', { count: String(n) })),
          });
          break;
        case 'closing':
          add(kind, 'closing', {
            fineprint:
              [...advisor.disclosure].length > DISCLOSURE_CHARS
                ? `${clip(advisor.disclosure, DISCLOSURE_CHARS)} ${phrase('disclosureContinued')}`
                : advisor.disclosure,
          });
          break;
        default:
          add(kind, kind, {});
      }
    }
    return [...slides];
  };

  const minutesOf = (list: readonly Slide[]) => list.reduce((sum, s) => sum + s.minutes, 0);
  const unchanged =
    changes.order.length === 0 &&
    changes.hidden.length === 0 &&
    changes.added.length === 0 &&
    Object.keys(changes.edits).length === 0;
  const base = build(planned);
  const baseIds = new Set(base.map((s) => s.id));
  const hidden = new Set(changes.hidden.filter((id) => !LOCKED_SLIDES.includes(id)));
  // Everything the recipe could show this prospect: what "Add slide" offers beyond the plan.
  // Built only when the advisor changed something or the builder asks for its options.
  let everythingCache: Slide[] | undefined;
  const everything = () =>
    (everythingCache ??= build({
      kinds: new Set(recipe.order.filter((k) => k !== 'goal' && k !== 'also-on-your-list' && present(k))),
      dedicatedGoals: goals.length,
    }));
  const candidates = new Map(
    unchanged
      ? []
      : everything()
          .filter((s) => !baseIds.has(s.id))
          .map((s) => [s.id, s]),
  );
  // Added slides, dropped from the last one added while the deck would not fit its time.
  let added = changes.added.filter((id, i, all) => candidates.has(id) && all.indexOf(id) === i);
  let chosen: Slide[];
  for (;;) {
    const kinds = new Set(planned.kinds);
    const extraGoals = new Set<Goal>();
    for (const id of added) {
      const slide = candidates.get(id);
      if (!slide) continue;
      if (slide.layout === 'goal' && slide.goals[0]) extraGoals.add(slide.goals[0]);
      else kinds.add(slide.layout);
    }
    chosen = unchanged
      ? base
      : build({ kinds, dedicatedGoals: planned.dedicatedGoals, extraGoals }).filter((s) => !hidden.has(s.id));
    if (minutesOf(chosen) <= available || added.length === 0) break;
    added = added.slice(0, -1);
  }
  if (!unchanged) {
    const rank = new Map(changes.order.map((id, i) => [id, i]));
    const planOrder = new Map(chosen.map((s, i) => [s.id, i]));
    chosen.sort(
      (a, b) =>
        (rank.get(a.id) ?? changes.order.length + (planOrder.get(a.id) ?? 0)) -
        (rank.get(b.id) ?? changes.order.length + (planOrder.get(b.id) ?? 0)),
    );
    for (const slide of chosen) applyEdit(slide, changes.edits[slide.id], aspectRatio);
  }
  const remaining = unchanged ? plannedRemaining : available - minutesOf(chosen);
  spreadExtraTime(chosen, recipe, remaining);
  const plannedMinutes = minutesOf(chosen);
  const chosenIds = new Set(chosen.map((s) => s.id));
  const option = (s: Slide): SlideOption => ({ id: s.id, title: s.title, minutes: recipe.minutes[s.layout] });
  const options = () => {
    const all = new Map([...everything(), ...base].map((s) => [s.id, s]));
    return {
      hidden: [...all.values()].filter((s) => hidden.has(s.id) && !chosenIds.has(s.id)).map(option),
      addable: [...all.values()].filter((s) => !baseIds.has(s.id) && !chosenIds.has(s.id)).map(option),
      availableMinutes: available,
    };
  };

  const plan: DeckPlan = {
    version: 1,
    locale,
    language,
    recipe: recipe.id,
    currency,
    prospect: { fullName: name, firstName: p.firstName, lastName: p.lastName },
    advisor: { name: advisor.name, firm: advisor.firm },
    deck: {
      title: fill(copy.deckTitle, values) ?? name,
      aspectRatio,
      budgetMinutes: budget,
      qaMinutes: qa,
      plannedMinutes,
      slides: chosen,
    },
    followUp,
  };
  return { plan, options };
}

/** The advisor's words over the plan's; fine print and charts stay as planned. */
function applyEdit(slide: Slide, edit: DeckChanges['edits'][string] | undefined, aspectRatio: AspectRatio): void {
  if (!edit) return;
  if (edit.title !== undefined && edit.title !== '') slide.title = clip(edit.title, 80);
  if (edit.points !== undefined) {
    slide.points = edit.points
      .filter((p) => p !== '')
      .slice(0, pointsShown(slide, aspectRatio))
      .map((p) => clip(p, POINT_CHARS));
    delete slide.more;
  }
  if (edit.notes !== undefined) slide.notes = edit.notes;
}
