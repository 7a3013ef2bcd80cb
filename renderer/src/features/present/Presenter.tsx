// The meeting on screen: the deck (reveal.js), large Previous/Next targets, Jump to, the
// presenter strip, question capture and End meeting. Everything that happens is sent to the app
// layer the moment it happens (MeetingRecorder), so a crash or a reload loses nothing.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { DeckSetup } from '../../../../core/api';
import type { LiveMeeting } from '../../../../core/meeting/live';
import type { DeckPlan } from '../../../../core/plan/planDeck';
import { Deck } from '../../../../templates/deck/Deck';
import type { DeckContext } from '../../../../templates/slides';
import { useApp } from '../../store';
import { MeetingRecorder } from './meetingRecorder';
import { PresenterStrip } from './PresenterStrip';
import { EndMeetingDialog } from './EndMeetingDialog';
import { QuestionBox } from './QuestionBox';
import { RunningLong } from './RunningLong';
import { useFullscreen } from './useFullscreen';
import { useReveal } from './useReveal';
import { SharePanel } from './SharePanel';
import { shareOnOpen, useShare } from './useShare';

const NOTES_KEY = 'advisor-deck.presenterNotes';

function notesPreference(): boolean {
  try {
    return globalThis.localStorage?.getItem(NOTES_KEY) === 'shown';
  } catch {
    return false;
  }
}

