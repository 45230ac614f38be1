import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useI18n } from '../hooks/useI18n';
import { worstFirst } from '../sort';
import { useBreakwatch } from '../store';
import { CountdownText } from './Countdown';
import { StateIcon } from './StateIndicator';

/** Every endpoint at a glance, worst first. */
export function Overview() {
  const { t, number } = useI18n();
  const show = useBreakwatch((s) => s.show);
  const list = useBreakwatch(useShallow((s) => Object.values(s.snapshots)));
  const sorted = useMemo(() => [...list].sort(worstFirst), [list]);
  const none = t('metrics.none');
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title" className="page-title">
        {t('overview.title')}
      </h2>
      {sorted.length === 0 && <p className="empty">{t('overview.empty')}</p>}
      <ul className="overview-grid">
        {sorted.map((s) => {
          const recent = s.metrics.recent;
          return (
            <li
              key={s.target.id}
              className={`card tile tile-${s.breaker.state}`}
              data-state={s.breaker.state}
            >
              <button type="button" onClick={() => show({ kind: 'endpoint', id: s.target.id })}>
                <span className="tile-head">
                  <StateIcon state={s.breaker.state} />
                  <span className="tile-name">{s.target.name}</span>
                </span>
                <span className={`tile-state state-fg-${s.breaker.state}`}>
                  {t(`state.${s.breaker.state}`)}{' '}
                  {s.breaker.state === 'open' && s.breaker.openUntil !== null && (
                    <CountdownText openUntil={s.breaker.openUntil} />
                  )}
                </span>
                <span className="tile-stats">
                  {t('metrics.errorPercent')}{' '}
                  {recent.errorPercent === null ? none : `${number(recent.errorPercent, 1)} %`}
                  {' · '}p50 {recent.latency.p50 ?? none} · p99 {recent.latency.p99 ?? none} ms
                </span>
                <span className="mini-beats" aria-hidden="true">
                  {s.heartbeat.slice(-30).map((beat, index) => (
                    <span key={index} className={`mini-beat beat-${beat.kind}`} />
                  ))}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
