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
  const messages = MESSAGES[language];
  return (key, values) => {
    const text = messages[key];
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  };
}

export type { MessageKey };
