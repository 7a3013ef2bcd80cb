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

// The two boxes of a row: the question, then its (longer) answer.
const BOXES = [
  { part: 'text', label: 'question', rows: 2, className: 'wu-q', field: questionField },
  { part: 'answer', label: 'answer', rows: 3, className: 'wu-a', field: answerField },
] as const;

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
          {BOXES.map((box) => (
            <TextAreaField
              key={box.part}
              label={labels[box.label](i + 1)}
              value={q[box.part]}
              rows={box.rows}
              dir="auto"
              className={box.className}
              error={errors.get(box.field(q.key))}
              onChange={(e) => onEdit(q.key, { [box.part]: e.currentTarget.value }, box.field(q.key))}
            />
          ))}
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
