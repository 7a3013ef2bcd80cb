// Locales, languages and households: the prospect's locale tag, the currency of their country,
// and how a couple is named ("Maria Lopez & Daniel Lopez", "Maria & Daniel").
import countryToCurrency from 'country-to-currency';

export const DEFAULT_LOCALE = 'en-US';

/** The canonical form of a BCP 47 tag, or undefined when the tag is not well formed. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical;
  } catch {
    return undefined;
  }
}

/** The tag's language subtag; "und" (undetermined) when the tag names none. */
// Asked many times per deck for the same few locales; parsing a tag each time shows in planDeck.
const languages = new Map<string, string>();

export function languageOf(locale: string): string {
  let language = languages.get(locale);
  if (language === undefined) {
    language = new Intl.Locale(locale).language ?? 'und';
    if (languages.size > 1000) languages.clear();
    languages.set(locale, language);
  }
  return language;
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && supportedCurrencies().has(code);
}

let currencies: Set<string> | undefined;
function supportedCurrencies(): Set<string> {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies;
}

/** The currency people in the locale's region use ('fr' → France → EUR); USD when unknown. */
export function defaultCurrency(locale: string): string {
  const region = new Intl.Locale(locale).maximize().region;
  const table = countryToCurrency as Record<string, string>;
  return (region && table[region]) || 'USD';
}

/**
 * Copy falls back from the full tag to its language, then to English:
 * fr-CA → fr-CA, fr, en. Returns the first key present in `available`.
 */
export function pickLanguage(locale: string, available: readonly string[]): string {
  for (const candidate of [locale, languageOf(locale), 'en']) {
    const match = available.find((a) => a.toLowerCase() === candidate.toLowerCase());
    if (match) return match;
  }
  const first = available[0];
  if (first === undefined) throw new Error('no deck copy is available');
  return first;
}

/** Languages in which the family name comes first. */
const FAMILY_NAME_FIRST = new Set(['ja', 'zh', 'ko']);

export function fullName(locale: string, firstName: string, lastName: string): string {
  if (FAMILY_NAME_FIRST.has(languageOf(locale))) return `${lastName} ${firstName}`;
  return `${firstName} ${lastName}`;
}

/** Who the meeting is with: the prospect, and their partner when the intake names one. */
export interface Household {
  firstName: string;
  lastName: string;
  partner?: { firstName: string; lastName?: string | undefined } | undefined;
}

/**
 * A couple is addressed together, as they came together: "David & Priya" in titles and
 * thanks, "David Chen & Priya Patel" when their family names differ. One person: their name.
 */
export function householdFirstNames(locale: string, h: Household): string {
  return h.partner ? `${h.firstName} & ${h.partner.firstName}` : h.firstName;
}

/**
 * "David Chen & Priya Chen", "David Chen & Priya Patel": each full name, as a formal letter to
 * a couple writes them (and each still found whole by a search for one of them).
 */
export function householdName(locale: string, h: Household): string {
  const own = fullName(locale, h.firstName, h.lastName);
  const partner = h.partner;
  if (!partner) return own;
  return `${own} & ${fullName(locale, partner.firstName, partner.lastName || h.lastName)}`;
}

/** The names a letter opens with, in the language's own words: "David and Priya", "David et Priya". */
export function greetingNames(locale: string, h: Household): string {
  if (!h.partner) return h.firstName;
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format([h.firstName, h.partner.firstName]);
  } catch {
    return `${h.firstName} & ${h.partner.firstName}`;
  }
}
