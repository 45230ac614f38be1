/**
 * The language and formatters for the UI: Spanish for an `es` locale (from
 * the OS in Electron, from the browser in the host), English otherwise.
 */
import { useMemo } from 'react';
import { languageFor, translate, type Language, type MessageKey } from '../../../shared/messages';
import { useBreakwatch } from '../store';

export interface I18n {
  readonly language: Language;
  readonly locale: string;
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  time(ms: number): string;
  number(value: number, fractionDigits?: number): string;
  bytes(value: number): string;
  age(ms: number): string;
}

export function useI18n(): I18n {
  const appLocale = useBreakwatch((state) => state.info?.locale ?? null);
  const locale = appLocale ?? navigator.language ?? 'en';
  return useMemo(() => createI18n(locale), [locale]);
}

export function createI18n(locale: string): I18n {
  const language = languageFor(locale);
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const t: I18n['t'] = (key, params) => translate(language, key, params);
  const number = (value: number, fractionDigits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value);
  return {
    language,
    locale,
    t,
    time: (ms) => timeFormat.format(ms),
    number,
    bytes(value) {
      if (value >= 1024 * 1024) return `${number(value / (1024 * 1024), 1)} MiB`;
      if (value >= 1024) return `${number(value / 1024, 1)} KiB`;
      return `${number(value)} B`;
    },
    age(ms) {
      const seconds = Math.max(0, Math.floor(ms / 1000));
      if (seconds < 60) return t('age.seconds', { n: seconds });
      if (seconds < 3600) return t('age.minutes', { n: Math.floor(seconds / 60) });
      if (seconds < 86_400) return t('age.hours', { n: Math.floor(seconds / 3600) });
      return t('age.days', { n: Math.floor(seconds / 86_400) });
    },
  };
}
