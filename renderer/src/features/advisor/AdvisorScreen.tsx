// Settings: the app language and the advisor's profile (<data>/advisor.json in the CLI's
// advisor format). Decks are built only from a valid profile; the sample is never used here.
import { useEffect, useState } from 'react';
import { checkAdvisor } from '../../../../core/advisor/advisor';
import type { Problem } from '../../../../core/validation';
import type { MessageKey } from '../../i18n';
import { useMutation } from '../../data/useQuery';
import { useApp } from '../../store';
import { ComboField, TextAreaField, TextField } from '../../ui/Field';
import { timeZoneOptions } from '../../ui/timeZones';
import { AppSettingsCards } from './AppSettingsCards';
import { BrandColours } from './BrandColours';
import { LogoRow } from './LogoRow';
import { emptyProfile, fromAdvisor, toAdvisor, type ProfileForm } from './model';
import './advisor.css';

export function AdvisorScreen() {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  const notify = useApp((s) => s.notify);
  const navigate = useApp((s) => s.navigate);
  const returnTo = useApp((s) => s.returnTo);
  const setProfileReady = useApp((s) => s.setProfileReady);
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [logo, setLogo] = useState<string | undefined>();
  const [diskProblems, setDiskProblems] = useState<Problem[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [logoProblem, setLogoProblem] = useState<string | undefined>();
  const [winBack, setWinBack] = useState<string>('');
  const saveWinBack = useMutation((days: number) => api['settings:set']({ winBackDays: days }));

  useEffect(() => {
    void api['settings:get']().then((result) => {
      if (result.ok) setWinBack(String(result.value.winBackDays));
    });
  }, [api]);

  useEffect(() => {
    void api['advisor:get']().then((result) => {
      if (!result.ok) return notify(t('error', { e: result.error }));
      setForm(result.value.advisor ? fromAdvisor(result.value.advisor) : emptyProfile());
      setDiskProblems(result.value.problems);
      setLogo(result.value.logo);
    });
  }, [api, notify, t]);

  if (!form) return <p className="muted">…</p>;

  const checked = checkAdvisor(toAdvisor(form));
  const problems = new Map<string, string>();
  if (!checked.ok)
    for (const p of checked.problems)
      if (!problems.has(p.path.replace(/\[\d+\]$/, ''))) problems.set(p.path.replace(/\[\d+\]$/, ''), p.message);
  const errorFor = (path: string) => (showAll || touched.has(path) ? problems.get(path) : undefined);
  const leave = (path: string) => () => setTouched((prev) => new Set(prev).add(path));
  const change = (patch: Partial<ProfileForm>) => setForm({ ...form, ...patch });
  const field = (
    key: keyof ProfileForm,
    path: string,
    label: MessageKey,
    extra: { required?: boolean; type?: string; hint?: string } = {},
  ) => (
    <TextField
      label={t(label)}
      value={form[key]}
      onChange={(e) => change({ [key]: e.currentTarget.value })}
      onBlur={leave(path)}
      error={errorFor(path)}
      {...extra}
    />
  );

  const save = async () => {
    if (!checked.ok) {
      setShowAll(true);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.advisor-form [aria-invalid="true"]')?.focus());
      return;
    }
    const result = await api['advisor:save']({ advisor: toAdvisor(form) });
    if (!result.ok) return notify(t('error', { e: result.error }));
    if (!result.value.saved) {
      setShowAll(true);
      return notify(result.value.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    }
    setDiskProblems(result.value.value.problems);
    setLogo(result.value.value.logo);
    setProfileReady(result.value.value.problems.length === 0, form.timeZone.trim() || undefined);
    notify(t('profileSaved'));
    // Back to where the advisor came from: the deck they were building, the prospect, the list.
    if (returnTo) navigate(returnTo);
  };

  const pickLogo = async (file: File | undefined) => {
    if (!file) return;
    setLogoProblem(undefined);
    if (file.size > 2 * 1024 * 1024) return setLogoProblem('is too large: at most 2 MB');
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const result = await api['advisor:logo']({ name: file.name.slice(0, 300), base64: btoa(binary) });
    if (!result.ok) return notify(t('error', { e: result.error }));
    if (!result.value.saved) return setLogoProblem(result.value.problems.map((p) => p.message).join('; '));
    change({ logo: result.value.value.file });
    setLogo(result.value.value.dataUrl);
  };

  return (
    <section className="screen" aria-labelledby="settings-title">
      <div className="screen-head">
        <h2 id="settings-title">{t('settingsTitle')}</h2>
      </div>
      <form
        className="advisor-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="card">
          <legend>{t('advisorProfile')}</legend>
          <p className="field-hint">{t('advisorProfileHint')}</p>
          {diskProblems.length > 0 && (
            <div className="notice notice-error">
              <p>{t('profileProblems', { n: diskProblems.length })}</p>
              <ul>
                {diskProblems.map((p, i) => (
                  <li key={i}>
                    <code>{p.path}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="grid">
            {field('name', 'name', 'advisorName', { required: true })}
            {field('title', 'title', 'advisorTitle')}
            {field('firm', 'firm', 'firm', { required: true })}
            {field('credentials', 'credentials', 'credentials', { hint: t('credentialsHint') })}
            {field('email', 'email', 'email', { required: true, type: 'email' })}
            {field('phone', 'phone', 'phone', { type: 'tel' })}
            {field('website', 'website', 'website', { type: 'url' })}
          </div>
          <LogoRow
            logo={logo}
            chosen={form.logo !== ''}
            problem={logoProblem}
            onPick={(file) => void pickLogo(file)}
            onRemove={() => {
              change({ logo: '' });
              setLogo(undefined);
            }}
          />
          <BrandColours
            primary={form.primary}
            accent={form.accent}
            errorFor={errorFor}
            leave={leave}
            onChange={(patch) => change(patch)}
          />
          <ComboField
            label={t('advisorTimeZone')}
            hint={t('advisorTimeZoneHint')}
            value={form.timeZone}
            options={timeZoneOptions()}
            onChange={(e) => change({ timeZone: e.currentTarget.value })}
            onBlur={leave('timeZone')}
            error={errorFor('timeZone')}
          />
          <TextAreaField
            label={t('disclosure')}
            required
            rows={5}
            value={form.disclosure}
            onChange={(e) => change({ disclosure: e.currentTarget.value })}
            onBlur={leave('disclosure')}
            error={errorFor('disclosure')}
          />
          <div className="grid">
            <TextField
              label={t('preferredTime')}
              type="time"
              value={form.preferredTime}
              onChange={(e) => change({ preferredTime: e.currentTarget.value })}
              onBlur={leave('followUp.preferredTime')}
              error={errorFor('followUp.preferredTime')}
            />
            <TextAreaField
              label={t('holidays')}
              hint={t('holidaysHint')}
              rows={3}
              value={form.holidays}
              onChange={(e) => change({ holidays: e.currentTarget.value })}
              onBlur={leave('followUp.holidays')}
              error={errorFor('followUp.holidays')}
            />
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('save')}
          </button>
        </div>
      </form>
      <AppSettingsCards
        language={language}
        winBack={winBack}
        onLanguage={setLanguage}
        onWinBack={setWinBack}
        onWinBackDone={() => {
          const days = Number(winBack);
          if (!Number.isInteger(days) || days < 0 || days > 730) return notify(t('winBackInvalid'));
          void saveWinBack.run(days).then((r) => (r.ok ? notify(t('saved')) : notify(t('error', { e: r.error }))));
        }}
      />
    </section>
  );
}
