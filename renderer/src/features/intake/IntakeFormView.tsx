// The intake form itself: its cards, the problems that have no field of their own, then Save,
// Build deck, Preview deck, Present on tablet, Back and Delete. Props only.
import type { Problem } from '../../../../core/validation';
import { useApp } from '../../store';
import { ProblemsAlert } from '../../ui/ProblemsAlert';
import type { FormBinding } from './IntakeFields';
import { MeetingSection } from './MeetingSection';
import { PeopleSections } from './PeopleSections';
import { PlanSections } from './PlanSections';

export function IntakeFormView({
  bind,
  autofocus,
  other,
  showAll,
  onSave,
  onOpenDeck,
  onBack,
  onDelete,
}: {
  bind: FormBinding;
  autofocus: boolean;
  /** Problems the app layer found that no field shows. */
  other: Problem[];
  showAll: boolean;
  onSave(): void;
  onOpenDeck(screen: 'preview' | 'deck' | 'tablet'): void;
  onBack(): void;
  onDelete(): void;
}) {
  const t = useApp((s) => s.t);
  return (
    <form
      className="intake-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <PeopleSections bind={bind} autofocus={autofocus} />
      <PlanSections bind={bind} />
      <MeetingSection bind={bind} />

      {showAll && other.length > 0 && <ProblemsAlert title={t('otherProblems')} problems={other} />}

      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('save')}
        </button>
        <button type="button" className="button" onClick={() => onOpenDeck('deck')}>
          {t('buildDeck')}
        </button>
        <button type="button" className="button" onClick={() => onOpenDeck('preview')}>
          {t('previewDeck')}
        </button>
        <button type="button" className="button" onClick={() => onOpenDeck('tablet')}>
          {t('sharePresentOnTablet')}
        </button>
        <button type="button" className="button button-quiet" onClick={onBack}>
          {t('back')}
        </button>
        <button type="button" className="button button-danger" onClick={onDelete}>
          {t('deleteProspect')}
        </button>
      </div>
    </form>
  );
}
