// Suggestions for the searchable pickers. Any valid value can be typed; these are the common ones.
export { machineTimeZone, timeZoneOptions } from '../../ui/timeZones';

const LOCALES = [
  'en-US',
  'en-CA',
  'en-GB',
  'en-AU',
  'fr-CA',
  'fr-FR',
  'fr-BE',
  'fr-CH',
  'es-US',
  'es-ES',
  'es-MX',
  'de-DE',
  'de-CH',
  'it-IT',
  'pt-BR',
  'pt-PT',
  'nl-NL',
  'pl-PL',
  'ja-JP',
  'zh-CN',
  'zh-TW',
  'ko-KR',
  'ar',
  'he-IL',
  'hi-IN',
  'vi-VN',
  'tl-PH',
];

function displayName(type: 'language' | 'currency', code: string): string | undefined {
  try {
    return new Intl.DisplayNames([navigator.language || 'en'], { type }).of(code);
  } catch {
    return undefined;
  }
}

/** A language by its own name ("Français (Canada)"), as its speakers would look for it. */
export function localeName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language', languageDisplay: 'standard' }).of(tag);
    if (name && name !== tag) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    // Not a tag this browser can name: shown as typed.
  }
  return tag;
}

/** The prospect languages the picker offers, by name; the value stays the locale tag. */
export function localeOptions(current: string): { value: string; label: string }[] {
  const tags = current && !LOCALES.includes(current) ? [current, ...LOCALES] : LOCALES;
  return tags.map((value) => ({ value, label: localeName(value) })).sort((a, b) => a.label.localeCompare(b.label));
}

const supported = (key: 'currency' | 'timeZone'): string[] => {
  try {
    return Intl.supportedValuesOf(key);
  } catch {
    return [];
  }
};

export const CURRENCY_OPTIONS = supported('currency').map((value) => ({
  value,
  label: `${value} · ${displayName('currency', value) ?? value}`,
}));
