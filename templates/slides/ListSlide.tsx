import type { SlideProps } from './context';
import { Heading, Points, SlideFrame, Subtitle } from './parts';

/** Title and up to six short lines: also-on-your-list, how-we-work, fees, your-questions. */
export function ListSlide({ slide, context }: SlideProps) {
  return (
    <SlideFrame slide={slide} context={context}>
      <Heading slide={slide} />
      <Subtitle text={slide.subtitle} />
      <Points points={slide.points} more={slide.more === true} />
    </SlideFrame>
  );
}
