// One follow-up in its list: who, when (in the advisor's zone), how (email or call), and what
// to do with it. Every action is a real button or link with its name: nothing needs hover.
import { useEffect, useRef, useState } from 'react';
import type { FollowUpListItem } from '../../../../core/followUp/record';
import { useApp } from '../../store';
import { TextField } from '../../ui/Field';
import { advisorZone, dueInstant, formatInstant, formatTime, fromLocalInput, toLocalInput } from './time';

export type FollowUpAction =
  | { kind: 'done' }
  | { kind: 'snooze'; until: 'hour' | 'tomorrow' }
  | { kind: 'reschedule'; dueAt: string };

export const itemId = (id: string) => `fu-item-${id}`;
export const itemHeadingId = (id: string) => `fu-name-${id}`;

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function FollowUpItem({
  followUp: f,
  focused,
  onAction,
}: {
  followUp: FollowUpListItem;
  focused: boolean;
  onAction: (f: FollowUpListItem, action: FollowUpAction) => Promise<boolean>;
}) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  const zone = advisorZone();
  const due = dueInstant(f);
  const [rescheduling, setRescheduling] = useState(false);
  const [newTime, setNewTime] = useState('');
  const [timeError, setTimeError] = useState<string | undefined>();
  const [mailto, setMailto] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mailtoRef = useRef<HTMLAnchorElement>(null);
  const rescheduleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mailto) mailtoRef.current?.focus();
  }, [mailto]);

  const act = async (action: FollowUpAction): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      return await onAction(f, action);
    } finally {
      setBusy(false);
    }
  };

  const openEmail = async () => {
    const result = await api['followups:email']({ id: f.id });
    if (!result.ok) return notify(t('error', { e: result.error }));
    // A browser tab cannot start the mail app: the same email as a link the advisor clicks
    // (the list carries no email's words; the host sends the link it built).
    if (!result.value.opened && result.value.mailto) setMailto(result.value.mailto);
  };

  const saveTime = async () => {
    const dueAt = fromLocalInput(newTime, zone);
    if (!dueAt) return setTimeError(t('fuInvalidDate'));
    if (Date.parse(dueAt) <= Date.now()) return setTimeError(t('fuMustBeLater'));
    setTimeError(undefined);
    if (await act({ kind: 'reschedule', dueAt })) setRescheduling(false);
  };

  const snoozed = f.status === 'snoozed';
  const whenLine = t(snoozed ? 'fuSnoozedUntil' : 'fuDueAt', { when: formatInstant(language, due, zone) });

  return (
    <li
      className={`fu-item${focused ? ' fu-item-focused' : ''}`}
      id={itemId(f.id)}
      aria-labelledby={itemHeadingId(f.id)}
    >
      <div className="fu-info">
        <h4 id={itemHeadingId(f.id)} tabIndex={-1} dir="auto">
          {f.prospectName}
        </h4>
        <p className="fu-when">
          <time dateTime={due}>{whenLine}</time>
        </p>
        {f.timeZone !== zone && (
          <p className="small muted">
            {t('fuInMeetingZone', { time: formatTime(language, due, f.timeZone), zone: f.timeZone })}
          </p>
        )}
        <p className="fu-channel">
          <span className={`fu-channel-tag fu-channel-${f.channel}`}>
            {t(f.channel === 'email' ? 'fuChannelEmail' : 'fuChannelCall')}
          </span>
          {f.channel === 'email' ? f.prospectEmail : f.prospectPhone}
        </p>
      </div>
      <div className="fu-actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || undefined}
          onClick={() => void act({ kind: 'done' })}
        >
          {t('fuDone')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy || undefined}
          onClick={() => void act({ kind: 'snooze', until: 'hour' })}
        >
          {t('fuSnoozeHour')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy || undefined}
          onClick={() => void act({ kind: 'snooze', until: 'tomorrow' })}
        >
          {t('fuSnoozeTomorrow')}
        </button>
        <button
          type="button"
          className="button"
          ref={rescheduleRef}
          aria-expanded={rescheduling}
          onClick={() => {
            setNewTime(toLocalInput(due, zone));
            setTimeError(undefined);
            setRescheduling(!rescheduling);
          }}
        >
          {t('fuReschedule')}
        </button>
        {f.prospectEmail && (
          <button type="button" className="button" onClick={() => void openEmail()}>
            {t('fuOpenEmail')}
          </button>
        )}
        {f.prospectPhone && (
          <a className="button" href={telHref(f.prospectPhone)}>
            {t('fuCall', { phone: f.prospectPhone })}
          </a>
        )}
      </div>
      {mailto && (
        <p className="fu-mailto">
          {t('fuMailtoFallback')}{' '}
          <a ref={mailtoRef} href={mailto}>
            {t('fuMailtoLink')}
          </a>
        </p>
      )}
      {rescheduling && (
        <form
          className="fu-reschedule"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void saveTime();
          }}
        >
          <TextField
            label={t('fuNewDateTime')}
            hint={t('fuYourZone', { zone })}
            type="datetime-local"
            value={newTime}
            error={timeError}
            // The box the advisor asked for takes the focus.
            autoFocus
            onChange={(e) => setNewTime(e.currentTarget.value)}
          />
          <div className="fu-reschedule-actions">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
              {t('fuSave')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setRescheduling(false);
                rescheduleRef.current?.focus();
              }}
            >
              {t('fuCancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
