import type { SlideProps } from './context';
import { SlideFrame } from './parts';

/** Thanks, how to reach the advisor, and the firm's disclosure (fine print). */
export function ClosingSlide({ slide, context }: SlideProps) {
  const { advisor } = context;
  return (
    <SlideFrame slide={slide} context={context} footer={false}>
      {advisor.logo ? <img className="logo" src={advisor.logo} alt={advisor.firm} /> : null}
      <h1 dir="auto">{slide.title}</h1>
      {slide.subtitle ? (
        <p className="subtitle" dir="auto">
          {slide.subtitle}
        </p>
      ) : null}
      <p className="contact">
        <a href={`mailto:${advisor.email}`} dir="auto">
          {advisor.email}
        </a>
        {advisor.phone ? <span dir="auto">{advisor.phone}</span> : null}
        {advisor.website ? (
          advisor.website.href ? (
            <a href={advisor.website.href} rel="noopener noreferrer" target="_blank" dir="auto">
              {advisor.website.text}
            </a>
          ) : (
            <span dir="auto">{advisor.website.text}</span>
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
