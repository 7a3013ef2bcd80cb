// The intake form's data: opens the prospect (the newest of the window's unacknowledged copy,
// the draft and the saved intake), keeps a draft at every change, saves, opens the deck, deletes.
// IntakeScreen draws it with the views (IntakeFormView and its sections), which only get props.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MeetingFileProblem } from '../../../../core/api';
import { checkIntake } from '../../../../core/intake/intake';
import type { StoredStatus } from '../../../../core/prospect/prospect';
import type { Problem } from '../../../../core/validation';
import { useApp } from '../../store';
import { shareOnOpen } from '../present/useShare';
import { newProspectId, readBackup, writeBackup } from './backup';
import { startsAtProblem } from './fieldWords';
import { problemsByField, withAmountsFormatted } from './formProblems';
import { fromIntake, emptyForm, toIntake, type IntakeForm } from './model';
import { machineTimeZone } from './options';

export type DraftState = 'idle' | 'saving' | 'saved' | { error: string };

export type Intake = NonNullable<ReturnType<typeof useIntake>>;

export function useIntake(initialId: string | undefined) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const navigate = useApp((s) => s.navigate);
  const notify = useApp((s) => s.notify);
  const upsert = useApp((s) => s.upsertProspect);
  const remove = useApp((s) => s.removeProspect);
  // A new prospect's meeting starts in the advisor's zone (Settings), else the computer's.
  const advisorTimeZone = useApp((s) => s.advisorTimeZone);
  const fallback = useMemo(
    () => emptyForm(advisorTimeZone ?? machineTimeZone(), navigator.language || 'en-US'),
    [advisorTimeZone],
  );
  const [form, setForm] = useState<IntakeForm | null>(initialId ? null : fallback);
  const idRef = useRef<string>(initialId ?? newProspectId());
  const [hasIntake, setHasIntake] = useState(false);
  const [stage, setStage] = useState<StoredStatus | null>(null);
  // A meeting under way (a crash, a reload, a closed window) is one tap away.
  const [meeting, setMeeting] = useState<'live' | 'ended' | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[] | null>(null);
  const [draftState, setDraftState] = useState<DraftState>('idle');
  const [dirty, setDirty] = useState(false);
  const [focusFirstError, setFocusFirstError] = useState(0);
  const pending = useRef<IntakeForm | null>(null);
  const pump = useRef<Promise<void> | null>(null);
  // The revision the form shows (prospects:get), moved on by each of this window's saves.
  const revision = useRef<string | undefined>(undefined);
  // The draft on its way to the app layer, if any (see Backup).
  const sending = useRef<Record<string, unknown> | null>(null);
  const backUp = useCallback((draft: Record<string, unknown>) => {
    writeBackup(idRef.current, {
      base: revision.current ?? null,
      draft,
      ...(sending.current ? { sent: sending.current } : {}),
    });
  }, []);
  // This window's writes, one after another (a keystroke during Save, a second click on Save):
  // each is sent with the revision the one before it returned, so the window never refuses itself.
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const inTurn = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.current.then(work, work);
    writes.current = next.catch(() => undefined);
    return next;
  }, []);
  // Another window saved first: nothing more is sent until the advisor reloads.
  const staleRef = useRef(false);
  const [stale, setStale] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [meetingProblems, setMeetingProblems] = useState<MeetingFileProblem[]>([]);
  const loadProspects = useApp((s) => s.loadProspects);
  const markStale = useCallback(() => {
    staleRef.current = true;
    pending.current = null;
    setStale(true);
  }, []);
  // A row just added takes the focus in the same commit, before the next key is read.
  const focusAfterRender = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!focusAfterRender.current) return;
    document.querySelector<HTMLElement>(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  const keepDraft = useCallback(
    (next: IntakeForm) => {
      backUp(toIntake(next));
      // The prospect exists from the first keystroke: a reload comes back to it.
      if (location.hash !== `#/prospect/${idRef.current}`)
        history.replaceState({ app: 1 }, '', `#/prospect/${idRef.current}`);
      if (staleRef.current) return;
      pending.current = next;
      if (pump.current) return;
      pump.current = (async () => {
        while (pending.current) {
          const draft = toIntake(pending.current);
          pending.current = null;
          setDraftState('saving');
          const result = await inTurn(async () => {
            sending.current = draft;
            // Keystrokes made while this waited its turn are newer than `draft`: the copy keeps them.
            backUp(pending.current ? toIntake(pending.current) : draft);
            const sent = await api['prospects:saveDraft']({
              id: idRef.current,
              draft,
              ...(revision.current ? { revision: revision.current } : {}),
            });
            if (sent.ok) revision.current = sent.value.revision;
            sending.current = null;
            return sent;
          });
          if (!result.ok) {
            if (result.code === 'stale') {
              markStale();
              setDraftState('idle');
              break;
            }
            setDraftState({ error: result.error });
            continue;
          }
          const { revision: _saved, ...summary } = result.value;
          void _saved;
          // What is still to send is now typed on this window's own save.
          if (pending.current) backUp(toIntake(pending.current));
          upsert(summary);
          setDraftState('saved');
        }
        // Refused: the window's copy stays (with its older base) until the advisor reloads.
        if (!pending.current && !staleRef.current) writeBackup(idRef.current, undefined);
        pump.current = null;
      })();
    },
    [api, upsert, markStale, inTurn, backUp],
  );

  // Open: the newest of the window's unacknowledged backup, the draft, and the saved intake.
  useEffect(() => {
    let cancelled = false;
    // Reload (after a refused save) opens the prospect this window is on, a new one included.
    const openId = reloads > 0 ? idRef.current : initialId;
    if (!openId) return;
    const backup = readBackup(openId);
    void api['prospects:get']({ id: openId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        // Reloaded before its first keystroke reached the app layer: the window's copy has it.
        if (backup) {
          revision.current = undefined;
          const restored = fromIntake(backup.draft, fallback);
          setForm(restored);
          setDirty(true);
          keepDraft(restored);
          return;
        }
        notify(t('error', { e: result.error }));
        navigate({ screen: 'prospects' });
        return;
      }
      const { intake, draft, stage: storedStage } = result.value;
      // Unsent changes are saved on the revision they were typed on (refused if it has moved),
      // unless what moved it is this window's own draft, sent just before the reload.
      const landed = backup?.sent !== undefined && JSON.stringify(backup.sent) === JSON.stringify(draft);
      revision.current = backup && backup.base !== null && !landed ? backup.base : result.value.revision;
      setStage(storedStage);
      if (intake) {
        void api['meeting:get']({ id: openId }).then((m) => {
          if (cancelled || !m.ok) return;
          setMeeting(m.value.live ? (m.value.live.endedAt ? 'ended' : 'live') : null);
          setMeetingProblems(m.value.problems);
          // Set aside just now: the Prospects screen's list of damaged files shows it too.
          if (m.value.problems.length > 0) void loadProspects();
        });
      }
      setHasIntake(intake !== null);
      setDirty(draft !== null || backup !== undefined);
      const restored = withAmountsFormatted(fromIntake(backup?.draft ?? draft ?? intake, fallback));
      setForm(restored);
      if (backup) keepDraft(restored);
    });
    return () => {
      cancelled = true;
    };
  }, [api, initialId, fallback, keepDraft, navigate, notify, t, reloads, loadProspects]);

  /** After a refused save: this window's unsaved copy goes, and the form shows what is saved. */
  const reload = () => {
    writeBackup(idRef.current, undefined);
    staleRef.current = false;
    pending.current = null;
    setStale(false);
    setShowAll(false);
    setServerProblems(null);
    setDraftState('idle');
    setForm(null);
    setReloads((n) => n + 1);
  };

  const problems = useMemo(() => {
    if (!form) return new Map<string, string>();
    const checked = checkIntake(toIntake(form));
    const byField = problemsByField(checked.ok ? [] : checked.problems, form);
    // The schema speaks the file's format (2026-12-03T14:00); the field shows the browser's picker.
    const startsAt = byField.get('meeting.startsAt');
    if (startsAt) byField.set('meeting.startsAt', startsAtProblem(startsAt, form.startsAt, t));
    return byField;
  }, [form, t]);

  useEffect(() => {
    if (focusFirstError === 0) return;
    const first = document.querySelector<HTMLElement>('.intake-form [aria-invalid="true"]');
    first?.focus();
  }, [focusFirstError]);

  if (!form) return null;

  const errorFor = (field: string) => (showAll || touched.has(field) ? problems.get(field) : undefined);
  const leave = (field: string) => () => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const change = (patch: Partial<IntakeForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    setDirty(true);
    keepDraft(next);
  };

  const save = async (): Promise<boolean> => {
    if (pump.current) await pump.current;
    // Refused already: the alert says so and offers Reload; nothing is sent over newer data.
    if (staleRef.current) return false;
    const intake = toIntake(form);
    const checked = checkIntake(intake);
    if (!checked.ok) {
      setShowAll(true);
      setServerProblems(null);
      setFocusFirstError((n) => n + 1);
      notify(t('fixProblems', { n: checked.problems.length }));
      return false;
    }
    const result = await inTurn(async () => {
      const sent = await api['prospects:save']({
        id: idRef.current,
        intake,
        ...(revision.current ? { revision: revision.current } : {}),
      });
      if (sent.ok && sent.value.saved && sent.value.revision) revision.current = sent.value.revision;
      return sent;
    });
    if (!result.ok) {
      if (result.code === 'stale') markStale();
      else notify(t('error', { e: result.error }));
      return false;
    }
    if (!result.value.saved) {
      setShowAll(true);
      setServerProblems(result.value.problems);
      setFocusFirstError((n) => n + 1);
      return false;
    }
    const saved = result.value.value;
    idRef.current = saved.id;
    writeBackup(saved.id, undefined);
    upsert(saved);
    setHasIntake(true);
    setDirty(false);
    setServerProblems(null);
    // Saved: nothing is a draft any more, so "Draft kept" goes.
    setDraftState('idle');
    history.replaceState({ app: 1 }, '', `#/prospect/${saved.id}`);
    notify(t('savedProspect', { name: `${saved.firstName} ${saved.lastName}` }));
    return true;
  };

  // Unsaved changes are saved first: the deck is always built from what the form shows.
  const openDeck = async (screen: 'preview' | 'deck' | 'tablet') => {
    if ((dirty || !hasIntake) && !(await save())) return;
    if (screen === 'tablet') {
      // Present mode, sharing with the tablet from the start.
      shareOnOpen.add(idRef.current);
      navigate({ screen: 'present', id: idRef.current });
      return;
    }
    navigate({ screen, id: idRef.current });
  };

  const deleteProspect = async () => {
    const id = idRef.current;
    if (pump.current) await pump.current;
    // Nothing was ever kept for a form never typed in: nothing to delete.
    if (!location.hash.includes(id)) {
      navigate({ screen: 'prospects' });
      return;
    }
    const result = await api['prospects:delete']({ id });
    if (!result.ok) return notify(t('error', { e: result.error }));
    writeBackup(id, undefined);
    remove(id);
    const name = `${form.firstName} ${form.lastName}`.trim() || t('unnamed');
    navigate({ screen: 'prospects' });
    notify(t('deleted', { name }), {
      label: t('undoDelete'),
      run: () => {
        void api['prospects:restore']({ trashId: result.value.trashId }).then((restored) => {
          if (restored.ok) {
            upsert(restored.value);
            notify(t('restored', { name }));
          } else notify(t('error', { e: restored.error }));
        });
      },
    });
  };

  const other = serverProblems?.filter((p) => !problems.has(p.path)) ?? [];

  /** The stage chosen in the screen's head: kept at once, the list follows. */
  const changeStage = (next: StoredStatus) => {
    setStage(next);
    void api['prospects:setStatus']({ id: idRef.current, status: next }).then((r) =>
      r.ok ? upsert(r.value) : notify(t('error', { e: r.error })),
    );
  };

  return {
    idRef,
    form,
    stage,
    meeting,
    draftState,
    stale,
    meetingProblems,
    showAll,
    other,
    focusAfterRender,
    errorFor,
    leave,
    change,
    changeStage,
    reload,
    save,
    openDeck,
    deleteProspect,
  };
}
