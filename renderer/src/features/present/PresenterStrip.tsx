// What the advisor sees and the prospect need not: the time against the plan, this slide's
// minutes and notes, and the questions caught so far. Shown or hidden by the advisor.
import { useEffect, useState, type ReactNode } from 'react';
import type { LiveMeeting } from '../../../../core/meeting/live';
import type { Slide } from '../../../../core/plan/planDeck';
import { useApp } from '../../store';
import { clock, elapsedSeconds, minutesOver, plannedThrough } from './timing';

export function PresenterStrip({
  slides,
  index,
  meeting,
  children,
}: {
  slides: readonly Slide[];
  index: number;
  meeting: LiveMeeting;
  children?: ReactNode;
}) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const minutes = (n: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
  const slide = slides[index];
  return (
    <aside className="present-strip" aria-label={t('presentStrip')}>
      <MeetingClock startedAt={meeting.startedAt} planned={plannedThrough(slides, index)} minutes={minutes} />
      {children}
      {slide && (
        <section className="present-strip-part" aria-labelledby="present-notes-title">
          <h3 id="present-notes-title" className="present-strip-title">
            {t('presentThisSlide', { n: index + 1, total: slides.length, minutes: minutes(slide.minutes) })}
          </h3>
          <p className="present-notes" dir="auto">
            {slide.notes || t('presentNoNotes')}
          </p>
        </section>
      )}
      <QuestionsCaught slides={slides} questions={meeting.questions} />
    </aside>
  );
}

/** The only part that changes every second: its own state, so the rest does not re-render. */
function MeetingClock({
  startedAt,
  planned,
  minutes,
}: {
  startedAt: string;
  planned: number;
  minutes: (n: number) => string;
}) {
  const t = useApp((s) => s.t);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = elapsedSeconds(startedAt, now);
  const over = minutesOver(elapsed, planned);
  return (
    <div className="present-clock">
      <dl className="present-times">
        <div>
          <dt>{t('presentElapsed')}</dt>
          <dd className="present-clock-time">{clock(elapsed)}</dd>
        </div>
        <div>
          <dt>{t('presentPlannedToHere')}</dt>
          <dd className="present-planned">{t('presentMinutes', { minutes: minutes(planned) })}</dd>
        </div>
      </dl>
      {/* Text and colour, never colour alone; announced once when it changes, not every second. */}
      <p className="present-cue" data-state={over > 0 ? 'long' : 'on-time'} role="status">
        <span aria-hidden="true" className="present-cue-mark">
          {over > 0 ? '▲' : '●'}
        </span>
        {over > 0 ? t('presentRunningLong', { n: over }) : t('presentOnTime')}
      </p>
    </div>
  );
}

function QuestionsCaught({ slides, questions }: { slides: readonly Slide[]; questions: LiveMeeting['questions'] }) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
  const titles = new Map(slides.map((s) => [s.id, s.title]));
  return (
    <section className="present-strip-part" aria-labelledby="present-questions-title">
      <h3 id="present-questions-title" className="present-strip-title">
        {t('presentQuestionsCaught', { n: questions.length })}
      </h3>
      {questions.length === 0 ? (
        <p className="present-quiet">{t('presentNoQuestions')}</p>
      ) : (
        <ol className="present-questions">
          {questions.map((q, i) => (
            <li key={i}>
              <span className="present-question-text" dir="auto">
                {q.text}
              </span>
              <span className="present-quiet">
                {time.format(new Date(q.at))}
                {q.slideId && titles.has(q.slideId) ? ` · ${titles.get(q.slideId) ?? ''}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
