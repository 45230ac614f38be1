import { lazy, Suspense } from 'react';
import { useI18n } from '../hooks/useI18n';
import { useBreakwatch, useSnapshot } from '../store';
import { BreakerCard } from './BreakerCard';
import { ConfirmButton } from './Confirm';
import { ErrorAlert } from './ErrorAlert';
import { FaultSwitch } from './FaultSwitch';
import { Heartbeat } from './Heartbeat';
import { MetricsPanel } from './MetricsPanel';
import { ResponsePanel } from './ResponsePanel';

// History and chart load after the first screen.
const HistoryPanel = lazy(() => import('./HistoryPanel'));

/** Everything about one endpoint. */
export function EndpointDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const target = useSnapshot(id, (s) => s.target);
  const show = useBreakwatch((s) => s.show);
  const duplicate = useBreakwatch((s) => s.duplicate);
  const remove = useBreakwatch((s) => s.remove);

  return (
    <div className="detail">
      <header className="detail-head">
        <div className="detail-title">
          <h2>{target.name}</h2>
          <code className="target-url" title={target.url}>
            {target.method ?? 'GET'} {target.url}
          </code>
        </div>
        <div className="detail-actions">
          <button type="button" className="button button-quiet" onClick={() => show({ kind: 'form', id })}>
            {t('endpoint.edit')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => void duplicate(id)}>
            {t('endpoint.duplicate')}
          </button>
          <ConfirmButton
            label={t('endpoint.remove')}
            question={t('endpoint.removeConfirm', { name: target.name })}
            onConfirm={() => void remove(id)}
          />
        </div>
      </header>
      <div className="layout">
        <div className="column column-side">
          <BreakerCard id={id} />
          {target.isDemo && <FaultSwitch />}
        </div>
        <div className="column column-main">
          <ErrorAlert id={id} />
          <ResponsePanel id={id} />
          <MetricsPanel id={id} />
          <Heartbeat id={id} />
        </div>
        {/* Chart and history get the full width: the table's messages are long. */}
        <div className="column layout-wide">
          <Suspense fallback={null}>
            <HistoryPanel id={id} />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
