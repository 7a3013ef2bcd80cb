// Running long: what to skip so the meeting still ends on time with the questions kept (core/plan/replan),
// proposed to the advisor, never applied without them. Time comes from the window's own clock
// (Date.now and a timer), ticking here only, so the rest of the screen does not re-render.
import { useEffect, useMemo, useState } from 'react';
import type { LiveMeeting } from '../../../../core/meeting/live';
import type { DeckPlan } from '../../../../core/plan/planDeck';
import { inQuestionsReserve, replan } from '../../../../core/plan/replan';
import { useApp } from '../../store';
import { elapsedSeconds } from './timing';

export function RunningLong({
  plan,
  meeting,
  skipped,
  currentSlideId,
  floating,
  onSkip,
}: {
  plan: DeckPlan;
  meeting: LiveMeeting;
  skipped: ReadonlySet<string>;
  currentSlideId: string | undefined;
  /** Shown over the screen's corner when the presenter strip is hidden. */
  floating: boolean;
  onSkip: (slideIds: string[]) => void;
}) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  // "Keep all slides" holds until the proposal changes (time runs on and asks for more).
  const [kept, setKept] = useState<string | null>(null);

  const { deck } = plan;
  const shown = useMemo(() => [...new Set(meeting.visits.map((v) => v.slideId))], [meeting.visits]);
  const elapsedMinutes = elapsedSeconds(meeting.startedAt, now) / 60;
  const answer = replan({
    slides: deck.slides,
    shownSlideIds: shown,
    skippedSlideIds: [...skipped],
    currentSlideId,
    elapsedMinutes,
    meetingMinutes: deck.budgetMinutes,
    questionsMinutes: deck.qaMinutes,
  });
  const proposal = answer.skip.join(' ');
  const questionsTime = inQuestionsReserve(elapsedMinutes, deck.budgetMinutes, deck.qaMinutes);
  const minutes = (n: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
  const titles = new Map(deck.slides.map((s) => [s.id, s.title]));

  const propose = answer.skip.length > 0 && proposal !== kept;
  if (!propose && !questionsTime) return null;
  return (
    <div className={floating ? 'present-replan present-replan-floating' : 'present-replan'}>
      {propose && (
        <section role="status" aria-labelledby="present-replan-title" className="present-replan-notice">
          <h3 id="present-replan-title" className="present-strip-title">
            {t('presentReplanTitle')}
          </h3>
          <p>{t('presentReplanText', { minutes: minutes(answer.minutesSaved) })}</p>
          <ul className="present-replan-slides">
            {answer.skip.map((id) => (
              <li key={id} dir="auto">
                {titles.get(id) ?? id}
              </li>
            ))}
          </ul>
          <div className="present-replan-actions">
            <button type="button" className="present-button present-button-primary" onClick={() => onSkip(answer.skip)}>
              {t('presentReplanSkip')}
            </button>
            <button type="button" className="present-button" onClick={() => setKept(proposal)}>
              {t('presentReplanKeep')}
            </button>
          </div>
        </section>
      )}
      {questionsTime && (
        <p role="status" className="present-replan-questions">
          {t('presentQuestionsTime', { minutes: minutes(deck.qaMinutes) })}
        </p>
      )}
    </div>
  );
}
