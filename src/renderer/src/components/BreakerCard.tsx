import { useI18n } from '../hooks/useI18n';
import { useBreakwatch } from '../store';
import { Countdown } from './Countdown';
import { RetryButton } from './RetryButton';
import { StateIndicator } from './StateIndicator';

/** The breaker at a glance: state, countdown, counters and Retry. */
export function BreakerCard() {
  const { t, time, number } = useI18n();
  const breaker = useBreakwatch((state) => state.snapshot!.breaker);
  const inFlight = useBreakwatch((state) => state.snapshot!.inFlight);
  const intervalMs = useBreakwatch((state) => state.snapshot!.intervalMs);
  const lastCheckAt = useBreakwatch((state) => state.snapshot!.lastCheckAt);
  const seconds = (ms: number) => t('stats.seconds', { seconds: number(ms / 1000, 1) });

  return (
    <section className={`card breaker breaker-${breaker.state}`} aria-labelledby="breaker-title">
      <h2 id="breaker-title" className="card-title">
        {t('state.label')}
      </h2>
      <div className="breaker-head">
        <StateIndicator state={breaker.state} />
        {breaker.state === 'open' && breaker.openUntil !== null && (
          <Countdown openUntil={breaker.openUntil} />
        )}
      </div>
      <p className="state-help">
        {t(`state.help.${breaker.state}`, {
          failures: breaker.consecutiveFailures,
          threshold: breaker.failureThreshold,
        })}
      </p>
      <dl className="stats">
        <div>
          <dt>{t('stats.failures')}</dt>
          <dd data-testid="consecutive-failures">
            {breaker.consecutiveFailures} / {breaker.failureThreshold}
          </dd>
        </div>
        <div>
          <dt>{t('stats.recovery')}</dt>
          <dd>{seconds(breaker.recoveryTimeoutMs)}</dd>
        </div>
        <div>
          <dt>{t('stats.interval')}</dt>
          <dd>{intervalMs > 0 ? seconds(intervalMs) : t('stats.manual')}</dd>
        </div>
        <div>
          <dt>{t('stats.lastCheck')}</dt>
          <dd>{lastCheckAt !== null ? time(lastCheckAt) : t('stats.never')}</dd>
        </div>
      </dl>
      <RetryButton state={breaker.state} inFlight={inFlight} />
    </section>
  );
}
