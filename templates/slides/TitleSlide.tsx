import type { SlideProps } from './context';
import { SlideFrame } from './parts';

export function TitleSlide({ slide, context }: SlideProps) {
  const { logo, firm } = context.advisor;
  return (
    <SlideFrame slide={slide} context={context}>
      {logo ? <img className="logo" src={logo} alt={firm} /> : null}
      <h1 dir="auto">{slide.title}</h1>
      {slide.subtitle ? (
        <p className="subtitle" dir="auto">
          {slide.subtitle}
        </p>
      ) : null}
      {slide.points.map((line, i) => (
        <p key={i} className="subtitle" dir="auto">
          {line}
        </p>
      ))}
    </SlideFrame>
  );
}
