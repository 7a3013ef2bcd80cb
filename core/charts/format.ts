/** Short number formats for chart labels, with Intl only: pure and deterministic. */

// Making an Intl.NumberFormat costs far more than formatting with it (a chart labels a dozen
// values, a deck draws several charts): one per locale and currency, kept. Bounded, in case a
// long-running process meets many.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    if (formats.size >= 200) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** "$1.2M", "850 k€", "1,2 M€": money in the locale's compact notation, one decimal at most. */
export function formatMoneyCompact(locale: string, currency: string, amount: number): string {
  return numberFormat(
    `money|${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      }),
  ).format(amount);
}

/** 0.06 → "6%" (en), "6 %" (fr); one decimal at most (2.5 %). */
export function formatPercent(locale: string, fraction: number): string {
  return numberFormat(
    `percent|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 }),
  ).format(fraction);
}
