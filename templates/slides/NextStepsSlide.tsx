import type { SlideProps } from './context';
import { Heading, Points, SlideFrame } from './parts';

export function NextStepsSlide({ slide, context }: SlideProps) {
  return (
    <SlideFrame slide={slide} context={context}>
      <Heading slide={slide} />
      <Points points={slide.points} more={slide.more === true} className="points steps" />
    </SlideFrame>
  );
}
