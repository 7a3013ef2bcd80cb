// The deck's slides in order: select one to edit it, reorder by dragging (mouse, finger) or with
// Move up / Move down (keyboard, any pointer), hide the ones the meeting can do without.
import { closestCenter, DndContext, PointerSensor, TouchSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Slide, SlideOption } from '../../../../core/plan';
import { useApp } from '../../store';
import { isLocked } from './deckEdits';
import { LockIcon } from './LockIcon';

interface SlideListProps {
  slides: readonly Slide[];
  hidden: readonly SlideOption[];
  selected: string | undefined;
  onSelect: (id: string) => void;
  onMove: (from: number, to: number) => void;
  onHide: (slide: Slide) => void;
  onShow: (option: SlideOption) => void;
}

export function SlideList({ slides, hidden, selected, onSelect, onMove, onHide, onShow }: SlideListProps) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }));
  const ids = slides.map((s) => s.id);
  const onDragEnd = (event: DragEndEvent) => {
    const from = ids.indexOf(String(event.active.id));
    const to = event.over ? ids.indexOf(String(event.over.id)) : -1;
    if (from >= 0 && to >= 0 && from !== to) onMove(from, to);
  };
  return (
    <div className="db-list">
      <h3 id="db-slides-heading">{t('deckSlides')}</h3>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="db-slides" aria-label={t('deckSlides')}>
            {slides.map((slide, i) => (
              <SlideRow
                key={slide.id}
                slide={slide}
                index={i}
                count={slides.length}
                minutes={t('minutes', { n: number.format(slide.minutes) })}
                selected={slide.id === selected}
                onSelect={onSelect}
                onMove={onMove}
                onHide={onHide}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p className="db-locked-hint">
        <LockIcon />
        <span>{t('deckLockedHint')}</span>
      </p>
      {hidden.length > 0 && (
        <>
          <h3 id="db-hidden-heading">{t('deckHidden')}</h3>
          <ul className="db-slides db-hidden" aria-labelledby="db-hidden-heading">
            {hidden.map((option) => (
              <li key={option.id} className="db-slide" aria-label={option.title} data-slide-id={option.id}>
                <span className="db-slide-title" dir="auto">
                  <span className="db-slide-text">{option.title}</span>
                </span>
                <span className="db-minutes">{t('minutes', { n: number.format(option.minutes) })}</span>
                <button type="button" className="button button-small db-text-button" aria-label={t('deckShowSlide')} onClick={() => onShow(option)}>
                  {t('deckShow')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface SlideRowProps {
  slide: Slide;
  index: number;
  count: number;
  minutes: string;
  selected: boolean;
  onSelect: (id: string) => void;
  onMove: (from: number, to: number) => void;
  onHide: (slide: Slide) => void;
}

function SlideRow({ slide, index, count, minutes, selected, onSelect, onMove, onHide }: SlideRowProps) {
  const t = useApp((s) => s.t);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: slide.id });
  // The drag handle is for pointers only; keyboard users have the buttons, which say what they do.
  const { role: _role, tabIndex: _tabIndex, ...dragAttributes } = attributes;
  void _role;
  void _tabIndex;
  const locked = isLocked(slide.id);
  return (
    <li
      ref={setNodeRef}
      className={`db-slide${selected ? ' db-selected' : ''}${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      aria-label={slide.title}
      data-slide-id={slide.id}
    >
      <span className="drag-handle db-handle" {...dragAttributes} {...listeners} aria-hidden="true" title={t('deckDrag', { title: slide.title })}>
        ⠿
      </span>
      <button type="button" className="db-slide-title" aria-current={selected || undefined} onClick={() => onSelect(slide.id)}>
        <span className="db-rank" aria-hidden="true">
          {index + 1}
        </span>
        <span className="db-slide-text" dir="auto">
          {slide.title}
        </span>
      </button>
      <span className="db-minutes">{minutes}</span>
      {/* aria-disabled, not disabled: focus stays on the button when the slide reaches the end. */}
      <button type="button" className="button button-small" aria-label={t('moveUp')} aria-disabled={index === 0 || undefined} onClick={() => onMove(index, index - 1)}>
        ↑
      </button>
      <button type="button" className="button button-small" aria-label={t('moveDown')} aria-disabled={index === count - 1 || undefined} onClick={() => onMove(index, index + 1)}>
        ↓
      </button>
      {locked ? (
        <span className="db-lock" role="img" aria-label={t('deckLocked')}>
          <LockIcon />
        </span>
      ) : (
        <button type="button" className="button button-small db-text-button" aria-label={t('deckHideSlide')} onClick={() => onHide(slide)}>
          {t('deckHide')}
        </button>
      )}
    </li>
  );
}
