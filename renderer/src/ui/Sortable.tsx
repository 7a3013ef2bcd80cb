// A list reordered by dragging (mouse, finger) or with Move up / Move down (keyboard, any pointer):
// the pieces the deck's slide list and the intake's ranked goals share.
import type { ReactNode } from 'react';
import {
  closestCenter,
  DndContext,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useApp } from '../store';

/** Drags the rows of the list inside it; `onMove` gets the row's old and new place. */
export function SortableList({
  ids,
  onMove,
  children,
}: {
  ids: readonly string[];
  onMove: (from: number, to: number) => void;
  children: ReactNode;
}) {
  // A short travel before a drag starts, and a press before a finger drags, so clicks and scrolling stay clicks and scrolling.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
  );
  const onDragEnd = (event: DragEndEvent) => {
    const from = ids.indexOf(String(event.active.id));
    const to = event.over ? ids.indexOf(String(event.over.id)) : -1;
    if (from >= 0 && to >= 0 && from !== to) onMove(from, to);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={[...ids]} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** One draggable row: props for the row (`<li>`) and for its drag handle. */
export function useSortableRow(id: string) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  // The drag handle is for pointers only; keyboard users have the buttons, which say what they do.
  const { role: _role, tabIndex: _tabIndex, ...dragAttributes } = attributes;
  void _role;
  void _tabIndex;
  return {
    isDragging,
    row: { ref: setNodeRef, style: { transform: CSS.Transform.toString(transform), transition } },
    handle: { ...dragAttributes, ...listeners, 'aria-hidden': true as const },
  };
}

/**
 * Move up / Move down for the row at `index`. `tabIndex` and `columns` (data-col="up" / "down") serve a list
 * with a roving tab stop.
 */
export function MoveButtons({
  index,
  count,
  onMove,
  tabIndex,
  columns = false,
}: {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  tabIndex?: number;
  columns?: boolean;
}) {
  const t = useApp((s) => s.t);
  const button = (col: 'up' | 'down', to: number, disabled: boolean, label: string, arrow: string) => (
    // aria-disabled, not disabled: focus stays on the button when the row reaches the end.
    <button
      type="button"
      className="button button-small"
      {...(columns ? { 'data-col': col } : {})}
      tabIndex={tabIndex}
      aria-label={label}
      aria-disabled={disabled || undefined}
      onClick={() => onMove(index, to)}
    >
      {arrow}
    </button>
  );
  return (
    <>
      {button('up', index - 1, index === 0, t('moveUp'), '↑')}
      {button('down', index + 1, index === count - 1, t('moveDown'), '↓')}
    </>
  );
}
