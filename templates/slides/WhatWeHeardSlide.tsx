import type { SlideProps } from './context';
import { Chips, Heading, Points, SlideFrame } from './parts';

/** Their goals in their order (numbered), their most urgent need, their concerns. */
export function WhatWeHeardSlide({ slide, context }: SlideProps) {
  return (
    <SlideFrame slide={slide} context={context}>
      <Heading slide={slide} />
      <Chips items={slide.chips ?? []} ranked />
      {slide.quote ? <blockquote dir="auto">{slide.quote}</blockquote> : null}
      <Points points={slide.points} more={slide.more === true} />
    </SlideFrame>
  );
}
