import type { SlideProps } from './context';
import { Heading, Points, SlideFrame } from './parts';

/** Title and up to six short lines: also-on-your-list, how-we-work, fees, your-questions. */
export function ListSlide({ slide, context }: SlideProps) {
  return (
    <SlideFrame slide={slide} context={context}>
      <Heading slide={slide} />
      {slide.subtitle ? (
        <p className="subtitle" dir="auto">
          {slide.subtitle}
        </p>
      ) : null}
      <Points points={slide.points} more={slide.more === true} />
    </SlideFrame>
  );
}
