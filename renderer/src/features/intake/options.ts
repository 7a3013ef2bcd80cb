// Suggestions for the searchable pickers. Any valid value can be typed; these are the common ones.
const LOCALES = ['en-US', 'en-CA', 'en-GB', 'en-AU', 'fr-CA', 'fr-FR', 'fr-BE', 'fr-CH', 'es-US', 'es-ES', 'es-MX', 'de-DE', 'de-CH', 'it-IT', 'pt-BR', 'pt-PT', 'nl-NL', 'pl-PL', 'ja-JP', 'zh-CN', 'zh-TW', 'ko-KR', 'ar', 'he-IL', 'hi-IN', 'vi-VN', 'tl-PH'];

function displayName(type: 'language' | 'currency', code: string): string | undefined {
  try {
    return new Intl.DisplayNames([navigator.language || 'en'], { type }).of(code);
  } catch {
    return undefined;
  }
}

export const LOCALE_OPTIONS = LOCALES.map((value) => ({ value, label: `${value} · ${displayName('language', value) ?? value}` }));

const supported = (key: 'currency' | 'timeZone'): string[] => {
  try {
    return Intl.supportedValuesOf(key);
  } catch {
    return [];
  }
};

export const CURRENCY_OPTIONS = supported('currency').map((value) => ({ value, label: `${value} · ${displayName('currency', value) ?? value}` }));

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export const TIME_ZONE_OPTIONS = [...new Set([machineTimeZone(), ...supported('timeZone')])].map((value) => ({ value }));
