import type { SlideProps } from './context';
import { Chips, Heading, Points, SlideFrame } from './parts';

export function WhyUsSlide({ slide, context }: SlideProps) {
  return (
    <SlideFrame slide={slide} context={context}>
      <Heading slide={slide} />
      {slide.subtitle ? (
        <p className="subtitle" dir="auto">
          {slide.subtitle}
        </p>
      ) : null}
      <Chips items={slide.chips ?? []} />
      <Points points={slide.points} more={slide.more === true} />
    </SlideFrame>
  );
}
