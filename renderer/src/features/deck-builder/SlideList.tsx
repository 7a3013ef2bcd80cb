// The deck's slides in order: select one to edit it, reorder by dragging (mouse, finger) or with
// Move up / Move down (keyboard, any pointer), hide the ones the meeting can do without.
// One row at a time is in the Tab order (a roving tab stop): the arrow keys move between rows,
// so reaching the tenth slide is nine presses of ↓, not forty Tabs.
import { useState, type KeyboardEvent } from 'react';
import type { Slide, SlideOption } from '../../../../core/plan/planDeck';
import { useApp } from '../../store';
import { MoveButtons, SortableList, useSortableRow } from '../../ui/Sortable';
import { isLocked } from './deckEdits';
import { LockIcon } from './LockIcon';

interface SlideListProps {
  slides: readonly Slide[];
  hidden: readonly SlideOption[];
  selected: string | undefined;
  /** `byKeyboard`: Enter or Space, so the focus can go straight into the title field. */
  onSelect: (id: string, byKeyboard: boolean) => void;
  onMove: (from: number, to: number) => void;
  onHide: (slide: Slide) => void;
  onShow: (option: SlideOption) => void;
}

/** ↑ ↓ Home End between the rows, to the same control (a title to a title, Hide to Hide). */
function moveAcrossRows(event: KeyboardEvent<HTMLOListElement>): void {
  const keys = ['ArrowUp', 'ArrowDown', 'Home', 'End'];
  if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const control = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
  const row = control?.closest('li');
  if (!control || !row) return;
  const rows = [...event.currentTarget.querySelectorAll<HTMLElement>(':scope > li')];
  const at = rows.indexOf(row);
  const to = event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : at + (event.key === 'ArrowUp' ? -1 : 1);
  const target = rows[to];
  if (!target || to === at) return;
  event.preventDefault();
  const col = control.dataset['col'];
  (
    target.querySelector<HTMLElement>(`[data-col="${col}"]`) ?? target.querySelector<HTMLElement>('[data-col="title"]')
  )?.focus();
}

export function SlideList({ slides, hidden, selected, onSelect, onMove, onHide, onShow }: SlideListProps) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const ids = slides.map((s) => s.id);
  // The row in the Tab order: the last one focused, else the slide being edited.
  const [active, setActive] = useState<string | undefined>(undefined);
  const tabRow = active !== undefined && ids.includes(active) ? active : (selected ?? ids[0]);
  return (
    <div className="db-list">
      <h3 id="db-slides-heading">{t('deckSlides')}</h3>
      <SortableList ids={ids} onMove={onMove}>
        <ol
          className="db-slides"
          aria-label={t('deckSlides')}
          aria-describedby="db-slides-keys"
          onKeyDown={moveAcrossRows}
        >
          {slides.map((slide, i) => (
            <SlideRow
              key={slide.id}
              slide={slide}
              index={i}
              count={slides.length}
              minutes={t('minutes', { n: number.format(slide.minutes) })}
              selected={slide.id === selected}
              inTabOrder={slide.id === tabRow}
              onFocusRow={setActive}
              onSelect={onSelect}
              onMove={onMove}
              onHide={onHide}
            />
          ))}
        </ol>
      </SortableList>
      <p className="db-keys-hint" id="db-slides-keys">
        {t('deckListKeys')}
      </p>
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
                <button
                  type="button"
                  className="button button-small db-text-button"
                  aria-label={t('deckShowSlide')}
                  onClick={() => onShow(option)}
                >
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
  inTabOrder: boolean;
  onFocusRow: (id: string) => void;
  onSelect: (id: string, byKeyboard: boolean) => void;
  onMove: (from: number, to: number) => void;
  onHide: (slide: Slide) => void;
}

function SlideRow({
  slide,
  index,
  count,
  minutes,
  selected,
  inTabOrder,
  onFocusRow,
  onSelect,
  onMove,
  onHide,
}: SlideRowProps) {
  const t = useApp((s) => s.t);
  const { isDragging, row, handle } = useSortableRow(slide.id);
  const locked = isLocked(slide.id);
  const tabIndex = inTabOrder ? 0 : -1;
  return (
    <li
      {...row}
      className={`db-slide${selected ? ' db-selected' : ''}${isDragging ? ' dragging' : ''}`}
      aria-label={slide.title}
      data-slide-id={slide.id}
      onFocus={() => onFocusRow(slide.id)}
    >
      <span className="drag-handle db-handle" {...handle} title={t('deckDrag', { title: slide.title })}>
        ⠿
      </span>
      {/* detail 0: a click made by Enter or Space, not by a pointer. */}
      <button
        type="button"
        className="db-slide-title"
        data-col="title"
        tabIndex={tabIndex}
        aria-current={selected || undefined}
        onClick={(e) => onSelect(slide.id, e.detail === 0)}
      >
        <span className="db-rank" aria-hidden="true">
          {index + 1}
        </span>
        <span className="db-slide-text" dir="auto">
          {slide.title}
        </span>
      </button>
      <span className="db-minutes">{minutes}</span>
      <MoveButtons index={index} count={count} onMove={onMove} tabIndex={tabIndex} columns />
      {locked ? (
        <span className="db-lock" role="img" aria-label={t('deckLocked')}>
          <LockIcon />
        </span>
      ) : (
        <button
          type="button"
          className="button button-small db-text-button"
          data-col="hide"
          tabIndex={tabIndex}
          aria-label={t('deckHideSlide')}
          onClick={() => onHide(slide)}
        >
          {t('deckHide')}
        </button>
      )}
    </li>
  );
}
