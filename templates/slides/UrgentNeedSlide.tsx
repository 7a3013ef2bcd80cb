import type { SlideProps } from './context';
import { Heading, Points, SlideFrame } from './parts';

/** Their most urgent need, in their own words, large. */
export function UrgentNeedSlide({ slide, context }: SlideProps) {
  return (
    <SlideFrame slide={slide} context={context}>
      <Heading slide={slide} />
      <blockquote className="large" dir="auto">
        {slide.quote}
      </blockquote>
      <Points points={slide.points} more={slide.more === true} />
    </SlideFrame>
  );
}
