// The wrap-up form: the meeting as it went, the questions and answers, the notes and the
// follow-up time. Problems show at their fields (aria-invalid, aria-describedby), the first one
// focused; what the advisor types is kept in the window at every change.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { WrapUpOutcome } from '../../../../core/api';
import type { Problem } from '../../../../core/validation';
import { useApp } from '../../store';
import { prepare, problemsByField, rowKey, writeDraft, type WrapUpData, type WrapUpForm } from './model';
import { QuestionRows } from './QuestionRows';
import { WrapUpResult } from './WrapUpResult';
import { StaleAlert } from '../../ui/StaleAlert';
import { ProblemsAlert } from '../../ui/ProblemsAlert';
import { AfterCard } from './AfterCard';
import { MeetingCard } from './MeetingCard';

type Done = Extract<WrapUpOutcome, { done: true }>;

export function WrapUpFormView({
  id,
  data,
  result,
  onResult,
  onReload,
}: {
  id: string;
  data: WrapUpData;
  result: Done | null;
  onResult: (r: Done) => void;
  onReload: () => void;
}) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const loadProspects = useApp((s) => s.loadProspects);
  const [form, setForm] = useState<WrapUpForm>(data.initial);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [other, setOther] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [focusTick, setFocusTick] = useState(0);
  const focusAfterRender = useRef<string | null>(null);
  // The revision of the meeting's files this form is based on; each wrap-up of this window moves it on.
  const revision = useRef(data.revision);
  const [stale, setStale] = useState(false);
  const { plan, live, setup, proposed } = data;
  const zone = setup.intake.meeting.timeZone;
  const startedAt = live?.startedAt ?? null;

  useLayoutEffect(() => {
    if (!focusAfterRender.current) return;
    document.querySelector<HTMLElement>(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  useEffect(() => {
    if (focusTick === 0) return;
    document.querySelector<HTMLElement>('.wu-form [aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const titles = useMemo(() => new Map(plan.deck.slides.map((s) => [s.id, s.title])), [plan]);
  const change = (next: WrapUpForm, clear?: string) => {
    setForm(next);
    writeDraft(id, startedAt, next);
    if (clear && errors.has(clear)) {
      const rest = new Map(errors);
      rest.delete(clear);
      setErrors(rest);
    }
  };
  const editRow = (key: string, patch: Partial<{ text: string; answer: string }>, field: string) =>
    change({ ...form, questions: form.questions.map((q) => (q.key === key ? { ...q, ...patch } : q)) }, field);

  // The removed row's place: Add question keeps the keyboard in the form.
  const removeRow = (key: string) => {
    focusAfterRender.current = '.wu-add-question';
    change({ ...form, questions: form.questions.filter((r) => r.key !== key) });
  };

  const submit = async () => {
    if (busy) return;
    const prepared = prepare(form, { questionBlank: t('wuQuestionBlank'), followUpRequired: t('wuFollowUpRequired') });
    setFailure(null);
    if (!prepared.ok) {
      setErrors(prepared.errors);
      setOther([]);
      setFocusTick((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const outcome = await api['meeting:wrapUp']({ id, ...prepared.input, revision: revision.current });
      if (!outcome.ok) {
        if (outcome.code === 'stale') setStale(true);
        else setFailure(outcome.error);
        return;
      }
      if (!outcome.value.done) {
        const mapped = problemsByField(outcome.value.problems, prepared.sent);
        setErrors(mapped.fields);
        setOther(mapped.other);
        if (mapped.fields.size) setFocusTick((n) => n + 1);
        return;
      }
      setErrors(new Map());
      setOther([]);
      revision.current = outcome.value.revision;
      onResult(outcome.value);
      setAttempt((n) => n + 1);
      void loadProspects();
    } finally {
      setBusy(false);
    }
  };

  const email = setup.intake.prospect.email;
  const phone = setup.intake.prospect.phone;
  const channelLine = email
    ? t('wuChannelEmail', { email })
    : phone
      ? t('wuChannelCall', { phone })
      : t('wuChannelNone');

  return (
    <>
      {result && <WrapUpResult id={id} result={result} prospectName={plan.prospect.fullName} attempt={attempt} />}
      <form
        className="wu-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <MeetingCard data={data} titles={titles} />

        {form.questions.some((q) => q.before) && (
          <fieldset className="card wu-questions wu-questions-before">
            <legend>{t('wuSentQuestions')}</legend>
            <p className="field-hint">{t('wuSentQuestionsHint')}</p>
            <QuestionRows
              rows={form.questions.filter((q) => q.before)}
              labels={{
                question: (n) => t('wuSentQuestion', { n }),
                answer: (n) => t('wuSentAnswer', { n }),
                remove: (n) => t('wuRemoveSentQuestion', { n }),
              }}
              errors={errors}
              titles={titles}
              onEdit={editRow}
              onRemove={removeRow}
            />
          </fieldset>
        )}

        <fieldset className="card wu-questions">
          <legend>{t('wuQuestions')}</legend>
          <p className="field-hint">{t('wuQuestionsHint')}</p>
          {!form.questions.some((q) => !q.before) && <p className="muted">{t('wuNoQuestions')}</p>}
          <QuestionRows
            rows={form.questions.filter((q) => !q.before)}
            labels={{
              question: (n) => t('wuQuestion', { n }),
              answer: (n) => t('wuAnswer', { n }),
              remove: (n) => t('wuRemoveQuestion', { n }),
            }}
            errors={errors}
            titles={titles}
            onEdit={editRow}
            onRemove={removeRow}
          />
          <button
            type="button"
            className="button wu-add-question"
            onClick={() => {
              const key = rowKey();
              // The new question's box takes the focus, so typing goes on without reaching for it.
              focusAfterRender.current = `.wu-qa[data-key="${key}"] .wu-q textarea`;
              change({ ...form, questions: [...form.questions, { key, text: '', answer: '' }] });
            }}
          >
            {t('wuAddQuestion')}
          </button>
        </fieldset>

        <AfterCard
          form={form}
          errors={errors}
          zone={zone}
          proposed={proposed?.local}
          channel={channelLine}
          onChange={(patch, field) => change({ ...form, ...patch }, field)}
        />

        {other.length > 0 && <ProblemsAlert title={t('wuOtherProblems')} problems={other} />}
        {stale && <StaleAlert onReload={onReload} />}
        {failure && (
          <p className="notice notice-error" role="alert">
            {t('error', { e: failure })}
          </p>
        )}

        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('wuCreate')}
          </button>
          <p className="draft-state" role="status">
            {busy ? t('wuCreating') : errors.size ? t('wuFixProblems', { n: errors.size }) : ''}
          </p>
        </div>
      </form>
    </>
  );
}
