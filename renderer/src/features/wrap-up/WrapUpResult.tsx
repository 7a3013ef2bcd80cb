// What `Create summary and follow-up` made: the follow-up, the three ways to the files (the
// system opens them in Electron; the browser downloads them), and the summary as a page.
import { useEffect, useRef, useState } from 'react';
import type { WrapUpOutcome } from '../../../../core/api';
import { useApp } from '../../store';
import { downloadMeetingFile, openOrDownload, type MeetingFile, type OpenableFile } from './files';
import { SummaryPreview } from './SummaryPreview';
import { formatInstant } from './time';

type Done = Extract<WrapUpOutcome, { done: true }>;

export function WrapUpResult({
  id,
  result,
  prospectName,
  attempt,
}: {
  id: string;
  result: Done;
  prospectName: string;
  attempt: number;
}) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  const [showFiles, setShowFiles] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each new outcome takes the focus, so a screen reader hears it and the page scrolls to it.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [attempt]);

  const { followUp } = result;
  const when = followUp ? formatInstant(language, followUp.dueAt, followUp.timeZone) : '';

  const open = async (name: OpenableFile) => {
    const outcome = await openOrDownload(api, id, result.meeting, name);
    if (!outcome.ok) notify(t('error', { e: outcome.error }));
    else if (!outcome.opened)
      notify(
        t(
          name === 'follow-up.eml'
            ? 'wuEmailDownloaded'
            : name === 'follow-up.ics'
              ? 'wuCalendarDownloaded'
              : 'wuDownloaded',
          { name },
        ),
      );
  };

  const showFolder = async () => {
    const opened = await api['meeting:open']({ id, meeting: result.meeting });
    if (!opened.ok) return notify(t('error', { e: opened.error }));
    // The browser cannot show a folder: the files are listed here to download instead.
    if (!opened.value.opened) setShowFiles(true);
  };

  const save = async (name: MeetingFile) => {
    const outcome = await downloadMeetingFile(api, id, result.meeting, name);
    if (!outcome.ok) notify(t('error', { e: outcome.error }));
  };

  return (
    <section className="card wu-result" aria-labelledby="wu-result-title">
      <div className="wu-result-side">
        <h3 id="wu-result-title" ref={headingRef} tabIndex={-1}>
          {t('wuDone')}
        </h3>
        <p className="wu-followup-line">
          {followUp
            ? t(followUp.channel === 'email' ? 'wuFollowUpEmailAt' : 'wuFollowUpCallAt', {
                when,
                zone: followUp.timeZone,
              })
            : t('wuNoFollowUp')}
        </p>
        {followUp?.channel === 'call' && followUp.prospectPhone && (
          <p>
            <a className="wu-tel" href={`tel:${followUp.prospectPhone.replace(/[^\d+]/g, '')}`}>
              {t('wuCall', { phone: followUp.prospectPhone })}
            </a>
          </p>
        )}
        <p className="muted">{t('wuNowMet', { name: prospectName })}</p>
        <div className="wu-result-actions">
          <button type="button" className="button button-primary" onClick={() => void open('follow-up.eml')}>
            {t('wuOpenEmail')}
          </button>
          <button type="button" className="button" onClick={() => void open('follow-up.ics')}>
            {t('wuAddToCalendar')}
          </button>
          <button type="button" className="button" aria-expanded={showFiles} onClick={() => void showFolder()}>
            {t('wuShowFiles')}
          </button>
        </div>
        <p className="small muted">{t('wuAgainHint')}</p>
        {showFiles && (
          <div className="wu-files">
            <p className="small muted">{t('wuFilesIn', { folder: result.folder })}</p>
            <ul>
              {result.files
                .map((path) => path.split(/[\\/]/).pop() ?? path)
                .map((name) => (
                  <li key={name}>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => void save(name as MeetingFile)}
                    >
                      {t('wuDownload', { name })}
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        )}
        {result.warnings.length > 0 && (
          <div className="notice">
            <h4>{t('wuWarnings')}</h4>
            <ul>
              {result.warnings.map((w, i) => (
                <li key={i}>
                  <code>{w.path}</code>: {w.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="wu-result-page">
        <SummaryPreview summary={result.summary} label={t('wuPagePreview')} />
      </div>
    </section>
  );
}
