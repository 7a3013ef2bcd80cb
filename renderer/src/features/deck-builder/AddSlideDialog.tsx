// "Add slide": what the recipe holds for this prospect that is not in the deck, each with its
// time. A modal dialog: focus moves into it, Escape closes it, and every choice is a large button.
import type { SlideOption } from '../../../../core/plan/planDeck';
import { useApp } from '../../store';
import { useModalDialog } from '../../ui/useModalDialog';

export function AddSlideDialog({
  open,
  options,
  onPick,
  onClose,
}: {
  open: boolean;
  options: readonly SlideOption[];
  onPick: (option: SlideOption) => void;
  onClose: () => void;
}) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const dialog = useModalDialog(open, { title: 'db-add-title', text: 'db-add-hint' });

  return (
    <dialog {...dialog} className="db-dialog" onClose={onClose}>
      <h3 id="db-add-title">{t('deckAddTitle')}</h3>
      <p id="db-add-hint" className="muted">
        {options.length > 0 ? t('deckAddHint') : t('deckNothingToAdd')}
      </p>
      {options.length > 0 && (
        <ul className="db-options">
          {options.map((option) => (
            <li key={option.id}>
              <button type="button" className="button db-option" onClick={() => onPick(option)}>
                <span className="db-slide-text" dir="auto">
                  {option.title}
                </span>
                <span className="db-minutes">{t('minutes', { n: number.format(option.minutes) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
