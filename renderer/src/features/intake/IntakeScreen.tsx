// The intake form: every field of the intake schema. What the advisor types is kept as a
// draft at every change (valid or not); Save checks it with the CLI's own schema and writes
// intake.json only when it passes. A problem shows at its field when the advisor leaves it,
// and all at once on Save, with focus on the first.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { checkIntake, MEETING_FORMATS, RISK_TOLERANCES } from '../../../../core/intake/intake';
import { STORED_STATUSES, type StoredStatus } from '../../../../core/prospect/prospect';
import type { Problem } from '../../../../core/validation';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { ComboField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { BOX_LENGTH } from './boxLengths';
import { GoalsField } from './GoalsField';
import { shareOnOpen } from '../present/useShare';
import { emptyForm, fromIntake, rowKey, toIntake, type IntakeForm } from './model';
import { CURRENCY_OPTIONS, localeOptions, machineTimeZone, timeZoneOptions } from './options';
import { formatAmount, startsAtProblem } from './fieldWords';
import { defaultCurrency } from '../../../../core/locale/locale';
import { SendIntakeForm } from './SendIntakeForm';
import type { MeetingFileProblem } from '../../../../core/api';
import { StaleAlert } from '../../ui/StaleAlert';
import { MeetingFileProblems } from '../../ui/MeetingFileProblems';
import './intake.css';

type DraftState = 'idle' | 'saving' | 'saved' | { error: string };

const backupKey = (id: string) => `advisor-deck.draft.${id}`;

/**
 * A new prospect's id is made here, before the first keystroke is sent: the address holds it
 * at once, so a reload (even while the first save is on its way) comes back to the same
 * prospect instead of making a second one.
 */
function newProspectId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `p-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The window's copy of what was typed and not yet acknowledged, with the revision it was typed
 * on (`base`): restored after a reload, it is saved on that revision, so changes typed on data
 * another window has replaced since are refused, not written over it. `sent`: the draft on its
 * way when the copy was made; found on disk after the reload, it is this window's own save and
 * the revision on disk is the one to go on from.
 */
interface Backup {
  base: string | null;
  draft: Record<string, unknown>;
  sent?: Record<string, unknown>;
}

function readBackup(id: string): Backup | undefined {
  try {
    const raw = sessionStorage.getItem(backupKey(id));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Backup> & Record<string, unknown>;
    // A copy kept before revisions: the draft alone.
    if (!value.draft || typeof value.draft !== 'object') return { base: null, draft: value };
    return {
      base: typeof value.base === 'string' ? value.base : null,
      draft: value.draft,
      ...(value.sent && typeof value.sent === 'object' ? { sent: value.sent } : {}),
    };
  } catch {
    return undefined;
  }
}

function writeBackup(id: string, value: Backup | undefined): void {
  try {
    if (value) sessionStorage.setItem(backupKey(id), JSON.stringify(value));
    else sessionStorage.removeItem(backupKey(id));
  } catch {
    // Storage full or off: the app layer's copy is still written.
  }
}

/** Problems keyed by the form's field ids (rows by their key, since blank rows are not in the intake). */
/** The amounts as the prospect writes numbers; each still reads back as the same number. */
function withAmountsFormatted(form: IntakeForm): IntakeForm {
  return {
    ...form,
    investableAssets: formatAmount(form.investableAssets, form.locale),
    annualIncome: formatAmount(form.annualIncome, form.locale),
    monthlySavings: formatAmount(form.monthlySavings, form.locale),
  };
}

function problemsByField(problems: readonly Problem[], form: IntakeForm): Map<string, string> {
  const kept = <T,>(rows: T[], blank: (r: T) => boolean) => rows.filter((r) => !blank(r));
  const dependents = kept(form.dependents, (d) => d.firstName.trim() === '' && d.age.trim() === '');
  const concerns = kept(form.concerns, (r) => r.text.trim() === '');
  const questions = kept(form.questions, (r) => r.text.trim() === '');
  const map = new Map<string, string>();
  for (const p of problems) {
    let field = p.path;
    let m: RegExpExecArray | null;
    if ((m = /^prospect\.dependents\[(\d+)\]\.(firstName|age)$/.exec(p.path)))
      field = `dependent:${dependents[Number(m[1])]?.key}:${m[2]}`;
    else if ((m = /^concerns\[(\d+)\]$/.exec(p.path))) field = `concern:${concerns[Number(m[1])]?.key}`;
    else if ((m = /^questions\[(\d+)\]$/.exec(p.path))) field = `question:${questions[Number(m[1])]?.key}`;
    else if (/^goals(\[\d+\])?$/.test(p.path)) field = 'goals';
    else if (/^prospect\.partner$/.test(p.path)) field = 'prospect.partner.firstName';
    if (!map.has(field)) map.set(field, p.message);
  }
  return map;
}

export function IntakeScreen({ id: initialId }: { id?: string | undefined }) {
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
  const inTurn = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
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

  if (!form) return <p className="muted">…</p>;

  const errorFor = (field: string) => (showAll || touched.has(field) ? problems.get(field) : undefined);
  const leave = (field: string) => () => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const change = (patch: Partial<IntakeForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    setDirty(true);
    keepDraft(next);
  };
  const text = (
    field: keyof IntakeForm & string,
    path: string,
    label: MessageKey,
    extra: {
      maxLength: number;
      required?: boolean;
      type?: string;
      inputMode?: 'numeric' | 'decimal' | 'email' | 'tel';
      autoComplete?: string;
      hint?: string;
      'data-autofocus'?: boolean;
    },
  ) => (
    <TextField
      label={t(label)}
      value={form[field] as string}
      onChange={(e) => change({ [field]: e.currentTarget.value } as Partial<IntakeForm>)}
      onBlur={leave(path)}
      error={errorFor(path)}
      data-path={path}
      {...extra}
    />
  );
  // Amounts in the prospect's currency, grouped as they write numbers once the advisor moves on.
  const currency = (() => {
    try {
      return form.currency.trim().toUpperCase() || defaultCurrency(form.locale);
    } catch {
      return '';
    }
  })();
  const amount = (field: 'investableAssets' | 'annualIncome' | 'monthlySavings', path: string, label: MessageKey) => (
    <TextField
      label={t(label)}
      hint={currency ? t('amountIn', { currency }) : undefined}
      maxLength={BOX_LENGTH.number}
      inputMode="decimal"
      value={form[field]}
      onChange={(e) => change({ [field]: e.currentTarget.value })}
      onBlur={() => {
        leave(path)();
        const shown = formatAmount(form[field], form.locale);
        if (shown !== form[field]) change({ [field]: shown });
      }}
      error={errorFor(path)}
      data-path={path}
    />
  );

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

  const rows = <K extends 'concerns' | 'questions'>(
    key: K,
    kind: 'concern' | 'question',
    label: MessageKey,
    add: MessageKey,
    removeLabel: MessageKey,
  ) => (
    <div className="rows">
      {form[key].map((row, i) => (
        <div className="row" key={row.key}>
          <TextAreaField
            label={t(label, { n: i + 1 })}
            value={row.text}
            maxLength={BOX_LENGTH.text}
            rows={2}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change({
                [key]: form[key].map((r) => (r.key === row.key ? { ...r, text: value } : r)),
              } as Partial<IntakeForm>);
            }}
            onBlur={leave(`${kind}:${row.key}`)}
            error={errorFor(`${kind}:${row.key}`)}
          />
          <button
            type="button"
            className="button button-quiet"
            onClick={() => change({ [key]: form[key].filter((r) => r.key !== row.key) } as Partial<IntakeForm>)}
          >
            {t(removeLabel, { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          // The new row's box takes the focus, so typing goes on without reaching for it.
          focusAfterRender.current = `.intake-form .rows-${kind} .row:last-of-type textarea`;
          change({ [key]: [...form[key], { key: rowKey(), text: '' }] } as Partial<IntakeForm>);
        }}
      >
        {t(add)}
      </button>
    </div>
  );

  const name = `${form.firstName} ${form.lastName}`.trim();
  const other = serverProblems?.filter((p) => !problems.has(p.path)) ?? [];

  return (
    <section className="screen" aria-labelledby="intake-title">
      <div className="screen-head">
        <h2 id="intake-title" dir="auto">
          {name ? t('intakeTitle', { name }) : t('intakeTitleNew')}
        </h2>
        {stage && (
          <SelectField
            label={t('stage')}
            className="stage-field"
            value={stage}
            onChange={(e) => {
              const next = e.currentTarget.value as StoredStatus;
              setStage(next);
              void api['prospects:setStatus']({ id: idRef.current, status: next }).then((r) =>
                r.ok ? upsert(r.value) : notify(t('error', { e: r.error })),
              );
            }}
          >
            {STORED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`stage_${s}`)}
              </option>
            ))}
          </SelectField>
        )}
        {meeting && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => navigate({ screen: meeting === 'live' ? 'present' : 'wrap-up', id: idRef.current })}
          >
            {meeting === 'live' ? t('resumeMeeting') : t('wrapUpMeeting')}
          </button>
        )}
        <p className="draft-state" role="status">
          {draftState === 'saving'
            ? t('draftSaving')
            : draftState === 'saved'
              ? t('draftSaved')
              : typeof draftState === 'object'
                ? t('draftFailed', { e: draftState.error })
                : ''}
        </p>
      </div>
      {stale && <StaleAlert onReload={reload} />}
      <MeetingFileProblems problems={meetingProblems} />
      <form
        className="intake-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="card">
          <legend>{t('sectionProspect')}</legend>
          <div className="grid">
            {text('firstName', 'prospect.firstName', 'firstName', {
              maxLength: BOX_LENGTH.name,
              required: true,
              autoComplete: 'off',
              hint: t('shownToProspect'),
              ...(initialId ? {} : { 'data-autofocus': true }),
            })}
            {text('lastName', 'prospect.lastName', 'lastName', {
              maxLength: BOX_LENGTH.name,
              required: true,
              autoComplete: 'off',
              hint: t('shownToProspect'),
            })}
            {text('email', 'prospect.email', 'email', {
              maxLength: BOX_LENGTH.email,
              type: 'email',
              inputMode: 'email',
              autoComplete: 'off',
            })}
            {text('phone', 'prospect.phone', 'phone', {
              maxLength: BOX_LENGTH.text,
              type: 'tel',
              inputMode: 'tel',
              autoComplete: 'off',
            })}
            {text('age', 'prospect.age', 'age', { maxLength: BOX_LENGTH.number, inputMode: 'numeric' })}
            {text('occupation', 'prospect.occupation', 'occupation', { maxLength: BOX_LENGTH.text })}
            {text('city', 'prospect.city', 'city', { maxLength: BOX_LENGTH.text })}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('sectionFamily')}</legend>
          <p className="field-hint shown-note">{t('familyShown')}</p>
          <div className="grid">
            {text('partnerFirstName', 'prospect.partner.firstName', 'partnerFirstName', { maxLength: BOX_LENGTH.name })}
            {text('partnerLastName', 'prospect.partner.lastName', 'partnerLastName', { maxLength: BOX_LENGTH.name })}
            {text('partnerEmail', 'prospect.partner.email', 'partnerEmail', {
              maxLength: BOX_LENGTH.email,
              type: 'email',
              inputMode: 'email',
              autoComplete: 'off',
            })}
            {text('partnerAge', 'prospect.partner.age', 'partnerAge', {
              maxLength: BOX_LENGTH.number,
              inputMode: 'numeric',
            })}
          </div>
          <h3 className="subhead">{t('dependents')}</h3>
          <div className="rows rows-dependent">
            {form.dependents.map((d, i) => (
              <div className="row row-inline" key={d.key}>
                <TextField
                  label={t('dependentFirstName', { n: i + 1 })}
                  value={d.firstName}
                  maxLength={BOX_LENGTH.name}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    change({
                      dependents: form.dependents.map((r) => (r.key === d.key ? { ...r, firstName: value } : r)),
                    });
                  }}
                  onBlur={leave(`dependent:${d.key}:firstName`)}
                  error={errorFor(`dependent:${d.key}:firstName`)}
                />
                <TextField
                  label={t('dependentAge', { n: i + 1 })}
                  value={d.age}
                  maxLength={BOX_LENGTH.number}
                  inputMode="numeric"
                  className="field-short"
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    change({ dependents: form.dependents.map((r) => (r.key === d.key ? { ...r, age: value } : r)) });
                  }}
                  onBlur={leave(`dependent:${d.key}:age`)}
                  error={errorFor(`dependent:${d.key}:age`)}
                />
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => change({ dependents: form.dependents.filter((r) => r.key !== d.key) })}
                >
                  {t('removeDependent', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button"
              onClick={() => {
                focusAfterRender.current = '.intake-form .rows-dependent .row:last-of-type input';
                change({ dependents: [...form.dependents, { key: rowKey(), firstName: '', age: '' }] });
              }}
            >
              {t('addDependent')}
            </button>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('sectionFinances')}</legend>
          <div className="grid">
            <ComboField
              label={t('currency')}
              value={form.currency}
              options={CURRENCY_OPTIONS}
              onChange={(e) => change({ currency: e.currentTarget.value })}
              onBlur={leave('finances.currency')}
              error={errorFor('finances.currency')}
            />
            {amount('investableAssets', 'finances.investableAssets', 'investableAssets')}
            {amount('annualIncome', 'finances.annualIncome', 'annualIncome')}
            {amount('monthlySavings', 'finances.monthlySavings', 'monthlySavings')}
            <SelectField
              label={t('riskTolerance')}
              value={form.riskTolerance}
              onChange={(e) => change({ riskTolerance: e.currentTarget.value })}
              onBlur={leave('riskTolerance')}
              error={errorFor('riskTolerance')}
            >
              <option value="">{t('risk_none')}</option>
              {RISK_TOLERANCES.map((r) => (
                <option key={r} value={r}>
                  {t(`risk_${r}`)}
                </option>
              ))}
            </SelectField>
            {text('timeHorizonYears', 'timeHorizonYears', 'timeHorizon', {
              maxLength: BOX_LENGTH.number,
              inputMode: 'numeric',
            })}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('sectionGoals')}</legend>
          <GoalsField
            goals={form.goals}
            onChange={(goals) => change({ goals })}
            error={errorFor('goals')}
            onBlur={leave('goals')}
          />
          <TextAreaField
            label={t('urgentNeed')}
            hint={t('shownWordForWord')}
            value={form.urgentNeed}
            maxLength={BOX_LENGTH.text}
            rows={2}
            onChange={(e) => change({ urgentNeed: e.currentTarget.value })}
            onBlur={leave('urgentNeed')}
            error={errorFor('urgentNeed')}
          />
        </fieldset>

        <fieldset className="card">
          <legend>{t('sectionConcerns')}</legend>
          <h3 className="subhead">{t('concerns')}</h3>
          <p className="field-hint shown-note">{t('shownWordForWord')}</p>
          <div className="rows-concern">{rows('concerns', 'concern', 'concern', 'addConcern', 'removeConcern')}</div>
          <h3 className="subhead">{t('questions')}</h3>
          <p className="field-hint shown-note">{t('questionsShown')}</p>
          <div className="rows-question">
            {rows('questions', 'question', 'question', 'addQuestion', 'removeQuestion')}
          </div>
          <TextAreaField
            label={t('notes')}
            hint={t('notesPrivate')}
            className="field-private"
            value={form.notes}
            maxLength={BOX_LENGTH.longText}
            rows={4}
            onChange={(e) => change({ notes: e.currentTarget.value })}
            onBlur={leave('notes')}
            error={errorFor('notes')}
          />
        </fieldset>

        <fieldset className="card">
          <legend>{t('sectionMeeting')}</legend>
          <div className="grid">
            <TextField
              label={t('meetingStart')}
              type="datetime-local"
              required
              value={form.startsAt}
              onChange={(e) => change({ startsAt: e.currentTarget.value })}
              onBlur={leave('meeting.startsAt')}
              error={errorFor('meeting.startsAt')}
            />
            <ComboField
              label={t('timeZone')}
              hint={t('timeZoneHint')}
              required
              value={form.timeZone}
              options={timeZoneOptions()}
              onChange={(e) => change({ timeZone: e.currentTarget.value })}
              onBlur={leave('meeting.timeZone')}
              error={errorFor('meeting.timeZone')}
            />
            <SelectField
              label={t('meetingFormat')}
              value={form.format}
              onChange={(e) => change({ format: e.currentTarget.value })}
              onBlur={leave('meeting.format')}
              error={errorFor('meeting.format')}
            >
              {MEETING_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`format_${f.replace('-', '_')}` as MessageKey)}
                </option>
              ))}
            </SelectField>
            {text('minutes', 'meeting.minutes', 'meetingLength', {
              maxLength: BOX_LENGTH.number,
              inputMode: 'numeric',
            })}
            <SelectField
              label={t('language')}
              hint={t('languageHint')}
              value={form.locale}
              onChange={(e) => change({ locale: e.currentTarget.value })}
              onBlur={leave('locale')}
              error={errorFor('locale')}
            >
              {localeOptions(form.locale).map((o) => (
                <option key={o.value} value={o.value} lang={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>

        {showAll && other.length > 0 && (
          <div className="notice notice-error" role="alert">
            <h3>{t('otherProblems')}</h3>
            <ul>
              {other.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}

        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('save')}
          </button>
          <button type="button" className="button" onClick={() => void openDeck('deck')}>
            {t('buildDeck')}
          </button>
          <button type="button" className="button" onClick={() => void openDeck('preview')}>
            {t('previewDeck')}
          </button>
          <button type="button" className="button" onClick={() => void openDeck('tablet')}>
            {t('sharePresentOnTablet')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => navigate({ screen: 'prospects' })}>
            {t('back')}
          </button>
          <button type="button" className="button button-danger" onClick={() => void deleteProspect()}>
            {t('deleteProspect')}
          </button>
        </div>
      </form>
      {stage && <SendIntakeForm id={idRef.current} />}
    </section>
  );
}
