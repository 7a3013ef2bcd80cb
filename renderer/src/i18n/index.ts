// The UI's words in English and French. The language comes from the system until the advisor
// picks one in Settings (kept in this window's storage: it is a preference, not client data).
import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';

export type UiLanguage = 'en' | 'fr';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'fr'];
const MESSAGES: Record<UiLanguage, Messages> = { en, fr };

export function systemLanguage(languages: readonly string[]): UiLanguage {
  for (const tag of languages) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'fr' || lang === 'en') return lang;
  }
  return 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: UiLanguage): Translate {
  const messages: Readonly<Record<string, string>> = MESSAGES[language];
  const plurals = new Intl.PluralRules(language);
  return (key, values) => {
    // A count `n` picks `<key>_one` (and the like) when the language has a form for it: "1 problem".
    const n = values?.['n'];
    const form = typeof n === 'number' ? messages[`${key}_${plurals.select(n)}`] : undefined;
    const text = form ?? messages[key] ?? key;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  };
}

export type { MessageKey };
