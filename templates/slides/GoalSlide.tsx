import { AllocationChart } from '../charts/AllocationChart';
import { CollegeChart } from '../charts/CollegeChart';
import { RetirementChart } from '../charts/RetirementChart';
import { chartLabels } from '../charts/labels';
import type { SlideChart } from '../../core/plan/deckPlan';
import { pointsShown } from '../../core/plan/slideText';
import type { SlideProps } from './context';
import { Heading, Points, SlideFrame } from './parts';

function Chart({ chart, locale, currency, id }: { chart: SlideChart; locale: string; currency: string; id: string }) {
  const labels = chartLabels(locale);
  switch (chart.kind) {
    case 'retirement':
      return (
        <RetirementChart projection={chart.projection} locale={locale} currency={currency} labels={labels} id={id} />
      );
    case 'college':
      return <CollegeChart projection={chart.projection} locale={locale} currency={currency} labels={labels} id={id} />;
    case 'allocation':
      return <AllocationChart allocation={chart.allocation} locale={locale} labels={labels} id={id} />;
  }
}

/** One goal: its words, and a chart when the prospect gave the numbers for one. */
export function GoalSlide({ slide, context }: SlideProps) {
  const { plan } = context;
  if (!slide.chart) {
    return (
      <SlideFrame slide={slide} context={context}>
        <Heading slide={slide} />
        <Points points={slide.points} more={slide.more === true} />
      </SlideFrame>
    );
  }
  // The plan already holds only what fits beside the chart; cut again for an older plan.json.
  const lines = slide.points.slice(0, pointsShown(slide, plan.deck.aspectRatio));
  return (
    <SlideFrame slide={slide} context={context} className="has-chart">
      <Heading slide={slide} />
      <div className="with-chart">
        <Points points={lines} />
        <Chart chart={slide.chart} locale={plan.locale} currency={plan.currency} id={`chart-${slide.id}`} />
      </div>
    </SlideFrame>
  );
}
