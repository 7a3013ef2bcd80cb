import type { ComponentType } from 'react';
import type { SlideKind } from '../../core/plan/recipe';
import type { SlideProps } from './context';
import { ClosingSlide } from './ClosingSlide';
import { GoalSlide } from './GoalSlide';
import { ListSlide } from './ListSlide';
import { NextStepsSlide } from './NextStepsSlide';
import { TitleSlide } from './TitleSlide';
import { UrgentNeedSlide } from './UrgentNeedSlide';
import { WhatWeHeardSlide } from './WhatWeHeardSlide';
import { WhyUsSlide } from './WhyUsSlide';

/** One layout per slide kind; the same components render live and with react-dom/server. */
export const LAYOUTS: Record<SlideKind, ComponentType<SlideProps>> = {
  title: TitleSlide,
  'what-we-heard': WhatWeHeardSlide,
  'urgent-need': UrgentNeedSlide,
  goal: GoalSlide,
  'also-on-your-list': ListSlide,
  'how-we-work': ListSlide,
  'why-us': WhyUsSlide,
  fees: ListSlide,
  'your-questions': ListSlide,
  'next-steps': NextStepsSlide,
  closing: ClosingSlide,
};

export function SlideView({ slide, context }: SlideProps) {
  const Layout = LAYOUTS[slide.layout];
  return <Layout slide={slide} context={context} />;
}

export type { AdvisorCard, DeckContext, SlideProps } from './context';
