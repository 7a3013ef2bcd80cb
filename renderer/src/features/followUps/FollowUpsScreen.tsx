// Follow-ups: the open ones as Overdue, Today and Upcoming (in the advisor's zone), each with
// Done, Snooze, Reschedule, its email draft or a call. Done asks where the prospect goes next
// (Client, Closed, or still a prospect): each step lands in the prospect's history. A reminder's
// click (or #/follow-ups/<id>) opens here with that follow-up in view and focused.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FollowUpListItem, FollowUpPage } from '../../../../core/followUp/record';
import type { StoredStatus } from '../../../../core/prospect/prospect';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { followUpsChanged } from './changes';
import { PAGE, type Limits } from './page';
import { itemHeadingId, itemId, type FollowUpAction } from './FollowUpItem';
import { FollowUpSections } from './FollowUpSections';
import { NextStepCard } from './NextStepCard';
import { Loading, LoadError } from '../../ui/LoadStates';
import { advisorZone, dueInstant, formatInstant } from './time';
import './followUps.css';

const MINUTE = 60_000;
/** A page of the lists, with what it was asked for: how many per section, and which follow-up besides. */
type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; page: FollowUpPage; limits: Limits; include: string | undefined };

const FIRST_PAGE: Limits = { overdue: PAGE, today: PAGE, upcoming: PAGE };

