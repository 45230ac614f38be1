import { useI18n } from '../hooks/useI18n';
import { useBreakwatch, useSnapshot } from '../store';
import { ConfirmButton } from './Confirm';
import { Countdown } from './Countdown';
import { RetryButton } from './RetryButton';
import { StateIndicator } from './StateIndicator';

/** The breaker at a glance: state, countdown, counters, Retry and manual control. */
export function BreakerCard({ id }: { id: string }) {
  const { t, time, number } = useI18n();
  const breaker = useSnapshot(id, (s) => s.breaker);
  const inFlight = useSnapshot(id, (s) => s.inFlight);
  const paused = useSnapshot(id, (s) => s.paused);
  const intervalMs = useSnapshot(id, (s) => s.intervalMs);
  const lastCheckAt = useSnapshot(id, (s) => s.lastCheckAt);
  const control = useBreakwatch((s) => s.control);
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
          <dd>{paused ? t('control.paused') : intervalMs > 0 ? seconds(intervalMs) : t('stats.manual')}</dd>
        </div>
        <div>
          <dt>{t('stats.lastCheck')}</dt>
          <dd>{lastCheckAt !== null ? time(lastCheckAt) : t('stats.never')}</dd>
        </div>
      </dl>
      <RetryButton id={id} state={breaker.state} inFlight={inFlight} />
      <div className="controls">
        {breaker.state === 'open' && (
          <button type="button" className="button button-quiet" onClick={() => void control(id, 'probe')}>
            {t('control.probe')}
          </button>
        )}
        {breaker.state !== 'closed' && breaker.state !== 'held-open' && (
          <button type="button" className="button button-quiet" onClick={() => void control(id, 'reset')}>
            {t('control.reset')}
          </button>
        )}
        {breaker.state === 'held-open' ? (
          <button type="button" className="button button-quiet" onClick={() => void control(id, 'release')}>
            {t('control.release')}
          </button>
        ) : (
          <ConfirmButton
            label={t('control.hold')}
            question={t('control.holdConfirm')}
            onConfirm={() => void control(id, 'hold')}
          />
        )}
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={paused}
          onClick={() => void control(id, paused ? 'resume' : 'pause')}
        >
          {paused ? t('control.resume') : t('control.pause')}
        </button>
      </div>
    </section>
  );
}
