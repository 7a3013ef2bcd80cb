// Settings beside the profile: the app's language, the win-back delay, the link to Records. Props only.
import type { UiLanguage } from '../../i18n';
import { useApp } from '../../store';
import { SelectField, TextField } from '../../ui/Field';
import { LinkButton } from '../../ui/LinkButton';

export function AppSettingsCards({
  language,
  winBack,
  onLanguage,
  onWinBack,
  onWinBackDone,
}: {
  language: UiLanguage;
  /** The win-back delay in days, as typed. */
  winBack: string;
  onLanguage(language: UiLanguage): void;
  onWinBack(text: string): void;
  /** The advisor left the win-back field: check and keep it. */
  onWinBackDone(): void;
}) {
  const t = useApp((s) => s.t);
  return (
    <>
      <div className="card language-card">
        <SelectField
          label={t('appLanguage')}
          value={language}
          onChange={(e) => onLanguage(e.currentTarget.value as UiLanguage)}
        >
          <option value="en">English</option>
          <option value="fr">Français</option>
        </SelectField>
      </div>
      <div className="card language-card">
        <TextField
          label={t('winBackDays')}
          hint={t('winBackHint')}
          inputMode="numeric"
          value={winBack}
          onChange={(e) => onWinBack(e.currentTarget.value)}
          onBlur={onWinBackDone}
        />
      </div>
      <div className="card language-card">
        <p className="field-hint">{t('recLinkHint')}</p>
        <LinkButton to="records">{t('recLink')}</LinkButton>
      </div>
    </>
  );
}
