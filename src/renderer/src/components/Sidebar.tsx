import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MonitorSnapshot } from '../../../shared/model';
import { useI18n } from '../hooks/useI18n';
import { worstFirst } from '../sort';
import { useBreakwatch } from '../store';
import { CountdownText } from './Countdown';
import { StateIcon } from './StateIndicator';

/** Memoised: a row re-renders only when its own snapshot (or selection) changes. */
const EndpointRow = memo(function EndpointRow({
  snapshot,
  selected,
}: {
  snapshot: MonitorSnapshot;
  selected: boolean;
}) {
  const { t, number } = useI18n();
  const show = useBreakwatch((s) => s.show);
  const { state, openUntil } = snapshot.breaker;
  const errors = snapshot.metrics.recent.errorPercent;
  return (
    <li data-state={state} className={`endpoint-row${selected ? ' is-selected' : ''}`}>
      <button
        type="button"
        aria-current={selected ? 'page' : undefined}
        onClick={() => show({ kind: 'endpoint', id: snapshot.target.id })}
      >
        <StateIcon state={state} />
        <span className="row-main">
          <span className="row-name">{snapshot.target.name}</span>
          <span className="row-meta">
            <span className={`row-state state-fg-${state}`}>{t(`state.${state}`)}</span>
            {state === 'open' && openUntil !== null && <CountdownText openUntil={openUntil} />}
            {errors !== null && <span>{t('sidebar.errors', { n: number(errors, 0) })}</span>}
          </span>
        </span>
      </button>
    </li>
  );
});

/** Navigation: overview, the endpoints worst first, add, settings. */
export function Sidebar() {
  const { t } = useI18n();
  const view = useBreakwatch((s) => s.view);
  const show = useBreakwatch((s) => s.show);
  const list = useBreakwatch(useShallow((s) => Object.values(s.snapshots)));
  const sorted = useMemo(() => [...list].sort(worstFirst), [list]);
  const selectedId = view.kind === 'endpoint' ? view.id : null;
  return (
    <nav className="sidebar" aria-label={t('nav.endpoints')}>
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
          <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="3" />
          <path
            d="M9 16h5l2-5 3 10 2-5h2"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        </svg>
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
      </div>
      <button
        type="button"
        className={`nav-item${view.kind === 'overview' ? ' is-selected' : ''}`}
        aria-current={view.kind === 'overview' ? 'page' : undefined}
        onClick={() => show({ kind: 'overview' })}
      >
        {t('nav.overview')}
      </button>
      <ul className="endpoint-list" aria-label={t('nav.endpoints')}>
        {sorted.map((snapshot) => (
          <EndpointRow
            key={snapshot.target.id}
            snapshot={snapshot}
            selected={snapshot.target.id === selectedId}
          />
        ))}
      </ul>
      <div className="sidebar-foot">
        <button
          type="button"
          className="button button-primary"
          onClick={() => show({ kind: 'form', id: null })}
        >
          {t('nav.add')}
        </button>
        <button type="button" className="nav-item" onClick={() => show({ kind: 'settings' })}>
          {t('nav.settings')}
        </button>
      </div>
    </nav>
  );
}
