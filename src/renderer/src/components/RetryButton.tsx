import type { BreakerState } from '../../../shared/model';
import { useI18n } from '../hooks/useI18n';
import { useBreakwatch } from '../store';

/** Retry through the breaker; says what will happen in the current state. */
export function RetryButton({ id, state, inFlight }: { id: string; state: BreakerState; inFlight: boolean }) {
  const { t } = useI18n();
  const retry = useBreakwatch((s) => s.retry);
  return (
    <div className="retry">
      <button
        type="button"
        className="button button-primary"
        aria-describedby="retry-hint"
        aria-busy={inFlight}
        data-busy={inFlight}
        onClick={() => void retry(id)}
      >
        {inFlight && <span className="spinner" aria-hidden="true" />}
        {t('retry.button')}
      </button>
      <p id="retry-hint" className="hint" aria-live="polite">
        {inFlight ? t('retry.checking') : t(`retry.hint.${state}`)}
      </p>
    </div>
  );
}
