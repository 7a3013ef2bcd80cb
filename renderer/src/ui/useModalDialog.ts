// A modal <dialog> that follows the screen's `open` state: shown with showModal (the page is out of reach,
// the focus stays in it) and closed when the state says so.
import { useEffect, useRef, type SyntheticEvent } from 'react';

/**
 * The dialog's props: its ref, and its name and description by the ids of its title and text.
 * `shown` runs once each time the dialog opens: it resets the dialog and places the focus.
 * With `dismiss`, Esc (or the dialog closing by itself) goes through the screen's state so both stay in
 * step: the dialog does not close on its own.
 */
export function useModalDialog(
  open: boolean,
  { title, text, shown, dismiss }: { title: string; text?: string; shown?: () => void; dismiss?: () => void },
) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      shown?.();
    } else if (!open && el.open) el.close();
  }, [open, shown]);
  return {
    ref,
    'aria-labelledby': title,
    'aria-describedby': text,
    ...(dismiss && {
      onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
        event.preventDefault();
        dismiss();
      },
      onClose: () => {
        if (open) dismiss();
      },
    }),
  };
}
