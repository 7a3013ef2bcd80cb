// The words of one slide: title, points (one per line) and speaker notes. Each keystroke is an
// edit of the deck, applied to the preview at once and saved. The disclosure and a chart's
// hypothetical legend and assumptions are not fields here: they are locked (see LockedNotes).
import { useState } from 'react';
import { slideEditSchema, type SlideEdit } from '../../../../core/plan/deckChanges';
import type { Slide } from '../../../../core/plan/planDeck';
import { useApp } from '../../store';
import { TextAreaField, TextField } from '../../ui/Field';
import { LockIcon } from './LockIcon';

const POINT_CHARS = 110;

interface SlideEditorProps {
  slide: Slide;
  /** The advisor's words so far for this slide, if any. */
  edit: SlideEdit | undefined;
  /** As many points as the slide's layout draws (core/plan/planDeck pointsShown): no more offered. */
  maxPoints: number;
  onEdit: (edit: SlideEdit, field: 'title' | 'points' | 'notes') => void;
  onReset: () => void;
}

export function SlideEditor({ slide, edit, maxPoints, onEdit, onReset }: SlideEditorProps) {
  const t = useApp((s) => s.t);
  // What the fields show: the advisor's words, else the plan's (the plan already carries the edit).
  const [title, setTitle] = useState(edit?.title ?? slide.title);
  const [points, setPoints] = useState((edit?.points ?? slide.points).slice(0, maxPoints).join('\n'));
  const [notes, setNotes] = useState(edit?.notes ?? slide.notes);
  const [problems, setProblems] = useState<Partial<Record<'title' | 'points' | 'notes', string>>>({});

  const pointsProblem = (text: string): string | undefined => {
    const lines = text.split('\n');
    if (lines.length > maxPoints) return t('deckPointsTooMany', { n: lines.length, max: maxPoints });
    const long = lines.findIndex((line) => [...line.trim()].length > POINT_CHARS);
    return long >= 0 ? t('deckPointTooLong', { n: long + 1 }) : undefined;
  };

  const change = (field: 'title' | 'points' | 'notes', value: string) => {
    const next = { title, points, notes, [field]: value };
    setTitle(next.title);
    setPoints(next.points);
    setNotes(next.notes);
    const candidate: SlideEdit = { ...edit, [field]: field === 'points' ? value.split('\n') : value };
    const own = field === 'points' ? pointsProblem(value) : undefined;
    const checked = own ? undefined : slideEditSchema.safeParse(candidate);
    const problem = own ?? (checked && !checked.success ? checked.error.issues[0]?.message : undefined);
    setProblems((prev) => ({ ...prev, [field]: problem }));
    // A word too many is shown at its field and not applied: the deck stays one the CLI accepts.
    if (!problem) onEdit(candidate, field);
  };

  return (
    // The focus lands here when a slide is chosen with a pointer (a tablet's keyboard stays closed).
    <div className="db-editor" role="group" aria-labelledby="db-words-heading" tabIndex={-1}>
      <TextField
        label={t('deckSlideTitle')}
        hint={t('deckTitleHint')}
        value={title}
        maxLength={80}
        dir="auto"
        error={problems.title}
        onChange={(e) => change('title', e.currentTarget.value)}
      />
      {maxPoints > 0 ? (
        <TextAreaField
          label={t('deckPoints')}
          hint={t('deckPointsHint', { max: maxPoints })}
          value={points}
          rows={Math.min(5, maxPoints)}
          dir="auto"
          error={problems.points}
          onChange={(e) => change('points', e.currentTarget.value)}
        />
      ) : (
        <p className="field-hint">{t('deckNoPoints')}</p>
      )}
      <TextAreaField
        label={t('deckNotes')}
        hint={t('deckNotesHint')}
        value={notes}
        rows={5}
        maxLength={5000}
        dir="auto"
        error={problems.notes}
        onChange={(e) => change('notes', e.currentTarget.value)}
      />
      {edit !== undefined && (
        <button type="button" className="button button-quiet" onClick={onReset}>
          {t('deckResetWords')}
        </button>
      )}
    </div>
  );
}

/** What of this slide the advisor cannot reword, said where they look: under the slide. */
export function LockedNotes({ slide }: { slide: Slide }) {
  const t = useApp((s) => s.t);
  return (
    <>
      {slide.layout === 'closing' && slide.fineprint !== undefined && (
        <p className="db-locked-note">
          <LockIcon />
          <span>{t('deckLockedDisclosure')}</span>
        </p>
      )}
      {slide.chart !== undefined && (
        <p className="db-locked-note">
          <LockIcon />
          <span>{t('deckLockedChart')}</span>
        </p>
      )}
    </>
  );
}
