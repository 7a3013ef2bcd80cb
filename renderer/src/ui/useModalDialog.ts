// A modal <dialog> that follows the screen's `open` state: shown with showModal (the page is out of reach,
// the focus stays in it) and closed when the state says so.
import { useEffect, useRef, type SyntheticEvent } from 'react';

/** `shown` runs once each time the dialog opens: it resets the dialog and places the focus. */
export function useModalDialog(open: boolean, shown?: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      shown?.();
    } else if (!open && el.open) el.close();
  }, [open, shown]);
  return dialog;
}

/**
 * Esc, or the dialog closing by itself, goes through the screen's state (`dismiss`) so both stay in step:
 * the dialog does not close on its own.
 */
export function dismissedBy(open: boolean, dismiss: () => void) {
  return {
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
      event.preventDefault();
      dismiss();
    },
    onClose: () => {
      if (open) dismiss();
    },
  };
}
