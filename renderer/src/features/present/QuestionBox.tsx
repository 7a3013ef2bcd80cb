// Catching a question the prospect asks: a large box an on-screen keyboard can fill, kept with
// Save question or Enter (Shift+Enter starts a new line). A modal <dialog>: the focus stays in it,
// Esc closes it, and the focus goes back to Add question.
import { useCallback, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../../core/text/limits';
import { useApp } from '../../store';
import { useModalDialog } from '../../ui/useModalDialog';
import { DialogHeading } from './DialogHeading';

export function QuestionBox({
  open,
  slideTitle,
  onSave,
  onClose,
}: {
  open: boolean;
  slideTitle: string | undefined;
  onSave: (text: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const t = useApp((s) => s.t);
  const input = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Each opening starts empty, ready to type.
  const dialog = useModalDialog(open, {
    title: 'present-question-title',
    shown: useCallback(() => {
      setText('');
      setProblem(null);
      input.current?.focus();
    }, []),
    dismiss: onClose,
  });

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving || text.trim() === '') return;
    setSaving(true);
    const error = await onSave(text);
    setSaving(false);
    if (error) setProblem(error);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter keeps the question (an on-screen keyboard's Return key too); Shift+Enter is a new line.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <dialog {...dialog} className="present-question-box">
      <form onSubmit={(event) => void save(event)} className="present-question-form">
        <DialogHeading id="present-question-title">{t('presentAddQuestion')}</DialogHeading>
        <label htmlFor="present-question" className="present-question-label">
          {t('presentQuestion')}
        </label>
        <textarea
          ref={input}
          id="present-question"
          className="present-question-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          rows={4}
          maxLength={LIMITS.text}
          enterKeyHint="done"
          autoComplete="off"
          autoCapitalize="sentences"
          spellCheck
          dir="auto"
          aria-describedby="present-question-hint"
          aria-invalid={problem ? true : undefined}
        />
        <p id="present-question-hint" className="present-question-hint">
          {slideTitle ? t('presentQuestionHint', { slide: slideTitle }) : t('presentQuestionHintNoSlide')}
        </p>
        {problem && (
          <p role="alert" className="present-question-problem">
            {t('presentQuestionFailed', { e: problem })}
          </p>
        )}
        <div className="present-question-actions">
          <button type="button" className="present-button" onClick={onClose}>
            {t('presentCancel')}
          </button>
          <button
            type="submit"
            className="present-button present-button-primary"
            disabled={saving || text.trim() === ''}
          >
            {t('presentSaveQuestion')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
