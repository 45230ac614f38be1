/**
 * History events in the reader's language, for the table and for its search
 * (which runs in the main process). The stored `kind` and `message` stay
 * English; `text` names our own sentences, and the servers' words (error
 * details) are never translated.
 */
import { isOneOf, USER_ACTIONS } from './channels';
import { translate, type Language, type MessageKey } from './messages';
import { BREAKER_SEVERITY, HISTORY_TEXT_KEYS, type BreakerState, type HistoryEvent } from './model';

export interface HistoryTextFormat {
  readonly language: Language;
  readonly locale: string;
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  time(ms: number): string;
}

const CALL_KINDS = ['success', 'failure', 'short-circuit'] as const;
const BREAKER_STATES = Object.keys(BREAKER_SEVERITY) as BreakerState[];

/** The event's kind; a kind this version does not know (an older file) as stored. */
export function historyKindLabel({ t, locale }: HistoryTextFormat, { type, kind }: HistoryEvent): string {
  if (type === 'call' && isOneOf(CALL_KINDS, kind)) return t(`history.kind.${kind}`);
  if (type === 'transition' && isOneOf(BREAKER_STATES, kind))
    return t(`state.${kind}`).toLocaleLowerCase(locale);
  if (type === 'action' && isOneOf(USER_ACTIONS, kind)) return t(`control.${kind}`).toLocaleLowerCase(locale);
  return kind;
}

/**
 * The message. English shows the stored sentence as written (the one in logs
 * and exports); other languages translate ours and keep the rest as it came.
 */
export function historyMessage(
  { t, time, language, locale }: HistoryTextFormat,
  { message, text }: HistoryEvent,
): string {
  if (language === 'en' || !text || !isOneOf(HISTORY_TEXT_KEYS, text.key)) return message;
  const params: Record<string, string | number> = { ...text.params };
  if (typeof params['at'] === 'number') params['at'] = time(params['at']);
  const from = params['from'];
  if (typeof from === 'string' && isOneOf(BREAKER_STATES, from))
    params['from'] = t(`state.${from}`).toLocaleLowerCase(locale);
  return t(`history.text.${text.key}`, params);
}

/** What the history search matches in a language other than the stored English. */
export function historySearchText(language: Language): ((event: HistoryEvent) => string) | undefined {
  if (language === 'en') return undefined;
  const clock = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const format: HistoryTextFormat = {
    language,
    locale: language,
    t: (key, params) => translate(language, key, params),
    time: (ms) => clock.format(ms),
  };
  return (event) => `${historyKindLabel(format, event)} ${historyMessage(format, event)}`;
}
