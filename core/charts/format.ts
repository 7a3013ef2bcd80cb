/** Short number formats for chart labels, with Intl only: pure and deterministic. */

/** "$1.2M", "850 k€", "1,2 M€": money in the locale's compact notation, one decimal at most. */
export function formatMoneyCompact(locale: string, currency: string, amount: number): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(amount);
}

/** 0.06 → "6%" (en), "6 %" (fr); one decimal at most (2.5 %). */
export function formatPercent(locale: string, fraction: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(fraction);
}
