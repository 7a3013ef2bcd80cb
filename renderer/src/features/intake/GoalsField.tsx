// Goals: tick what matters; the ticked goals form a ranked list (first = leads the deck) that
// is reordered by dragging (mouse, finger) or with Move up / Move down (keyboard, any pointer).
import { arrayMove } from '@dnd-kit/sortable';
import { GOALS, type Goal } from '../../../../core/intake/intake';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { MoveButtons, SortableList, useSortableRow } from '../../ui/Sortable';

const GOAL_LABEL: Record<Goal, MessageKey> = {
  retirement: 'goal_retirement',
  education: 'goal_education',
  home: 'goal_home',
  estate: 'goal_estate',
  tax: 'goal_tax',
  protection: 'goal_protection',
  business: 'goal_business',
  debt: 'goal_debt',
  cashflow: 'goal_cashflow',
  charity: 'goal_charity',
  portfolio: 'goal_portfolio',
};

export function GoalsField({
  goals,
  onChange,
  error,
  onBlur,
}: {
  goals: Goal[];
  onChange: (goals: Goal[]) => void;
  error?: string | undefined;
  onBlur: () => void;
}) {
  const t = useApp((s) => s.t);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= goals.length) return;
    onChange(arrayMove(goals, from, to));
  };
  return (
    <div className={`goals${error ? ' field-invalid' : ''}`} data-path="goals">
      <fieldset aria-describedby={`goals-hint${error ? ' goals-error' : ''}`} onBlur={onBlur}>
        <legend>{t('goalsPick')}</legend>
        <p className="field-hint" id="goals-hint">
          {t('goalsHint')}
        </p>
        <div className="goal-boxes">
          {GOALS.map((goal) => (
            <label key={goal} className="check">
              <input
                type="checkbox"
                checked={goals.includes(goal)}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onChange(e.currentTarget.checked ? [...goals, goal] : goals.filter((g) => g !== goal))}
              />
              <span>{t(GOAL_LABEL[goal])}</span>
            </label>
          ))}
        </div>
        {error && (
          <p className="field-error" id="goals-error">
            {error}
          </p>
        )}
      </fieldset>
      <h4 id="goals-ranked">{t('goalsRanked')}</h4>
      {goals.length === 0 ? (
        <p className="muted">{t('noGoals')}</p>
      ) : (
        <SortableList ids={goals} onMove={move}>
          <ol className="ranked" aria-labelledby="goals-ranked">
            {goals.map((goal, i) => (
              <RankedGoal
                key={goal}
                goal={goal}
                label={t(GOAL_LABEL[goal])}
                index={i}
                count={goals.length}
                move={move}
              />
            ))}
          </ol>
        </SortableList>
      )}
    </div>
  );
}

function RankedGoal({
  goal,
  label,
  index,
  count,
  move,
}: {
  goal: Goal;
  label: string;
  index: number;
  count: number;
  move: (from: number, to: number) => void;
}) {
  const t = useApp((s) => s.t);
  const { isDragging, row, handle } = useSortableRow(goal);
  return (
    <li {...row} className={`ranked-goal${isDragging ? ' dragging' : ''}`} aria-label={label}>
      <span className="drag-handle" {...handle} title={t('dragGoal', { goal: label })}>
        ⠿
      </span>
      <span className="rank">{index + 1}</span>
      <span className="ranked-label">{label}</span>
      <MoveButtons index={index} count={count} onMove={move} />
    </li>
  );
}
