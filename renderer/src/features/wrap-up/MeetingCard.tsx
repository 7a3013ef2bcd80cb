// The wrap-up's first card: when the meeting was, and the slides shown (with their time). Props only.
import { useMemo } from 'react';
import { shownSlides } from '../../../../core/meeting/live';
import { useApp } from '../../store';
import type { WrapUpData } from './model';
import { formatDay, minutesAndSeconds, uiLocale } from './time';

export function MeetingCard({ data, titles }: { data: WrapUpData; titles: ReadonlyMap<string, string> }) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const { plan, live, earlier, setup } = data;
  const zone = setup.intake.meeting.timeZone;
  const shown = useMemo(
    () =>
      live
        ? shownSlides(live)
        : (earlier?.shownSlideIds ?? []).map((slideId) => ({ slideId, seconds: undefined as number | undefined })),
    [live, earlier],
  );

  const meetingLine = (() => {
    if (!live) return earlier ? t('wuWrappedBefore') : t('wuNoLiveMeeting');
    const time = (iso: string) =>
      new Intl.DateTimeFormat(uiLocale(language), { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
    if (!live.endedAt) return t('wuNotEnded', { start: time(live.startedAt) });
    const minutes = Math.max(0, Math.round((Date.parse(live.endedAt) - Date.parse(live.startedAt)) / 60_000));
    return t('wuMeetingTimes', {
      day: formatDay(language, live.startedAt, zone),
      start: time(live.startedAt),
      end: time(live.endedAt),
      minutes,
    });
  })();

  return (
    <section className="card" aria-labelledby="wu-meeting">
      <h3 id="wu-meeting" className="wu-card-title">
        {t('wuMeeting')}
      </h3>
      <p className={live ? 'wu-meeting-line' : 'notice'}>{meetingLine}</p>
      <h4 className="subhead" id="wu-slides-shown">
        {t('wuSlidesShown')}
      </h4>
      {shown.length === 0 ? (
        <p className="muted">{live ? t('wuNoSlides') : t('wuWholeDeck')}</p>
      ) : (
        <ol className="wu-slides" lang={plan.language} aria-labelledby="wu-slides-shown">
          {shown.map(({ slideId, seconds }) => (
            <li key={slideId}>
              <span className="wu-slide-title" dir="auto">
                {titles.get(slideId) ?? slideId}
              </span>
              {seconds !== undefined && (
                <span className="wu-slide-time">
                  {seconds < 60 ? t('wuSeconds', { s: seconds }) : t('wuDuration', minutesAndSeconds(seconds))}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
