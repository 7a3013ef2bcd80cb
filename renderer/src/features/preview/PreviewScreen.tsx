// Preview deck: builds the prospect's meeting files (deck.html, summary.pdf, follow-up) into
// their folder and shows the slides with the same React layouts the export uses.
import type { DeckPreview } from '../../../../core/api';
import { SlideView } from '../../../../templates/slides';
import { useQuery, valueOf } from '../../data/useQuery';
import { useApp } from '../../store';
import { ScreenHead } from '../../ui/ScreenHead';
import { LoadStates } from '../../ui/LoadStates';
import './preview.css';

export function PreviewScreen({ id }: { id: string }) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  const query = useQuery(async () => valueOf(await api['prospects:preview']({ id })), [api, id]);
  const outcome = query.state === 'ready' ? query.value : null;

  return (
    <section className="screen" aria-labelledby="preview-title">
      <ScreenHead
        id={id}
        titleId="preview-title"
        title={outcome?.built ? t('previewTitle', { name: outcome.value.plan.deck.title }) : t('previewDeck')}
        back={t('back')}
      />
      <LoadStates id={id} query={query} loading={t('building')} notReady={outcome?.built === false ? outcome : null} />
      {outcome?.built && <Slides preview={outcome.value} />}
    </section>
  );
}

function Slides({ preview }: { preview: DeckPreview }) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  // Minutes in the window's language: 22,5 in French, as the builder says them.
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const { deck } = preview.plan;
  const [width, height] = deck.aspectRatio === '4:3' ? [1024, 768] : [1280, 720];
  const context = { plan: preview.plan, advisor: preview.advisor };
  return (
    <>
      <p className="muted">
        {t('planned', { planned: deck.plannedMinutes, budget: deck.budgetMinutes, qa: deck.qaMinutes })}
      </p>
      <p className="muted small">{t('filesWritten', { folder: preview.folder })}</p>
      {preview.warnings.length > 0 && (
        <div className="notice">
          <h3>{t('warnings')}</h3>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.path}</code>: {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ol className="preview-slides" lang={preview.plan.language}>
        {deck.slides.map((slide, i) => (
          <li
            key={slide.id}
            className="preview-slide"
            aria-label={t('slideOf', { n: i + 1, total: deck.slides.length })}
          >
            <div className="preview-frame" style={{ aspectRatio: `${width} / ${height}` }}>
              <div
                className="deck preview-deck"
                ref={(el) => applyVars(el, preview.themeVariables)}
                style={{ width, height }}
                data-aspect={deck.aspectRatio}
              >
                <div className="slides">
                  <SlideView slide={slide} context={context} />
                </div>
              </div>
            </div>
            <p className="preview-caption">
              {i + 1}. {slide.title} · {t('minutes', { n: number.format(slide.minutes) })}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

/** CSS custom properties go through the CSSOM (allowed by the CSP), never a style attribute. */
function applyVars(el: HTMLElement | null, vars: Record<string, string>): void {
  if (!el) return;
  for (const [name, value] of Object.entries(vars)) el.style.setProperty(name, value);
}
