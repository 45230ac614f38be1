import { Fragment } from 'react';
import { FAILURE_CATEGORIES, type WindowMetrics } from '../../../shared/model';
import { useI18n, type I18n } from '../hooks/useI18n';
import { useSnapshot } from '../store';

const LATENCY_KEYS = ['p50', 'p90', 'p99', 'max'] as const;

function percent(i18n: I18n, value: number | null): string {
  return value === null ? i18n.t('metrics.none') : `${i18n.number(value, 1)} %`;
}

function ms(i18n: I18n, value: number | null): string {
  return value === null ? i18n.t('metrics.none') : i18n.number(value);
}

function WindowColumn({ title, metrics, i18n }: { title: string; metrics: WindowMetrics; i18n: I18n }) {
  const { t, number } = i18n;
  return (
    <div className="metrics-window">
      <h3>{title}</h3>
      <dl>
        <dt>{t('metrics.calls')}</dt>
        <dd>{number(metrics.calls)}</dd>
        <dt>{t('metrics.successes')}</dt>
        <dd>{number(metrics.successes)}</dd>
        {FAILURE_CATEGORIES.map((category) => (
          <FailureRow
            key={category}
            label={t(`failure.${category}`)}
            value={metrics.failures[category]}
            i18n={i18n}
          />
        ))}
        <FailureRow label={t('metrics.unexpected')} value={metrics.unexpected} i18n={i18n} />
        <dt>{t('metrics.shortCircuited')}</dt>
        <dd>{number(metrics.shortCircuited)}</dd>
        <dt>{t('metrics.errorPercent')}</dt>
        <dd data-testid="error-percent">{percent(i18n, metrics.errorPercent)}</dd>
        <dt>{t('metrics.latency')}</dt>
        <dd className="latency">
          {LATENCY_KEYS.map((key, index) => (
            // Each percentile stays whole; a narrow column wraps between them, never inside one.
            <Fragment key={key}>
              {index > 0 && ' · '}
              <span className="latency-item">
                {key} {ms(i18n, metrics.latency[key])}
              </span>
            </Fragment>
          ))}
        </dd>
      </dl>
    </div>
  );
}

function FailureRow({ label, value, i18n }: { label: string; value: number; i18n: I18n }) {
  return (
    <>
      <dt className="indent">{label}</dt>
      <dd className={value > 0 ? 'bad' : undefined}>{i18n.number(value)}</dd>
    </>
  );
}

/** Hystrix-style counts for two windows, plus uptime. */
export function MetricsPanel({ id }: { id: string }) {
  const i18n = useI18n();
  const metrics = useSnapshot(id, (s) => s.metrics);
  const { t } = i18n;
  return (
    <section className="card metrics" aria-labelledby="metrics-title">
      <div className="card-head">
        <h2 id="metrics-title" className="card-title">
          {t('metrics.title')}
        </h2>
        <p className="uptime">
          {t('metrics.uptime1h')} <strong>{percent(i18n, metrics.uptime1h)}</strong> ·{' '}
          {t('metrics.uptime24h')} <strong>{percent(i18n, metrics.uptime24h)}</strong>
        </p>
      </div>
      <div className="metrics-grid">
        <WindowColumn title={t('metrics.recent')} metrics={metrics.recent} i18n={i18n} />
        <WindowColumn title={t('metrics.lastCalls')} metrics={metrics.lastCalls} i18n={i18n} />
      </div>
    </section>
  );
}
