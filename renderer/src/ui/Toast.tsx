// One message at a time, read out politely, with an optional action (Undo).
import { useEffect } from 'react';
import { useApp } from '../store';
import './toast.css';

export function ToastRegion() {
  const toast = useApp((s) => s.toast);
  const dismiss = useApp((s) => s.dismissToast);
  const t = useApp((s) => s.t);
  useEffect(() => {
    if (!toast) return;
    // Long enough to reach Undo; a message with an action stays until used or closed.
    if (toast.action) return;
    const timer = setTimeout(dismiss, 6000);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="button button-light"
              onClick={() => {
                toast.action?.run();
                dismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="button button-ghost-light" onClick={dismiss}>
            {t('close')}
          </button>
        </div>
      )}
    </div>
  );
}
