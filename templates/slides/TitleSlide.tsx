import type { SlideProps } from './context';
import { SlideFrame, Subtitle } from './parts';

export function TitleSlide({ slide, context }: SlideProps) {
  const { logo, firm } = context.advisor;
  return (
    <SlideFrame slide={slide} context={context}>
      {logo ? <img className="logo" src={logo} alt={firm} /> : null}
      <h1 dir="auto">{slide.title}</h1>
      <Subtitle text={slide.subtitle} />
      {slide.points.map((line, i) => (
        <Subtitle key={i} text={line} />
      ))}
    </SlideFrame>
  );
}
