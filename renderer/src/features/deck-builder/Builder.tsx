// The builder itself, once the deck can be planned: the slide list beside the slide and its
// words, the minutes meter, Undo, Add slide and Present. Each change is planned again at once,
// saved by useDeckChanges and can be undone.
import { useMemo, useRef, useState } from 'react';
import type { DeckSetup } from '../../../../core/api';
import { deckOptions, pointsShown, type Slide, type SlideOption } from '../../../../core/plan/planDeck';
import { useApp } from '../../store';
import { StaleAlert } from '../../ui/StaleAlert';
import { AddSlideDialog } from './AddSlideDialog';
import {
  addSlide,
  editSlide,
  hideSlide,
  moveSlide,
  planOf,
  resetWords,
  showSlide,
  tryToInclude,
  type Refusal,
} from './deckEdits';
import { minutesSaid, refusalMessage } from './deckWords';
import { MinutesMeter } from './MinutesMeter';
import { SaveStatus } from './SaveStatus';
import { LockedNotes, SlideEditor } from './SlideEditor';
import { SlideList } from './SlideList';
import { SlidePreview } from './SlidePreview';
import { useDeckChanges } from './useDeckChanges';
import { useFocusAfter } from './useFocusAfter';

export function Builder({ id, setup, onReload }: { id: string; setup: DeckSetup; onReload: () => void }) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const deck = useDeckChanges(id, setup.changes, setup.revision);
  const { changes } = deck;
  // Planned again on every change, in the window: pure and a few milliseconds.
  const plan = useMemo(() => planOf(setup, changes), [setup, changes]);
  const options = useMemo(() => deckOptions(setup.intake, setup.advisor, setup.recipe, changes), [setup, changes]);
  const slides = plan.deck.slides;
  const [selectedId, setSelectedId] = useState<string | undefined>(slides[0]?.id);
  // Counted so a refusal said twice is a new alert, read out again.
  const [refusal, setRefusal] = useState<(Refusal & { n: number }) | null>(null);
  const refusals = useRef(0);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // Moves when the words are reset, so the fields start again from the plan.
  const [fieldsVersion, setFieldsVersion] = useState(0);
  const addButton = useRef<HTMLButtonElement>(null);
  // What the last hide, show or add did to the other slides' minutes, said under the meter.
  const [moved, setMoved] = useState('');
  const focusNext = useFocusAfter();

  const selected = slides.find((s) => s.id === selectedId) ?? slides[0];
  const visible = slides.map((s) => s.id);

  const include = (option: SlideOption, candidate: typeof changes, done: string) => {
    const outcome = tryToInclude(setup, plan, candidate, option);
    if (!outcome.ok) {
      setRefusal({ ...outcome.refusal, n: ++refusals.current });
      return;
    }
    setRefusal(null);
    deck.apply(candidate);
    setSelectedId(option.id);
    const said = minutesSaid(plan, planOf(setup, candidate), done, language, t);
    setMoved(said);
    setAnnouncement(said);
    focusNext('editor', option.id);
  };

  const move = (from: number, to: number) => {
    const slide = slides[from];
    if (!slide || to < 0 || to >= slides.length) return;
    setRefusal(null);
    deck.apply(moveSlide(changes, visible, from, to));
    setAnnouncement(t('deckMoved', { title: slide.title, n: to + 1, total: slides.length }));
  };

  const hide = (slide: Slide) => {
    setRefusal(null);
    const at = visible.indexOf(slide.id);
    const neighbour = visible[at + 1] ?? visible[at - 1];
    if (selected?.id === slide.id) setSelectedId(neighbour);
    const next = hideSlide(changes, visible, slide.id);
    deck.apply(next);
    const said = minutesSaid(plan, planOf(setup, next), t('deckHiddenNow', { title: slide.title }), language, t);
    // Under the meter, and read out; not a toast, which would sit over the list's buttons.
    setMoved(said);
    setAnnouncement(said);
    // The row that took its place keeps the keyboard in the list.
    if (neighbour) focusNext('row', neighbour);
  };

  const choose = (slideId: string, byKeyboard: boolean) => {
    setSelectedId(slideId);
    // By keyboard, straight into the title (retitling is one Enter away); by pointer, the
    // editor without opening a tablet's keyboard.
    focusNext(byKeyboard ? 'field' : 'editor', slideId);
  };

  const undo = () => {
    if (!deck.canUndo) return;
    setRefusal(null);
    deck.undo();
    setMoved('');
    setAnnouncement(t('deckUndone'));
  };

  const present = async () => {
    await deck.flush();
    navigate({ screen: 'present', id });
  };

  return (
    <section className="screen db-screen" aria-labelledby="db-title">
      <div className="screen-head">
        <h2 id="db-title" dir="auto">
          {t('deckBuilderTitle', { name: plan.prospect.fullName })}
        </h2>
        <div className="actions">
          <button type="button" className="button" aria-disabled={!deck.canUndo || undefined} onClick={undo}>
            {t('undo')}
          </button>
          <button type="button" className="button" ref={addButton} onClick={() => setAdding(true)}>
            {t('deckAddSlide')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void present()}>
            {t('deckPresent')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => navigate({ screen: 'intake', id })}>
            {t('back')}
          </button>
        </div>
      </div>

      <div className="db-status-row">
        <MinutesMeter planned={plan.deck.plannedMinutes} budget={plan.deck.budgetMinutes} qa={plan.deck.qaMinutes} />
        <SaveStatus state={deck.saveState} />
      </div>
      {moved && (
        <p className="db-moved" dir="auto">
          {moved}
        </p>
      )}
      <p className="db-visually-hidden" role="status">
        {announcement}
      </p>
      {deck.saveState === 'stale' && <StaleAlert onReload={onReload} />}

      {setup.problem && <p className="notice">{t('deckDamaged', { problem: setup.problem })}</p>}

      {refusal && (
        <div key={refusal.n} className="notice notice-error db-refusal" role="alert">
          <p>{refusalMessage(refusal, plan.deck.budgetMinutes - plan.deck.qaMinutes, language, t)}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => navigate({ screen: 'intake', id })}>
              {t('deckLengthen')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setRefusal(null)}>
              {t('close')}
            </button>
          </div>
        </div>
      )}

      <div className="db-layout">
        <SlideList
          slides={slides}
          hidden={options.hidden}
          selected={selected?.id}
          onSelect={choose}
          onMove={move}
          onHide={hide}
          onShow={(option) =>
            include(option, showSlide(setup, changes, option.id), t('deckShownNow', { title: option.title }))
          }
        />
        {selected && (
          <div className="db-work">
            <h3 className="db-visually-hidden">{t('deckPreview')}</h3>
            <SlidePreview plan={plan} slide={selected} look={setup.look} />
            <p className="db-caption" dir="auto">
              {slides.indexOf(selected) + 1}. {selected.title} ·{' '}
              {t('minutes', {
                n: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(selected.minutes),
              })}
            </p>
            <LockedNotes slide={selected} />
            <h3 id="db-words-heading">{t('deckWords')}</h3>
            <SlideEditor
              key={`${selected.id}:${deck.revision}:${fieldsVersion}`}
              slide={selected}
              maxPoints={pointsShown(selected, plan.deck.aspectRatio)}
              edit={changes.edits[selected.id]}
              onEdit={(edit, field) => deck.apply(editSlide(changes, selected.id, edit), `${selected.id}:${field}`)}
              onReset={() => {
                deck.apply(resetWords(changes, selected.id));
                setFieldsVersion((v) => v + 1);
              }}
            />
          </div>
        )}
      </div>

      <AddSlideDialog
        open={adding}
        options={options.addable}
        onPick={(option) => {
          setAdding(false);
          include(option, addSlide(setup, changes, option.id), t('deckAddedNow', { title: option.title }));
        }}
        onClose={() => {
          setAdding(false);
          addButton.current?.focus();
        }}
      />
    </section>
  );
}
