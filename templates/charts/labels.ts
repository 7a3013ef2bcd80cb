import type { AssetClass } from '../../core/charts/allocation';
import type { RiskTolerance } from '../../core/intake/intake';
import { pickLanguage } from '../../core/locale/locale';

/**
 * The words of the charts, per language. Projections must say they are hypothetical and state
 * their assumptions (FINRA 2210, SEC marketing rule), in the prospect's language: a firm's
 * compliance team can replace any of these strings without touching the charts.
 * {placeholders} are filled with core/locale/format.ts fill(), in one pass.
 */
export interface ChartLabels {
  /** Opens every projection's caption. */
  hypothetical: string;
  /** The line of assumptions, with the language's punctuation: {assumptions} */
  assumptions: string;

  /** {years} */
  retirementTitle: string;
  /** The risk of the projection, after the notice. */
  retirementRisk: string;
  /** {returns} {assets} {monthlySavings} {years} {inflation} */
  retirementAssumptions: string;
  /** A line's legend: {rate} */
  perYear: string;
  /** The x axis title. */
  yearsFromNow: string;

  collegeTitle: string;
  /** {cost} {inflation} {collegeYears} {startAge} */
  collegeAssumptions: string;
  /** {years} (2 or more) */
  collegeStartsIn: string;
  collegeStartsNextYear: string;
  collegeStartsNow: string;
  collegeInCollege: string;
  /** A last row when more dependents than rows: {count} */
  moreDependents: string;

  /** {risk} */
  allocationTitle: string;
  allocationNotice: string;
  assets: Record<AssetClass, string>;
  risk: Record<RiskTolerance, string>;
}

export const EN_LABELS: ChartLabels = {
  hypothetical: 'Hypothetical illustration only: not a promise, a guarantee or a prediction of future results.',
  assumptions: 'Assumptions: {assumptions}',
  retirementTitle: 'Your investments over {years} years at three assumed returns',
  retirementRisk: 'Actual returns vary from year to year and can be negative; you could get back less than you invest.',
  retirementAssumptions:
    '{returns} average annual returns, compounded monthly; {assets} invested today plus ' +
    '{monthlySavings} added at the end of each month for {years} years; inflation of {inflation} a ' +
    'year. Values are shown before inflation, fees and taxes.',
  perYear: '{rate} a year',
  yearsFromNow: 'Years from now',
  collegeTitle: 'Projected cost of college',
  collegeAssumptions:
    'college costs {cost} a year in today’s money, rising {inflation} a year; {collegeYears} years ' +
    'of college from age {startAge}. Totals are in future money, before financial aid.',
  collegeStartsIn: 'starts in {years} years',
  collegeStartsNextYear: 'starts next year',
  collegeStartsNow: 'starts this year',
  collegeInCollege: 'in college now',
  moreDependents: '+{count} more',
  allocationTitle: 'A model allocation for a {risk} investor',
  allocationNotice:
    'A model allocation for illustration only, not a recommendation: the right mix for you depends ' +
    'on your whole situation. Diversification does not guarantee a profit or protect against loss.',
  assets: { stocks: 'Stocks', bonds: 'Bonds', cash: 'Cash' },
  risk: {
    conservative: 'conservative',
    'moderately-conservative': 'moderately conservative',
    moderate: 'moderate',
    'moderately-aggressive': 'moderately aggressive',
    aggressive: 'growth-oriented',
  },
};

export const FR_LABELS: ChartLabels = {
  hypothetical: 'Illustration hypothétique : ni une promesse, ni une garantie, ni une prévision de résultats futurs.',
  assumptions: 'Hypothèses : {assumptions}',
  retirementTitle: 'Vos placements sur {years} ans, selon trois rendements supposés',
  retirementRisk:
    'Les rendements réels varient d’une année à l’autre et peuvent être négatifs ; vous pourriez ' +
    'récupérer moins que ce que vous avez investi.',
  retirementAssumptions:
    'rendements annuels moyens de {returns}, capitalisés chaque mois ; {assets} placés aujourd’hui ' +
    'et {monthlySavings} ajoutés à la fin de chaque mois pendant {years} ans ; inflation de ' +
    '{inflation} par an. Montants avant inflation, frais et impôts.',
  perYear: '{rate} par an',
  yearsFromNow: 'Années à venir',
  collegeTitle: 'Coût projeté des études supérieures',
  collegeAssumptions:
    'des études coûtant {cost} par an en argent d’aujourd’hui, en hausse de {inflation} par an ; ' +
    '{collegeYears} ans d’études à partir de {startAge} ans. Totaux en argent futur, avant bourses ' +
    'et aides.',
  collegeStartsIn: 'dans {years} ans',
  collegeStartsNextYear: 'dans 1 an',
  collegeStartsNow: 'cette année',
  collegeInCollege: 'aux études',
  moreDependents: '+{count} autres',
  allocationTitle: 'Une répartition type pour un profil {risk}',
  allocationNotice:
    'Répartition type, à titre d’illustration seulement, et non une recommandation : la bonne ' +
    'répartition dépend de l’ensemble de votre situation. La diversification ne garantit ni un gain ' +
    'ni une protection contre les pertes.',
  assets: { stocks: 'Actions', bonds: 'Obligations', cash: 'Liquidités' },
  risk: {
    conservative: 'prudent',
    'moderately-conservative': 'modérément prudent',
    moderate: 'équilibré',
    'moderately-aggressive': 'dynamique',
    aggressive: 'offensif',
  },
};

export const CHART_LABELS: Readonly<Record<string, ChartLabels>> = { en: EN_LABELS, fr: FR_LABELS };

/** The labels for a locale, falling back fr-CA → fr → en like the deck copy. */
export function chartLabels(locale: string): ChartLabels {
  return CHART_LABELS[pickLanguage(locale, Object.keys(CHART_LABELS))] ?? EN_LABELS;
}
