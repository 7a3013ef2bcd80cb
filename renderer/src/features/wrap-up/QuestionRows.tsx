// The wrap-up's question rows, each a question and its answer: the ones asked in the meeting,
// and (with their own labels, so each field's name says which) those the prospect sent before.
import { useApp } from '../../store';
import { TextAreaField } from '../../ui/Field';
import { answerField, questionField, type QuestionRow } from './model';

export interface QuestionRowLabels {
  question: (n: number) => string;
  answer: (n: number) => string;
  remove: (n: number) => string;
}

export function QuestionRows({
  rows,
  labels,
  errors,
  titles,
  onEdit,
  onRemove,
}: {
  rows: readonly QuestionRow[];
  labels: QuestionRowLabels;
  errors: ReadonlyMap<string, string>;
  titles: ReadonlyMap<string, string>;
  onEdit: (key: string, patch: Partial<{ text: string; answer: string }>, field: string) => void;
  onRemove: (key: string) => void;
}) {
  const t = useApp((s) => s.t);
  if (rows.length === 0) return null;
  return (
    <ol className="wu-qa-list">
      {rows.map((q, i) => (
        <li key={q.key} className="wu-qa" data-key={q.key}>
          <TextAreaField
            label={labels.question(i + 1)}
            value={q.text}
            rows={2}
            dir="auto"
            className="wu-q"
            error={errors.get(questionField(q.key))}
            onChange={(e) => onEdit(q.key, { text: e.currentTarget.value }, questionField(q.key))}
          />
          <TextAreaField
            label={labels.answer(i + 1)}
            value={q.answer}
            rows={3}
            dir="auto"
            className="wu-a"
            error={errors.get(answerField(q.key))}
            onChange={(e) => onEdit(q.key, { answer: e.currentTarget.value }, answerField(q.key))}
          />
          <div className="wu-qa-foot">
            {q.before && <span className="small muted wu-asked-before">{t('wuAskedBefore')}</span>}
            {q.slideId && (
              <span className="small muted">{t('wuAskedOn', { slide: titles.get(q.slideId) ?? q.slideId })}</span>
            )}
            <button type="button" className="button button-quiet" onClick={() => onRemove(q.key)}>
              {labels.remove(i + 1)}
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
