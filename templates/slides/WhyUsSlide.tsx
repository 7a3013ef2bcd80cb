import type { SlideProps } from './context';
import { Chips, Heading, Points, SlideFrame, Subtitle } from './parts';

export function WhyUsSlide({ slide, context }: SlideProps) {
  return (
    <SlideFrame slide={slide} context={context}>
      <Heading slide={slide} />
      <Subtitle text={slide.subtitle} />
      <Chips items={slide.chips ?? []} />
      <Points points={slide.points} more={slide.more === true} />
    </SlideFrame>
  );
}
