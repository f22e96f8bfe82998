import { fillTemplate } from '../../core/i18n/template';
import { en } from './en';
import { ja, type MessageKey } from './ja';

export type Lang = 'ja' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** `{name}` is a value, `{n|# item|# items}` a count with its English noun (see core/i18n/template). */
export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, vars) => fillTemplate(table[key], vars);
}

/** Office reports e.g. 'ja-JP' or 'en-US'; anything not English gets the Japanese the product is made for. */
export function langFromDisplayLanguage(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}
