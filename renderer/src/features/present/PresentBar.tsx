// The present screen's bar of controls: Jump to, notes, Add question, Present on tablet, Full
// screen and End meeting. Props only.
import type { Slide } from '../../../../core/plan/planDeck';
import { useApp } from '../../store';
import type { DeckControls } from './useReveal';

export function PresentBar({
  slides,
  index,
  skipped,
  controls,
  notesShown,
  questions,
  sharePanel,
  tablet,
  fullscreen,
  ending,
  onToggleNotes,
  onAsk,
  onShareButton,
  onEnd,
}: {
  slides: readonly Slide[];
  index: number;
  skipped: ReadonlySet<string>;
  controls: DeckControls | null;
  notesShown: boolean;
  /** Questions caught so far. */
  questions: number;
  sharePanel: boolean;
  /** The tablet's connection while sharing. */
  tablet: string | undefined;
  fullscreen: { supported: boolean; active: boolean; toggle(): void };
  ending: boolean;
  onToggleNotes(): void;
  onAsk(): void;
  onShareButton(): void;
  onEnd(): void;
}) {
  const t = useApp((s) => s.t);
  return (
    <div className="present-bar" role="group" aria-label={t('presentControls')}>
      <label className="present-jump">
        <span className="present-jump-label">{t('presentJumpTo')}</span>
        <select value={index} onChange={(e) => controls?.go(Number(e.target.value))} disabled={!controls}>
          {slides.map((slide, i) => (
            <option key={slide.id} value={i}>
              {t(skipped.has(slide.id) ? 'presentJumpOptionSkipped' : 'presentJumpOption', {
                n: i + 1,
                total: slides.length,
                title: slide.title,
              })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="present-button" aria-expanded={notesShown} onClick={onToggleNotes}>
        {notesShown ? t('presentHideNotes') : t('presentShowNotes')}
      </button>
      <button type="button" className="present-button present-button-primary" aria-haspopup="dialog" onClick={onAsk}>
        {t('presentAddQuestion')}
        {questions > 0 && (
          <span className="present-count" aria-hidden="true">
            {questions}
          </span>
        )}
      </button>
      <button type="button" className="present-button" aria-expanded={sharePanel} onClick={onShareButton}>
        {t('sharePresentOnTablet')}
        {tablet && <span className={`share-dot share-dot-${tablet}`} aria-hidden="true" />}
      </button>
      {fullscreen.supported && (
        <button type="button" className="present-button" aria-pressed={fullscreen.active} onClick={fullscreen.toggle}>
          {t('presentFullScreen')}
        </button>
      )}
      <button
        type="button"
        className="present-button present-end"
        aria-haspopup="dialog"
        onClick={onEnd}
        disabled={ending}
      >
        {t('presentEnd')}
      </button>
    </div>
  );
}
