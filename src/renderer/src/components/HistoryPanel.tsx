import { useEffect, useState } from 'react';
import { HISTORY_TYPES } from '../../../shared/channels';
import { historyKindLabel, historyMessage } from '../../../shared/history-text';
import type { HistoryEvent } from '../../../shared/model';
import { useI18n } from '../hooks/useI18n';
import { download, useBreakwatch, useSnapshot } from '../store';
import { LatencyChart } from './LatencyChart';

type TypeFilter = 'all' | HistoryEvent['type'];

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
        ...(text ? { text, language: i18n.language } : {}),
      }).then((list) => !cancelled && setEvents(list));
      void listHistory({ id, limit: 600, types: ['call', 'transition'] }).then(
        (list) => !cancelled && setChartEvents(list),
      );
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, seq, type, text, listHistory, i18n.language]);

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
                      {t(`history.type.${event.type}`)}: {historyKindLabel(i18n, event)}
                    </td>
                    <td>{event.status ?? ''}</td>
                    <td>{event.latencyMs !== null ? `${number(event.latencyMs)} ms` : ''}</td>
                    <td>{t(`actor.${event.actor}`)}</td>
                    <td className="message">{historyMessage(i18n, event)}</td>
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
