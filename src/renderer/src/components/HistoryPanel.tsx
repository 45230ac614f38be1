import { useEffect, useState } from 'react';
import { HISTORY_TYPES, USER_ACTIONS } from '../../../shared/channels';
import {
  BREAKER_SEVERITY,
  HISTORY_TEXT_KEYS,
  type BreakerState,
  type HistoryEvent,
} from '../../../shared/model';
import { useI18n, type I18n } from '../hooks/useI18n';
import { download, useBreakwatch, useSnapshot } from '../store';
import { LatencyChart } from './LatencyChart';

type TypeFilter = 'all' | HistoryEvent['type'];

const CALL_KINDS = ['success', 'failure', 'short-circuit'] as const;
const BREAKER_STATES = Object.keys(BREAKER_SEVERITY) as BreakerState[];
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** The event's kind in the UI's language; a kind this version does not know (an older file) as stored. */
function kindLabel({ t, locale }: I18n, { type, kind }: HistoryEvent): string {
  if (type === 'call' && isOneOf(CALL_KINDS, kind)) return t(`history.kind.${kind}`);
  if (type === 'transition' && isOneOf(BREAKER_STATES, kind))
    return t(`state.${kind}`).toLocaleLowerCase(locale);
  if (type === 'action' && isOneOf(USER_ACTIONS, kind)) return t(`control.${kind}`).toLocaleLowerCase(locale);
  return kind;
}

/**
 * The message in the UI's language. English shows the stored sentence as
 * written (the one in logs and exports); other languages translate ours and
 * keep the servers' own words (error details) as they came.
 */
function messageText({ t, time, language, locale }: I18n, { message, text }: HistoryEvent): string {
  if (language === 'en' || !text || !isOneOf(HISTORY_TEXT_KEYS, text.key)) return message;
  const params: Record<string, string | number> = { ...text.params };
  if (typeof params['at'] === 'number') params['at'] = time(params['at']);
  const from = params['from'];
  if (typeof from === 'string' && isOneOf(BREAKER_STATES, from))
    params['from'] = t(`state.${from}`).toLocaleLowerCase(locale);
  return t(`history.text.${text.key}`, params);
}

/** Response-time chart and the filterable, exportable event table (loaded lazily). */
export default function HistoryPanel({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, time, number } = i18n;
  const seq = useSnapshot(id, (s) => s.seq);
  const listHistory = useBreakwatch((s) => s.listHistory);
  const exportHistory = useBreakwatch((s) => s.exportHistory);
  const [type, setType] = useState<TypeFilter>('all');
  const [text, setText] = useState('');
  // null until the first answer: no "empty" flash before the history arrives.
  const [events, setEvents] = useState<readonly HistoryEvent[] | null>(null);
  const [chartEvents, setChartEvents] = useState<readonly HistoryEvent[] | null>(null);

  // Refetch when the monitor publishes; a short delay merges bursts of snapshots.
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void listHistory({
        id,
        limit: 200,
        ...(type !== 'all' ? { types: [type] } : {}),
        ...(text ? { text } : {}),
      }).then((list) => !cancelled && setEvents(list));
      void listHistory({ id, limit: 600, types: ['call', 'transition'] }).then(
        (list) => !cancelled && setChartEvents(list),
      );
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, seq, type, text, listHistory]);

  const save = async (format: 'csv' | 'json') => {
    const file = await exportHistory(id, format);
    if (file) download(file);
  };

  return (
    <>
      {chartEvents && <LatencyChart events={chartEvents} />}
      <section className="card history" aria-labelledby="history-title">
        <div className="card-head">
          <h2 id="history-title" className="card-title">
            {t('history.title')}
          </h2>
          <div className="history-tools">
            <label>
              {t('history.type')}{' '}
              <select value={type} onChange={(event) => setType(event.target.value as TypeFilter)}>
                <option value="all">{t('history.type.all')}</option>
                {HISTORY_TYPES.map((value) => (
                  <option key={value} value={value}>
                    {t(`history.type.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <input
              type="search"
              aria-label={t('history.search')}
              placeholder={t('history.search')}
              value={text}
              maxLength={200}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="button" className="button button-quiet" onClick={() => void save('csv')}>
              {t('history.exportCsv')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => void save('json')}>
              {t('history.exportJson')}
            </button>
          </div>
        </div>
        {events === null ? null : events.length === 0 ? (
          <p className="empty">{t('history.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('history.col.time')}</th>
                  <th scope="col">{t('history.col.event')}</th>
                  <th scope="col">{t('history.col.status')}</th>
                  <th scope="col">{t('history.col.latency')}</th>
                  <th scope="col">{t('history.col.actor')}</th>
                  <th scope="col">{t('history.col.message')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event, index) => (
                  <tr key={`${event.at}-${index}`} className={`row-${event.type} row-${event.kind}`}>
                    <td>{time(event.at)}</td>
                    <td>
                      {t(`history.type.${event.type}`)}: {kindLabel(i18n, event)}
                    </td>
                    <td>{event.status ?? ''}</td>
                    <td>{event.latencyMs !== null ? `${number(event.latencyMs)} ms` : ''}</td>
                    <td>{t(`actor.${event.actor}`)}</td>
                    <td className="message">{messageText(i18n, event)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
