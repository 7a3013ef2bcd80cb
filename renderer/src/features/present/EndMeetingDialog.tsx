// End meeting asks first: ending is final (the wrap-up comes next), and the button sits beside
// Full screen. A modal <dialog>: the focus stays in it, Esc (or Keep presenting) goes back to the
// meeting, and the focus starts on Keep presenting so a stray Enter does not end it either.
import { useCallback, useRef, type KeyboardEvent } from 'react';
import { useApp } from '../../store';
import { useModalDialog } from '../../ui/useModalDialog';
import { DialogHeading } from './DialogHeading';

export function EndMeetingDialog({
  open,
  ending,
  onEnd,
  onKeep,
}: {
  open: boolean;
  ending: boolean;
  onEnd: () => void;
  onKeep: () => void;
}) {
  const t = useApp((s) => s.t);
  const keep = useRef<HTMLButtonElement>(null);
  const end = useRef<HTMLButtonElement>(null);

  // A modal dialog keeps the page out of reach, but Tab would still leave for the browser's own
  // controls: two buttons, so Tab and Shift+Tab go from one to the other.
  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    event.preventDefault();
    (document.activeElement === keep.current && !end.current?.disabled ? end : keep).current?.focus();
  };

  // Esc: keep presenting.
  const dialog = useModalDialog(open, {
    title: 'present-end-title',
    text: 'present-end-text',
    shown: useCallback(() => keep.current?.focus(), []),
    dismiss: onKeep,
  });

  return (
    <dialog {...dialog} className="present-question-box present-end-dialog" onKeyDown={trapTab}>
      <div className="present-question-form">
        <DialogHeading id="present-end-title">{t('presentEndTitle')}</DialogHeading>
        <p id="present-end-text" className="present-question-hint">
          {t('presentEndText')}
        </p>
        <div className="present-question-actions">
          <button ref={keep} type="button" className="present-button" onClick={onKeep}>
            {t('presentKeepPresenting')}
          </button>
          <button
            ref={end}
            type="button"
            className="present-button present-button-primary"
            onClick={onEnd}
            disabled={ending}
          >
            {t('presentEndConfirm')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