export function FollowUpsScreen({ id }: { id?: string | undefined }) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  const loadProspects = useApp((s) => s.loadProspects);
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  /** The follow-up just done: where does its prospect go next? */
  const [next, setNext] = useState<FollowUpListItem | null>(null);
  const [limits, setLimits] = useState<Limits>(FIRST_PAGE);
  const [missing, setMissing] = useState<string | null>(null);
  /** What takes the focus once the lists have been drawn again. */
  const focusAfter = useRef<string | null>(null);
  const focusedId = useRef<string | undefined>(undefined);
  const titleRef = useRef<HTMLHeadingElement>(null);
  /** The last page asked for: an answer to an earlier ask never replaces it. */
  const asked = useRef(0);

  const refresh = useCallback(async () => {
    const ask = ++asked.current;
    const result = await api['followups:list']({ limits, ...(id ? { include: id } : {}) });
    if (ask !== asked.current) return;
    setState(
      result.ok ? { kind: 'ready', page: result.value, limits, include: id } : { kind: 'error', error: result.error },
    );
  }, [api, limits, id]);

  useEffect(() => {
    void refresh();
    // What is upcoming becomes today, then overdue, without the advisor doing anything.
    const timer = setInterval(() => void refresh(), MINUTE);
    return () => clearInterval(timer);
  }, [refresh]);

  // The follow-up of a clicked reminder: in view and focused, once per id.
  useEffect(() => {
    // Once the page asked with this follow-up has come.
    if (state.kind !== 'ready' || !id || state.include !== id || focusedId.current === id) return;
    focusedId.current = id;
    const all = [...state.page.overdue, ...state.page.today, ...state.page.upcoming];
    if (!all.some((f) => f.id === id)) {
      setMissing(id);
      return;
    }
    setMissing(null);
    document.getElementById(itemId(id))?.scrollIntoView({ block: 'center' });
    document.getElementById(itemHeadingId(id))?.focus();
  }, [state, id]);

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const onAction = async (f: FollowUpListItem, action: FollowUpAction): Promise<boolean> => {
    const zone = advisorZone();
    if (action.kind === 'done') {
      const result = await api['followups:complete']({ id: f.id });
      if (!result.ok) {
        notify(t('error', { e: result.error }));
        return false;
      }
      setNext(result.value);
      focusAfter.current = 'fu-next-title';
    } else if (action.kind === 'snooze') {
      const result = await api['followups:snooze']({ id: f.id, until: { kind: action.until } });
      if (!result.ok) {
        notify(t('error', { e: result.error }));
        return false;
      }
      const undo = undoSnooze(f);
      notify(
        t('fuSnoozedToast', { name: f.prospectName, when: formatInstant(language, dueInstant(result.value), zone) }),
        undo ? { label: t('undo'), run: () => void undoAndRefresh(f, undo) } : undefined,
      );
      focusAfter.current = itemHeadingId(f.id);
    } else {
      const result = await api['followups:reschedule']({ id: f.id, dueAt: action.dueAt });
      if (!result.ok) {
        notify(t('error', { e: result.error }));
        return false;
      }
      notify(
        t('fuRescheduledToast', {
          name: f.prospectName,
          when: formatInstant(language, dueInstant(result.value), zone),
        }),
      );
      focusAfter.current = itemHeadingId(f.id);
    }
    await refresh();
    followUpsChanged();
    // The Prospects list shows "Follow-up due" from these: it is asked again.
    void loadProspects();
    return true;
  };

  /** Undo of a snooze: the follow-up back as it was (its due time, or its earlier snooze). */
  const undoAndRefresh = async (f: FollowUpListItem, undo: () => ReturnType<(typeof api)['followups:reschedule']>) => {
    const result = await undo();
    if (!result.ok) return notify(t('error', { e: result.error }));
    notify(
      t('fuSnoozeUndone', {
        name: f.prospectName,
        when: formatInstant(language, dueInstant(result.value), advisorZone()),
      }),
    );
    focusAfter.current = itemHeadingId(f.id);
    await refresh();
    followUpsChanged();
    void loadProspects();
  };

  /** How to put a follow-up back as it was before a snooze; none once it has come due (it would remind again). */
  const undoSnooze = (f: FollowUpListItem) => {
    if (f.status === 'scheduled') return () => api['followups:reschedule']({ id: f.id, dueAt: f.dueAt });
    const until = f.snoozedUntil;
    if (f.status === 'snoozed' && until)
      return () => api['followups:snooze']({ id: f.id, until: { kind: 'at', at: until } });
    return undefined;
  };

  const setStage = async (f: FollowUpListItem, status: StoredStatus, message: MessageKey) => {
    const result = await api['prospects:setStatus']({ id: f.prospectId, status });
    if (!result.ok) return notify(t('error', { e: result.error }));
    notify(t(message, { name: f.prospectName }));
    setNext(null);
    titleRef.current?.focus();
    // A client or a closed prospect has no win-back call any more: the lists are asked again.
    await refresh();
    followUpsChanged();
    void loadProspects();
  };

  const ready = state.kind === 'ready' ? state : null;
  const counts = ready?.page.counts;
  const empty = counts !== undefined && counts.overdue + counts.today + counts.upcoming === 0;

  return (
    <section className="screen fu-screen" aria-labelledby="fu-title">
      <div className="screen-head">
        <h2 id="fu-title" ref={titleRef} tabIndex={-1}>
          {t('fuTitle')}
        </h2>
        <p className="muted fu-zone">{t('fuYourZone', { zone: advisorZone() })}</p>
      </div>

      {next && (
        <NextStepCard name={next.prospectName} onStage={(status, message) => void setStage(next, status, message)} />
      )}

      {missing && <p className="notice">{t('fuNotFound')}</p>}
      {state.kind === 'loading' && <Loading text={t('fuLoading')} />}
      {state.kind === 'error' && <LoadError error={state.error} />}
      {empty && !next && (
        <div className="empty-state">
          <h3>{t('fuEmptyTitle')}</h3>
          <p>{t('fuEmptyBody')}</p>
        </div>
      )}
      {ready && !empty && (
        <FollowUpSections
          page={ready.page}
          limits={ready.limits}
          focusedId={id}
          onAction={onAction}
          onShowMore={(key) => setLimits((l) => ({ ...l, [key]: l[key] + PAGE }))}
        />
      )}
    </section>
  );
}
