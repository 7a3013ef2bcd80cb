// Goals: tick what matters; the ticked goals form a ranked list (first = leads the deck) that
// is reordered by dragging (mouse, finger) or with Move up / Move down (keyboard, any pointer).
import {
  closestCenter,
  DndContext,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GOALS, type Goal } from '../../../../core/intake/intake';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';

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
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
  );
  const move = (from: number, to: number) => {
    if (to < 0 || to >= goals.length) return;
    onChange(arrayMove(goals, from, to));
  };
  const onDragEnd = (event: DragEndEvent) => {
    const from = goals.indexOf(event.active.id as Goal);
    const to = event.over ? goals.indexOf(event.over.id as Goal) : -1;
    if (from >= 0 && to >= 0 && from !== to) move(from, to);
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
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={goals} strategy={verticalListSortingStrategy}>
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
          </SortableContext>
        </DndContext>
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
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: goal });
  // The drag handle is for pointers only; keyboard users have the buttons, which say what they do.
  const { role: _role, tabIndex: _tabIndex, ...dragAttributes } = attributes;
  void _role;
  void _tabIndex;
  return (
    <li
      ref={setNodeRef}
      className={`ranked-goal${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      aria-label={label}
    >
      <span
        className="drag-handle"
        {...dragAttributes}
        {...listeners}
        aria-hidden="true"
        title={t('dragGoal', { goal: label })}
      >
        ⠿
      </span>
      <span className="rank">{index + 1}</span>
      <span className="ranked-label">{label}</span>
      {/* aria-disabled, not disabled: focus stays on the button when the goal reaches the end. */}
      <button
        type="button"
        className="button button-small"
        aria-label={t('moveUp')}
        aria-disabled={index === 0 || undefined}
        onClick={() => move(index, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label={t('moveDown')}
        aria-disabled={index === count - 1 || undefined}
        onClick={() => move(index, index + 1)}
      >
        ↓
      </button>
    </li>
  );
}
