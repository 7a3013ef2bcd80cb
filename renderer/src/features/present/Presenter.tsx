// The meeting on screen: the deck (reveal.js), large Previous/Next targets, Jump to, the
// presenter strip, question capture and End meeting. Everything that happens is sent to the app
// layer the moment it happens (MeetingRecorder), so a crash or a reload loses nothing.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DeckSetup } from '../../../../core/api';
import type { LiveMeeting } from '../../../../core/meeting/live';
import type { DeckPlan } from '../../../../core/plan/planDeck';
import type { DeckContext } from '../../../../templates/slides';
import { useApp } from '../../store';
import { MeetingRecorder } from './meetingRecorder';
import { PresentBar } from './PresentBar';
import { PresenterStrip } from './PresenterStrip';
import { EndMeetingDialog } from './EndMeetingDialog';
import { QuestionBox } from './QuestionBox';
import { RunningLong } from './RunningLong';
import { useFullscreen } from './useFullscreen';
import { useReveal } from './useReveal';
import { SharePanel } from './SharePanel';
import { DeckStage } from './DeckStage';
import { usePresenterKeys } from './usePresenterKeys';
import { usePresenterShare } from './usePresenterShare';

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
  const { index, controls, failed, drawAll } = useReveal(stage, { startIndex, size, onSlide, skipped });
  const fullscreen = useFullscreen(root);
  const current = slides[index];
  const last = slides.length - 1;

  // Presenting on a tablet: the panel with the address, and this screen mirroring the tablet.
  const { share, sharing, sharePanel, setSharePanel, onShareButton } = usePresenterShare(id, controls, slides);
  // While the tablet presents, running long is proposed on the tablet (the advisor holds it).
  const replanHere = !(sharing && share.status?.mode === 'presents');

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

  // Esc leaves full screen or closes what is open (see usePresenterKeys).
  const closeSomething = (): void => {
    if (document.fullscreenElement) void fullscreen.exit();
    else if (sharePanel) setSharePanel(false);
    else if (notesShown) toggleNotes();
  };
  usePresenterKeys(controls, closeSomething, asking || confirmingEnd, last);

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
        only={drawAll ? undefined : slides[startIndex]?.id}
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
          {replanHere && (
            <RunningLong
              plan={plan}
              meeting={meeting}
              skipped={skipped}
              currentSlideId={current?.id}
              floating={false}
              onSkip={skip}
            />
          )}
        </PresenterStrip>
      )}
      {!notesShown && replanHere && (
        <RunningLong
          plan={plan}
          meeting={meeting}
          skipped={skipped}
          currentSlideId={current?.id}
          floating
          onSkip={skip}
        />
      )}
      <PresentBar
        slides={slides}
        index={index}
        skipped={skipped}
        controls={controls}
        notesShown={notesShown}
        questions={meeting.questions.length}
        sharePanel={sharePanel}
        tablet={sharing && share.status ? share.status.tablet : undefined}
        fullscreen={fullscreen}
        ending={ending}
        onToggleNotes={toggleNotes}
        onAsk={() => setAsking(true)}
        onShareButton={onShareButton}
        onEnd={() => setConfirmingEnd(true)}
      />
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