export function Presenter({
  id,
  plan,
  look,
  initial,
}: {
  id: string;
  plan: DeckPlan;
  look: DeckSetup['look'];
  initial: LiveMeeting;
}) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const navigate = useApp((s) => s.navigate);

  const slides = plan.deck.slides;
  const context = useMemo<DeckContext>(() => ({ plan, advisor: look.advisor }), [plan, look.advisor]);
  const size = plan.deck.aspectRatio === '4:3' ? { width: 1024, height: 768 } : { width: 1280, height: 720 };

  const [meeting, setMeeting] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [notesShown, setNotesShown] = useState(notesPreference);
  const [asking, setAsking] = useState(false);
  const [ending, setEnding] = useState(false);
  const [confirmingEnd, setConfirmingEnd] = useState(false);

  const [recorder] = useState(
    () =>
      new MeetingRecorder((event) => api['meeting:record']({ id, event }), initial.visits.at(-1)?.slideId ?? null, {
        kept: (value) => {
          setMeeting(value);
          setProblem(null);
        },
        failed: setProblem,
      }),
  );

  // Back into a meeting under way: on the slide last shown (if the deck still has it).
  const [startIndex] = useState(() =>
    Math.max(
      0,
      slides.findIndex((s) => s.id === initial.visits.at(-1)?.slideId),
    ),
  );
  const root = useRef<HTMLElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const onSlide = useCallback((_: number, slideId: string) => recorder.slide(slideId), [recorder]);
  // Skipped for the rest of this meeting (running long): kept in the live meeting, not in deck.json.
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(() => new Set(initial.skippedSlideIds ?? []));
  const { index, controls, failed } = useReveal(stage, { startIndex, size, onSlide, skipped });
  const fullscreen = useFullscreen(root);
  const current = slides[index];
  const last = slides.length - 1;

  // Presenting on a tablet: the panel with the address, and this screen mirroring the tablet.
  const share = useShare(id);
  const [sharePanel, setSharePanel] = useState(false);
  const openedShare = useRef(false);
  useEffect(() => {
    if (openedShare.current) return;
    if (shareOnOpen.has(id)) {
      shareOnOpen.delete(id);
      openedShare.current = true;
      setSharePanel(true);
      void share.start();
    } else if (share.status?.active) {
      // Back into a meeting that is being shared (a reload): show where the tablet stands.
      openedShare.current = true;
      setSharePanel(true);
    }
  }, [id, share, share.status?.active]);
  const sharing = share.status?.active === true;
  const tabletSlide = sharing && share.status?.mode === 'presents' ? share.status.slideId : undefined;
  useEffect(() => {
    // While the tablet presents, this screen shows the slide on the tablet.
    if (!tabletSlide || !controls) return;
    const at = slides.findIndex((s) => s.id === tabletSlide);
    if (at >= 0) controls.go(at);
  }, [tabletSlide, controls, slides]);
  const onShareButton = () => {
    setSharePanel((open) => !open || !sharing);
    if (!sharing && !share.starting) void share.start();
  };

  const endingNow = useRef(false);
  const end = useCallback(async () => {
    // End pressed twice (a double tap): one end, one wrap-up.
    if (endingNow.current) return;
    endingNow.current = true;
    setEnding(true);
    await recorder.flush();
    let result;
    try {
      result = await api['meeting:end']({ id });
    } catch (error) {
      result = { ok: false as const, error: error instanceof Error ? error.message : String(error) };
    }
    if (!result.ok) {
      setProblem(result.error);
      endingNow.current = false;
      setEnding(false);
      setConfirmingEnd(false);
      return;
    }
    await fullscreen.exit();
    navigate({ screen: 'wrap-up', id });
  }, [api, fullscreen, id, navigate, recorder]);

  const skip = (slideIds: string[]) => {
    setSkipped((before) => new Set([...before, ...slideIds]));
    void recorder.skip(slideIds);
  };

  const saveQuestion = async (text: string): Promise<string | null> => {
    const result = await recorder.question(text, current?.id);
    if (!result.ok) return result.error;
    setAsking(false);
    setAnnouncement(t('presentQuestionKept', { n: result.value.questions.length }));
    return null;
  };

  const toggleNotes = () => {
    const next = !notesShown;
    setNotesShown(next);
    try {
      globalThis.localStorage?.setItem(NOTES_KEY, next ? 'shown' : 'hidden');
    } catch {
      // Not kept for next time then; still applied now.
    }
  };

  // Keys, for a keyboard or a presenter remote: arrows, Page Up/Down, space, Home/End. Esc never
  // ends the meeting (presenters press it out of habit): it leaves full screen or closes what is
  // open; the modal dialogs (question box, End meeting?) take their own Esc first.
  const closeSomething = (): void => {
    if (document.fullscreenElement) void fullscreen.exit();
    else if (sharePanel) setSharePanel(false);
    else if (notesShown) toggleNotes();
  };
  const keys = useRef({ controls, closeSomething, open: asking || confirmingEnd, last });
  useEffect(() => {
    keys.current = { controls, closeSomething, open: asking || confirmingEnd, last };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { controls: deck, closeSomething: close, open, last: lastIndex } = keys.current;
      if (event.defaultPrevented || open || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const typing = target !== null && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return;
      }
      if (typing || !deck) return;
      const onButton = target?.tagName === 'BUTTON';
      const go: Record<string, (() => void) | undefined> = {
        ArrowRight: deck.next,
        ArrowDown: deck.next,
        PageDown: deck.next,
        ArrowLeft: deck.prev,
        ArrowUp: deck.prev,
        PageUp: deck.prev,
        Home: () => deck.go(0),
        End: () => deck.go(lastIndex),
        // Space presses a focused button; elsewhere it turns the page.
        ' ': onButton ? undefined : event.shiftKey ? deck.prev : deck.next,
      };
      const action = go[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section
      ref={root}
      className="present-mode"
      data-notes={notesShown ? 'shown' : 'hidden'}
      data-share={sharePanel ? 'shown' : 'hidden'}
      aria-labelledby="present-title"
    >
      <h2 id="present-title" className="present-visually-hidden">
        {t('presentHeading', { name: plan.prospect.fullName })}
      </h2>
      {/* Large targets at the slide's edges (under it when the tablet is upright), besides the
          swipe. The visible word is short (a narrow column) and part of the full name. */}
      <button
        type="button"
        className="present-button present-edge present-edge-prev"
        aria-label={t('presentPrevious')}
        onClick={() => controls?.prev()}
        disabled={!controls || index <= 0}
      >
        <span aria-hidden="true" className="present-arrow">
          ‹
        </span>
        <span className="present-edge-label">{t('presentPreviousShort')}</span>
      </button>
      <DeckStage
        stage={stage}
        context={context}
        themeVariables={look.themeVariables}
        language={plan.language}
        ratio={size.width / size.height}
      />
      <button
        type="button"
        className="present-button present-edge present-edge-next"
        aria-label={t('presentNext')}
        onClick={() => controls?.next()}
        disabled={!controls || index >= last}
      >
        <span aria-hidden="true" className="present-arrow">
          ›
        </span>
        <span className="present-edge-label">{t('presentNextShort')}</span>
      </button>
      {notesShown && (
        <PresenterStrip slides={slides} index={index} meeting={meeting}>
          <RunningLong
            plan={plan}
            meeting={meeting}
            skipped={skipped}
            currentSlideId={current?.id}
            floating={false}
            onSkip={skip}
          />
        </PresenterStrip>
      )}
      {!notesShown && (
        <RunningLong
          plan={plan}
          meeting={meeting}
          skipped={skipped}
          currentSlideId={current?.id}
          floating
          onSkip={skip}
        />
      )}
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
        <button type="button" className="present-button" aria-expanded={notesShown} onClick={toggleNotes}>
          {notesShown ? t('presentHideNotes') : t('presentShowNotes')}
        </button>
        <button
          type="button"
          className="present-button present-button-primary"
          aria-haspopup="dialog"
          onClick={() => setAsking(true)}
        >
          {t('presentAddQuestion')}
          {meeting.questions.length > 0 && (
            <span className="present-count" aria-hidden="true">
              {meeting.questions.length}
            </span>
          )}
        </button>
        <button type="button" className="present-button" aria-expanded={sharePanel} onClick={onShareButton}>
          {t('sharePresentOnTablet')}
          {sharing && share.status && (
            <span className={`share-dot share-dot-${share.status.tablet}`} aria-hidden="true" />
          )}
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
          onClick={() => setConfirmingEnd(true)}
          disabled={ending}
        >
          {t('presentEnd')}
        </button>
      </div>
      {(problem ?? failed) !== null && (
        <p role="alert" className="present-problem">
          {problem !== null ? t('presentRecordFailed', { e: problem }) : t('error', { e: failed ?? '' })}
        </p>
      )}
      <p role="status" className="present-visually-hidden">
        {announcement}
      </p>
      {sharePanel && <SharePanel share={share} onHide={() => setSharePanel(false)} />}
      <EndMeetingDialog
        open={confirmingEnd}
        ending={ending}
        onEnd={() => void end()}
        onKeep={() => setConfirmingEnd(false)}
      />
      <QuestionBox open={asking} slideTitle={current?.title} onSave={saveQuestion} onClose={() => setAsking(false)} />
    </section>
  );
}

/**
 * The slides, drawn once by the same layouts as deck.html; from then on reveal.js owns their
 * classes and styles, so React must not render them again (memo on stable props).
 */
const DeckStage = memo(function DeckStage({
  stage,
  context,
  themeVariables,
  language,
  ratio,
}: {
  stage: RefObject<HTMLDivElement | null>;
  context: DeckContext;
  themeVariables: Record<string, string>;
  language: string;
  /** The slides' width over their height: their backgrounds keep it in a narrower stage. */
  ratio: number;
}) {
  const host = useCallback(
    (el: HTMLDivElement | null) => {
      stage.current = el;
      // Custom properties through the CSSOM (allowed by the CSP), never a style attribute.
      if (el) {
        for (const [name, value] of Object.entries(themeVariables)) el.style.setProperty(name, value);
        el.style.setProperty('--slide-ratio', String(ratio));
      }
    },
    [stage, themeVariables, ratio],
  );
  return (
    <div ref={host} className="present-stage" lang={language}>
      <Deck context={context} />
    </div>
  );
});
