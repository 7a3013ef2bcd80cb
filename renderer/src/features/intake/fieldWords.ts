// The form's values and problems in the words of the fields as the advisor sees them: amounts
// grouped as the prospect writes them (650,000 / 650 000), the meeting's date problem in the
// terms of the date picker on screen rather than the file format's.
import type { Translate } from '../../i18n';
import { parseNumber } from './model';

/** A typed amount, grouped in the prospect's locale; anything that is not a number stays as typed. */
export function formatAmount(text: string, locale: string): string {
  const value = parseNumber(text);
  if (typeof value !== 'number') return text;
  try {
    const shown = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    // Only a form that reads back as the same number (a dot between groups, as German writes
    // it, would read as a decimal point): the stored value is the number, never the text.
    return parseNumber(shown) === value ? shown : text;
  } catch {
    return text;
  }
}

/** The meeting time's problem: "pick a date and a time", never "like 2026-12-03T14:00". */
export function startsAtProblem(message: string, value: string, t: Translate): string {
  if (value.trim() === '') return t('startsAtMissing');
  if (message.includes('T14:00')) return t('startsAtIncomplete');
  return message;
}
