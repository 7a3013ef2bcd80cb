// The summary as a page: the same content the PDF is drawn from (core/summary/summary.ts), laid out as a
// white A4 or Letter sheet so the advisor sees what the prospect gets. Text only, and through
// React, so whatever a prospect typed is shown as text and never runs.
import type { ReactNode } from 'react';
import type { SummaryBlock, SummaryContent, SummarySection, SummaryText } from '../../../../core/summary/summary';

/** Names and dates stay on one line when they fit, as on the PDF. */
function Kept({ value }: { value: SummaryText }) {
  if (!value.keep?.length) return <>{value.text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  value.keep.forEach(([start, end], i) => {
    if (start < at) return;
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(
      <span key={i} className="wu-keep">
        {value.text.slice(start, end)}
      </span>,
    );
    at = end;
  });
  parts.push(value.text.slice(at));
  return <>{parts}</>;
}

function Block({ block }: { block: SummaryBlock }) {
  const label = block.label ? <h5 className="wu-page-label">{block.label}</h5> : null;
  switch (block.kind) {
    case 'bullets':
      return (
        <>
          {label}
          <ul className="wu-page-bullets">
            {block.items.map((item, i) => (
              <li key={i} dir="auto">
                <Kept value={item} />
              </li>
            ))}
          </ul>
        </>
      );
    case 'qa':
      return (
        <>
          {label}
          <ol className="wu-page-qa">
            {block.items.map((item, i) => (
              <li key={i}>
                <p className="wu-page-q" dir="auto">
                  <Kept value={item} />
                </p>
                {item.detail && (
                  <p className={`wu-page-a${item.pending ? ' wu-page-pending' : ''}`} dir="auto">
                    <Kept value={item.detail} />
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      );
    case 'highlight':
      return (
        <>
          {label}
          {block.items.map((item, i) => (
            <p key={i} className="wu-page-highlight" dir="auto">
              <Kept value={item} />
            </p>
          ))}
        </>
      );
    default:
      return (
        <>
          {label}
          {block.items.map((item, i) => (
            <p key={i} dir="auto">
              <Kept value={item} />
            </p>
          ))}
        </>
      );
  }
}

function Section({ section }: { section: SummarySection }) {
  return (
    <section className={`wu-page-section wu-page-${section.id}`}>
      <h4>{section.title}</h4>
      {section.blocks.map((block) => (
        <Block key={block.id} block={block} />
      ))}
    </section>
  );
}

/** The summary's colours go through the CSSOM (the CSP allows it), never a style attribute. */
function applyColors(el: HTMLElement | null, summary: SummaryContent): void {
  if (!el) return;
  el.style.setProperty('--page-heading', summary.colors.heading);
  el.style.setProperty('--page-accent', summary.colors.accent);
  el.style.setProperty('--page-tint', summary.colors.tint);
  el.style.setProperty('--page-text', summary.colors.text);
  el.style.setProperty('--page-muted', summary.colors.muted);
}

export function SummaryPreview({ summary, label }: { summary: SummaryContent; label: string }) {
  const { header, advisor } = summary;
  return (
    <article
      className="wu-page"
      data-page={summary.page}
      lang={summary.locale}
      aria-label={label}
      ref={(el) => applyColors(el, summary)}
    >
      <header className="wu-page-header">
        <p className="wu-page-firm">{header.firm}</p>
        <p className="wu-page-kicker">{header.kicker}</p>
        <p className="wu-page-for" dir="auto">
          <Kept value={header.preparedFor} />
        </p>
        <p className="wu-page-meeting">
          <Kept value={header.meetingLine} />
        </p>
      </header>
      <Section section={summary.heard} />
      <Section section={summary.covered} />
      {summary.questions && <Section section={summary.questions} />}
      <div className="wu-page-bottom">
        <Section section={summary.next} />
        <div className="wu-page-card">
          <h4>{advisor.title}</h4>
          <p className="wu-page-name">{advisor.name}</p>
          {advisor.credentials && <p>{advisor.credentials}</p>}
          {advisor.role && <p>{advisor.role}</p>}
          <p>{advisor.firm}</p>
          <p>{advisor.email}</p>
          {advisor.phone && <p>{advisor.phone}</p>}
          {advisor.website && <p>{advisor.website}</p>}
        </div>
      </div>
      <footer className="wu-page-footer">
        {summary.hypothetical && <p>{summary.hypothetical}</p>}
        <p>{summary.disclosure}</p>
      </footer>
    </article>
  );
}
