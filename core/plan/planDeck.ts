import type { Advisor } from '../advisor/advisor';
import type { Goal, Intake } from '../intake/intake';
import type { Copy, Recipe, SlideKind } from './recipe';
import { followUpSlot, type FollowUpSlot } from '../followUp/slotRule';
import { clip, fill, formatDayAndTime, formatList, formatLongDate, formatMoney, formatNumber } from '../locale/format';
import { householdFirstNames, householdName, pickLanguage } from '../locale/locale';
import { retirementProjectionFor, type RetirementProjection } from '../charts/projection';
import { collegeCostProjection, type CollegeProjection } from '../charts/college';
import { modelAllocation, type ModelAllocation } from '../charts/allocation';
import { LOCKED_SLIDES, NO_CHANGES, type DeckChanges } from './deckChanges';

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

const MAX_POINTS = 6;
const POINT_CHARS = 110;
const QUOTE_CHARS = 180;
const SUBTITLE_CHARS = 140;
const CHIP_CHARS = 40;
// What of the disclosure fits the closing slide in fine print; the summary carries all of it.
const DISCLOSURE_CHARS = 600;
// "What we heard" shows the urgent need beside everything else; its own slide shows more of it.
const HEARD_QUOTE_CHARS = 120;

/**
 * How many points a slide's layout draws: the editor offers exactly these, the plan and the
 * advisor's words are cut to them, and the layouts draw them (one source of truth). A chart
 * leaves room for three short lines beside it (16:9) or two above it (4:3); the closing slide
 * draws none (contact and disclosure only).
 */
export function pointsShown(slide: Pick<Slide, 'layout' | 'chart'>, aspectRatio: AspectRatio): number {
  if (slide.layout === 'closing') return 0;
  if (slide.layout === 'goal' && slide.chart) return aspectRatio === '16:9' ? 3 : 2;
  return MAX_POINTS;
}

/** A quarter of the meeting (the recipe's share), rounded to the half minute, half up. */
export function qaMinutes(budget: number, share: number): number {
  return Math.round(budget * share * 2) / 2;
}

interface Selection {
  kinds: Set<SlideKind>;
  /** How many of the goals (in the prospect's order) get their own slide. */
  dedicatedGoals: number;
  /** Goals the advisor gave their own slide beyond those. */
  extraGoals?: ReadonlySet<Goal>;
}

/**
 * Which slides fit the budget: the required ones and the top goal's own slide first, then
 * the recipe's fill order while time remains. Goals without their own slide share one
 * "also on your list" slide, so every goal is always covered.
 */
function selectSlides(
  recipe: Recipe,
  available: number,
  goals: number,
  present: (k: SlideKind) => boolean,
): { selection: Selection; remaining: number } {
  const cost = recipe.minutes;
  const kinds = new Set<SlideKind>(recipe.required.filter(present));
  let dedicatedGoals = Math.min(1, goals);
  const coverage = (k: number) => k * cost.goal + (k < goals ? cost['also-on-your-list'] : 0);
  let remaining = available - [...kinds].reduce((sum, k) => sum + cost[k], 0) - coverage(dedicatedGoals);
  if (remaining < 0) {
    throw new Error(
      `recipe "${recipe.id}" needs ${available - remaining} minutes for its required slides but only ${available} are available`,
    );
  }

  const addGoal = (): boolean => {
    if (dedicatedGoals >= goals) return false;
    const delta = coverage(dedicatedGoals + 1) - coverage(dedicatedGoals);
    if (delta > remaining) return false;
    dedicatedGoals++;
    remaining -= delta;
    return true;
  };

  for (const step of recipe.fill) {
    if (step === 'goal') addGoal();
    else if (step === 'goal*') while (addGoal());
    else if (!kinds.has(step) && step !== 'also-on-your-list' && present(step) && cost[step] <= remaining) {
      kinds.add(step);
      remaining -= cost[step];
    }
  }
  return { selection: { kinds, dedicatedGoals }, remaining };
}

/** Leftover time becomes discussion time on the slides the recipe names, half a minute at a time. */
function spreadExtraTime(slides: Slide[], recipe: Recipe, remaining: number): void {
  const caps = recipe.extraTimeTo;
  const order = (Object.keys(caps) as SlideKind[]).flatMap((kind) => slides.filter((s) => s.layout === kind));
  let left = remaining;
  let added = true;
  while (left >= 0.5 && added) {
    added = false;
    for (const slide of order) {
      const cap = caps[slide.layout] ?? slide.minutes;
      if (left >= 0.5 && slide.minutes + 0.5 <= cap) {
        slide.minutes += 0.5;
        left -= 0.5;
        added = true;
      }
    }
  }
}

function lines(templates: readonly string[], values: Readonly<Record<string, string | undefined>>): string[] {
  return templates.map((t) => fill(t, values)).filter((s): s is string => s !== undefined);
}

/** Up to six lines; past that, five and "+N more" (flagged `more`) so nothing is silently dropped. */
function capped(
  items: readonly string[],
  more: (n: number) => string,
  max = MAX_POINTS,
): { points: string[]; more?: true } {
  const clipped = items.map((i) => clip(i, POINT_CHARS));
  if (clipped.length <= max) return { points: clipped };
  return { points: [...clipped.slice(0, max - 1), more(clipped.length - (max - 1))], more: true };
}

/** Credentials as a few short chips: six at most, the last saying how many more. */
function cappedChips(items: readonly string[], more: (n: number) => string, max = MAX_POINTS): string[] {
  const clipped = items.map((i) => clip(i, CHIP_CHARS));
  return clipped.length <= max ? clipped : [...clipped.slice(0, max - 1), more(clipped.length - (max - 1))];
}

/** Groups many short labels onto at most six lines: "Tax · Estate · Debt". */
function packLabels(labels: readonly string[], max = MAX_POINTS): string[] {
  const perLine = Math.ceil(labels.length / max);
  const out: string[] = [];
  for (let i = 0; i < labels.length; i += perLine) out.push(labels.slice(i, i + perLine).join(' · '));
  return out;
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
