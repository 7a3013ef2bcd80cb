import type { SlideProps } from './context';
import { clip } from '../../core/locale/format';
import { SlideFrame, Subtitle } from './parts';

/** Contact lines stay short enough to sit side by side on the slide. */
const CONTACT_CHARS = 60;

/** Thanks, how to reach the advisor, and the firm's disclosure (fine print). */
export function ClosingSlide({ slide, context }: SlideProps) {
  const { advisor } = context;
  return (
    <SlideFrame slide={slide} context={context} footer={false}>
      {advisor.logo ? <img className="logo" src={advisor.logo} alt={advisor.firm} /> : null}
      <h1 dir="auto">{slide.title}</h1>
      <Subtitle text={slide.subtitle} />
      <p className="contact">
        <a href={`mailto:${encodeURIComponent(advisor.email).replace('%40', '@')}`} dir="auto">
          {advisor.email}
        </a>
        {advisor.phone ? <span dir="auto">{clip(advisor.phone, CONTACT_CHARS)}</span> : null}
        {advisor.website ? (
          advisor.website.href ? (
            <a href={advisor.website.href} rel="noopener noreferrer" target="_blank" dir="auto">
              {clip(advisor.website.text, CONTACT_CHARS)}
            </a>
          ) : (
            <span dir="auto">{clip(advisor.website.text, CONTACT_CHARS)}</span>
          )
        ) : null}
      </p>
      {slide.fineprint ? (
        <small className="disclosure" dir="auto">
          {slide.fineprint}
        </small>
      ) : null}
    </SlideFrame>
  );
}
